import { AppShell, Badge, Group, NavLink as MantineNavLink, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { usePendingApprovalCount } from '../features/approvals/queries';
import { UserMenu, useSession } from '../features/auth';
import { territoryRights } from '../features/territories/rights';
import { paths } from '../shared/paths';
import { usePlaybook } from '../shared/playbook';
import { approves, myDealsFirst, myDealsListFirst } from './landing';

interface NavItem {
  label: string;
  href: string;
  /** Whether the item is the screen at `location` (a path without the query). */
  current: (location: string) => boolean;
  /** A count beside the label (what waits for the caller). */
  count?: number | undefined;
}

const under = (href: string) => (location: string) => location === href || location.startsWith(`${href}/`);

/** A board per pipeline of the playbook, then the lists; each on the caller's own deals where theirs come first. */
function useNav(): NavItem[] {
  const playbook = usePlaybook().data;
  const session = useSession().data;
  const user = session?.user;
  const mine = (first: boolean) => (first && user ? { owner: user.id } : {});
  const approver = Boolean(user && playbook && approves(user.role, playbook));
  const waiting = usePendingApprovalCount(approver).data?.total;
  return [
    ...(playbook?.pipelines ?? []).map((pipeline) => ({
      label: `${pipeline.name} board`,
      href: paths.board(
        pipeline.key,
        mine(Boolean(user && playbook && myDealsFirst(user.role, playbook, pipeline.key))),
      ),
      current: under(paths.board(pipeline.key)),
    })),
    {
      label: 'Deals',
      href: paths.deals(mine(Boolean(user && myDealsListFirst(user.role)))),
      current: (location) => location === paths.deals(),
    },
    { label: 'Deals at risk', href: paths.atRisk, current: under(paths.atRisk) },
    { label: 'Accounts', href: paths.accounts, current: under(paths.accounts) },
    // One entry for the forecast's views (roll-up, what changed, funnel); each page links to the others.
    {
      label: 'Forecast',
      href: paths.forecast,
      current: (location: string) => under(paths.forecast)(location) || under(paths.funnel)(location),
    },
    // For the roles that hold a step of the playbook's approval chain, with what waits for them.
    ...(approver
      ? [{ label: 'Approvals', href: paths.approvals, current: under(paths.approvals), count: waiting }]
      : []),
    // Only for the roles that may see it (the screen says who may to anyone who opens its address).
    ...(session?.permissions.managePlaybook.allowed
      ? [{ label: 'Playbook', href: paths.playbook, current: under(paths.playbook) }]
      : []),
    ...(territoryRights(session).read
      ? [{ label: 'Territories', href: paths.territories, current: under(paths.territories) }]
      : []),
    ...(session?.permissions.manageWebhooks.allowed
      ? [{ label: 'Webhooks', href: paths.webhooks, current: under(paths.webhooks) }]
      : []),
    ...(session?.permissions.importData.allowed
      ? [{ label: 'Import', href: paths.imports, current: under(paths.imports) }]
      : []),
  ];
}

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const nav = useNav();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          {/* However many screens the caller's role has, the menu stays in view: the links scroll sideways. */}
          <Group
            gap="sm"
            wrap="nowrap"
            component="nav"
            aria-label="Main"
            style={{ flex: 1, minWidth: 0, overflowX: 'auto' }}
          >
            <Text fw={700} size="lg" mr="xs">
              Closepath
            </Text>
            {nav.map((item) => {
              const current = item.current(location);
              return (
                <MantineNavLink
                  key={item.href}
                  component={Link}
                  href={item.href}
                  label={item.label}
                  rightSection={
                    item.count ? (
                      <Badge size="sm" circle aria-label={`${item.count} waiting`} data-testid="nav-count">
                        {item.count}
                      </Badge>
                    ) : undefined
                  }
                  active={current}
                  aria-current={current ? 'page' : undefined}
                  w="auto"
                  style={{ borderRadius: 6, whiteSpace: 'nowrap' }}
                />
              );
            })}
          </Group>
          <div style={{ flexShrink: 0 }}>
            <UserMenu />
          </div>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
