import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { ActivityTimeline } from '../../shared/activities';
import { placeOf, useGeography } from '../../shared/geography';
import { paths } from '../../shared/paths';
import { WhoMay } from '../../shared/permission';
import { segmentLabel } from '../../shared/segments';
import { ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { AccountForm } from './AccountForm';
import { ContactsPanel } from './ContactsPanel';
import { CustomerPanel } from './CustomerPanel';
import { OpportunitiesPanel } from './OpportunitiesPanel';
import { useAccount } from './queries';
import { TerritoryLine } from './TerritoryLine';

/**
 * An account: its customer class and contracts, contacts, deals and activity. Every write control follows the
 * view's `permissions` and carries `data-requires` with the right it needs; where the caller may not, the
 * screen says who may instead of offering a control that would be refused.
 */
export function AccountPage({ id }: { id: string }) {
  const detail = useAccount(id);
  const users = useUsers();
  const geography = useGeography();
  const [editing, setEditing] = useState(false);

  if (detail.isPending) return <LoadingState label="Loading the account…" />;
  if (detail.isError)
    return (
      <ErrorState title="Could not load this account" error={detail.error} onRetry={() => detail.refetch()} />
    );
  const view = detail.data;
  const { account, contacts, opportunities, permissions } = view;

  return (
    <Stack gap="md">
      <Anchor component={Link} href={paths.accounts} size="sm">
        ← Accounts
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {account.name}
        </Title>
        <Group gap="sm">
          {permissions.createDeal.allowed && (
            <Button
              component={Link}
              href={paths.newDeal({ accountId: account.id })}
              data-requires="createDeal"
            >
              New deal
            </Button>
          )}
          {permissions.edit.allowed && (
            <Button variant="default" data-requires="edit" onClick={() => setEditing(true)}>
              Edit account
            </Button>
          )}
        </Group>
      </Group>
      {(!permissions.createDeal.allowed || !permissions.edit.allowed) && (
        <Stack gap={2}>
          <WhoMay permission={permissions.createDeal} what="New deal" />
          <WhoMay permission={permissions.edit} what="Edit account" />
        </Stack>
      )}
      <Group gap="xs">
        <Badge variant="light" tt="none">
          {segmentLabel(account.segment)}
        </Badge>
        {account.selfServeUsage && (
          <Badge variant="light" color="teal" tt="none">
            Self-serve usage
          </Badge>
        )}
        <Text size="sm">
          {[account.domain, account.industry, placeOf(geography.data, account)].filter(Boolean).join(' · ')} ·
          owner {nameOf(users.data, account.ownerId)}
          {account.csmId && ` · CSM ${nameOf(users.data, account.csmId)}`}
          {account.awsAccountId && ` · AWS account ${account.awsAccountId}`}
        </Text>
      </Group>
      <TerritoryLine view={view} users={users.data} />

      <CustomerPanel view={view} />
      <ContactsPanel accountId={account.id} contacts={contacts} keepContacts={permissions.keepContacts} />
      <OpportunitiesPanel view={view} />
      <Paper withBorder p="md">
        <ActivityTimeline
          target={{ accountId: account.id }}
          contacts={contacts}
          canLog={permissions.keepContacts}
          deals={opportunities}
        />
      </Paper>

      <Modal
        opened={editing && permissions.edit.allowed}
        onClose={() => setEditing(false)}
        title="Edit account"
        size="lg"
      >
        {/* Mounted afresh on each opening (no key by version: a remount mid-save would drop its onDone). */}
        <AccountForm account={account} reassign={permissions.reassign} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}
