import { Alert, Badge, Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AccountView, Contract, Playbook } from '../../api';
import { formatDate, formatMoney } from '../../shared/format';
import { WhoMay } from '../../shared/permission';
import { usePlaybook } from '../../shared/playbook';
import { EmptyState, ErrorState, LoadingState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';
import { type ContractChange, ContractChangeForm } from './ContractChangeForm';
import { ContractForm } from './ContractForm';
import { classByRule, classColor, wonDealsOf } from './customer-class';
import { useContracts } from './queries';

/** Why the account is in its class, in words. */
function classReason(view: AccountView, playbook: Playbook | undefined): string {
  const { customer } = view;
  if (customer.activeContract) {
    const { endDate, tcvMinor, currency } = customer.activeContract;
    return `A commit contract is in force until ${formatDate(endDate)} (${formatMoney(tcvMinor, currency)} TCV).`;
  }
  if (customer.rule === 'self_serve_usage')
    return 'Uses the self-serve product and has no commit contract in force.';
  return classByRule(playbook, 'self_serve_usage')
    ? 'No commit contract in force and no self-serve usage.'
    : 'No commit contract in force.';
}

/**
 * The customer class with its focus guidance, and the account's contracts with a way to record one for whoever
 * may (`recordContracts`: Finance and RevOps; everyone else reads who may).
 */
export function CustomerPanel({ view }: { view: AccountView }) {
  const contracts = useContracts(view.account.id);
  const users = useUsers();
  const playbook = usePlaybook().data;
  const [recording, setRecording] = useState(false);
  const [changing, setChanging] = useState<{ contract: Contract; change: ContractChange } | null>(null);
  const { recordContracts } = view.permissions;
  const wonDeals = wonDealsOf(view.opportunities, playbook);
  const color = classColor(view.customer.rule);
  const contractClass = classByRule(playbook, 'contract_in_force');

  return (
    <Paper withBorder p="md" aria-label="Customer class and contracts">
      <Group justify="space-between" mb="xs" align="flex-start">
        <Group gap="xs">
          <Title order={2} size="h3">
            Customer
          </Title>
          <Badge color={color} data-testid="customer-class">
            {view.customer.name}
          </Badge>
        </Group>
        {recordContracts.allowed ? (
          <Button size="xs" data-requires="recordContracts" onClick={() => setRecording(true)}>
            Record contract
          </Button>
        ) : (
          <WhoMay permission={recordContracts} what="Record contract" />
        )}
      </Group>
      <Text size="sm">{classReason(view, playbook)}</Text>
      <Alert variant="light" color={color} mt="xs" title="Focus">
        {view.customer.focus}
      </Alert>

      <Title order={3} size="h4" mt="md" mb="xs">
        Contracts
      </Title>
      {contracts.isPending ? (
        <LoadingState label="Loading contracts…" />
      ) : contracts.isError ? (
        <ErrorState
          title="Could not load the contracts"
          error={contracts.error}
          onRetry={() => contracts.refetch()}
        />
      ) : contracts.data.items.length === 0 ? (
        <EmptyState title="No contracts recorded">
          {contractClass
            ? `A commit contract in force makes this account a ${contractClass.name}.`
            : 'A commit contract recorded here is kept with the account.'}
        </EmptyState>
      ) : (
        <Table aria-label="Contracts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th>TCV</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>From deal</Table.Th>
              <Table.Th>Recorded by</Table.Th>
              {recordContracts.allowed && <Table.Th>Change</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contracts.data.items.map((contract) => (
              <Table.Tr key={contract.id}>
                <Table.Td>
                  {formatDate(contract.startDate)} – {formatDate(contract.endDate)}
                </Table.Td>
                <Table.Td>{formatMoney(contract.tcvMinor, contract.currency)}</Table.Td>
                <Table.Td>
                  {contract.endedOn ? (
                    <Text size="sm" c="dimmed">
                      Ended early on {formatDate(contract.endedOn)}: {contract.endedReason}
                    </Text>
                  ) : contract.inForce ? (
                    <Badge color="green" variant="light">
                      In force
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {contract.endDate < new Date().toISOString().slice(0, 10) ? 'Ended' : 'Not started'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {view.opportunities.find((deal) => deal.id === contract.opportunityId)?.name ??
                    (contract.opportunityId ? contract.opportunityId : '—')}
                </Table.Td>
                <Table.Td>
                  {contract.createdBy.startsWith('system:')
                    ? 'System'
                    : nameOf(users.data, contract.createdBy)}
                </Table.Td>
                {recordContracts.allowed && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        data-requires="recordContracts"
                        onClick={() => setChanging({ contract, change: 'correct' })}
                      >
                        Correct
                      </Button>
                      {!contract.endedOn && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          data-requires="recordContracts"
                          onClick={() => setChanging({ contract, change: 'end' })}
                        >
                          End early
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal
        opened={recording && recordContracts.allowed}
        onClose={() => setRecording(false)}
        title="Record contract"
        size="lg"
      >
        {recording && (
          <ContractForm accountId={view.account.id} wonDeals={wonDeals} onDone={() => setRecording(false)} />
        )}
      </Modal>
      <Modal
        opened={changing !== null && recordContracts.allowed}
        onClose={() => setChanging(null)}
        title={changing?.change === 'end' ? 'End contract early' : 'Correct contract'}
      >
        {changing && (
          <ContractChangeForm
            contract={changing.contract}
            change={changing.change}
            onDone={() => setChanging(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}
