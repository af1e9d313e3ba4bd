import { Badge } from '@mantine/core';
import type { Inspection } from '../api';
import { humanize } from './format';

const BAND_COLORS = { green: 'green', yellow: 'yellow', red: 'red' } as const;
const VELOCITY_COLORS = { fast_track: 'teal', standard: 'gray', at_risk: 'red', recovery: 'blue' } as const;

/** The deal's health score in its band's colour (red < 60 ≤ yellow < 80 ≤ green). */
export function HealthBadge({ health }: { health: Pick<Inspection['health'], 'score' | 'band'> }) {
  return (
    <Badge
      size="xs"
      tt="none"
      color={BAND_COLORS[health.band]}
      variant="light"
      title={`Health ${health.score} of 100 (${health.band})`}
      aria-label={`Health ${health.score} of 100`}
    >
      ♥ {health.score}
    </Badge>
  );
}

export function VelocityBadge({ velocity }: { velocity: Pick<Inspection['velocity'], 'class'> }) {
  return (
    <Badge size="xs" tt="none" color={VELOCITY_COLORS[velocity.class]} variant="light" title="Velocity">
      {humanize(velocity.class)}
    </Badge>
  );
}
