import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Contact } from '../../api';
import { formatDate, formatMoney, humanize } from '../../shared/format';
import { placeOf, useGeography } from '../../shared/geography';
import { paths } from '../../shared/paths';
import { stageName, usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { AccountForm } from './AccountForm';
import { ContactForm } from './ContactForm';
import { CustomerPanel } from './CustomerPanel';
import { useAccount } from './queries';

export function AccountPage({ id }: { id: string }) {
  const detail = useAccount(id);
  const users = useUsers();
  const playbook = usePlaybook();
  const geography = useGeography();
  const [editing, setEditing] = useState(false);
  const [contact, setContact] = useState<Contact | 'new' | null>(null);

  if (detail.isPending) return <LoadingState label="Loading the account…" />;
  if (detail.isError)
    return (
      <ErrorState title="Could not load this account" error={detail.error} onRetry={() => detail.refetch()} />
    );
  const { account, contacts, opportunities } = detail.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} href={paths.accounts} size="sm">
        ← Accounts
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {account.name}
        </Title>
        <Button variant="default" onClick={() => setEditing(true)}>
          Edit account
        </Button>
      </Group>
      <Group gap="xs">
        <Badge variant="light">{humanize(account.segment)}</Badge>
        {account.selfServeUsage && (
          <Badge variant="light" color="teal">
            Self-serve usage
          </Badge>
        )}
        <Text size="sm">
          {[account.domain, account.industry, placeOf(geography.data, account)].filter(Boolean).join(' · ')} ·
          owner {nameOf(users.data, account.ownerId)}
        </Text>
      </Group>

      <CustomerPanel view={detail.data} />

      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3">
            Contacts
          </Title>
          <Button size="xs" onClick={() => setContact('new')}>
            Add contact
          </Button>
        </Group>
        {contacts.length === 0 ? (
          <EmptyState title="No contacts yet">
            Add the people you work with: champion, economic buyer…
          </EmptyState>
        ) : (
          <Table>
            <Table.Tbody>
              {contacts.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{person.title ?? '—'}</Table.Td>
                  <Table.Td>{person.email ?? '—'}</Table.Td>
                  <Table.Td>{person.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setContact(person)}
                      aria-label={`Edit ${person.name}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="xs">
          Opportunities
        </Title>
        {opportunities.length === 0 ? (
          <EmptyState title="No opportunities you can see on this account" />
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Amount</Table.Th>
                <Table.Th>Close date</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {opportunities.map((deal) => (
                <Table.Tr key={deal.id}>
                  <Table.Td>
                    <Anchor component={Link} href={paths.opportunity(deal.id)}>
                      {deal.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{stageName(playbook.data, deal.pipeline, deal.stage)}</Table.Td>
                  <Table.Td>{formatMoney(deal.amountMinor, deal.currency)}</Table.Td>
                  <Table.Td>{formatDate(deal.closeDate)}</Table.Td>
                  <Table.Td>{nameOf(users.data, deal.ownerId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit account" size="lg">
        {/* Mounted afresh on each opening (no key by version: a remount mid-save would drop its onDone). */}
        <AccountForm account={account} onDone={() => setEditing(false)} />
      </Modal>
      <Modal
        opened={contact !== null}
        onClose={() => setContact(null)}
        title={contact === 'new' ? 'Add contact' : 'Edit contact'}
      >
        {contact !== null && (
          <ContactForm
            accountId={account.id}
            {...(contact !== 'new' && { contact })}
            onDone={() => setContact(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
