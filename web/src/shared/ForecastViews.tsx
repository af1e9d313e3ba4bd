import { Anchor, Group } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { paths } from './paths';

const VIEWS = [
  { label: 'Roll-up and calls', href: paths.forecast },
  { label: 'What changed', href: paths.forecastChanges },
  { label: 'Funnel', href: paths.funnel },
  { label: 'Revenue', href: paths.revenue },
] as const;

/** The forecast's views (one entry in the main navigation), the current one marked. */
export function ForecastViews() {
  const [location] = useLocation();
  return (
    <Group gap="md" component="nav" aria-label="Forecast views">
      {VIEWS.map((view) => {
        const current = location === view.href;
        return (
          <Anchor
            key={view.href}
            component={Link}
            href={view.href}
            size="sm"
            fw={current ? 700 : 400}
            underline={current ? 'always' : 'hover'}
            aria-current={current ? 'page' : undefined}
          >
            {view.label}
          </Anchor>
        );
      })}
    </Group>
  );
}
