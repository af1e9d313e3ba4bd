import { AppShell, Group, NavLink as MantineNavLink, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { UserMenu } from '../features/auth';
import { paths } from '../shared/paths';

const NAV = [
  { label: 'New Business board', href: paths.board('new_business') },
  { label: 'Renewal board', href: paths.board('renewal') },
  { label: 'Deals at risk', href: paths.atRisk },
  { label: 'Accounts', href: paths.accounts },
];

export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" component="nav" aria-label="Main">
            <Text fw={700} size="lg">
              Closepath
            </Text>
            {NAV.map((item) => (
              <MantineNavLink
                key={item.href}
                component={Link}
                href={item.href}
                label={item.label}
                active={location.startsWith(item.href)}
                w="auto"
                style={{ borderRadius: 6 }}
              />
            ))}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
