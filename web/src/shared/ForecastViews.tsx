import { Anchor, Group } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import type { RolePermissions } from '../api';
import { paths } from './paths';

const VIEWS = [
  { label: 'Roll-up and calls', href: paths.forecast },
  { label: 'What changed', href: paths.forecastChanges },
  { label: 'Funnel', href: paths.funnel },
  { label: 'Revenue', href: paths.revenue },
] as const;

/** Shown only to whoever may keep the rates and quotas (the page says who may to anyone else). */
const SETTINGS = { label: 'Settings', href: paths.forecastSettings };

/**
 * The forecast's views (one entry in the main navigation), the current one marked; its settings too when the
 * caller's `permissions` allow keeping them.
 */
export function ForecastViews({ permissions }: { permissions?: RolePermissions | undefined }) {
  const [location] = useLocation();
  const views = permissions?.manageForecastSettings.allowed ? [...VIEWS, SETTINGS] : VIEWS;
  return (
    <Group gap="md" component="nav" aria-label="Forecast views">
      {views.map((view) => {
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
