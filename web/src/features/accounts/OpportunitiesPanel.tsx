import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { AccountView } from '../../api';
import { formatDate, formatMoney } from '../../shared/format';
import { paths } from '../../shared/paths';
import { stageName, usePlaybook } from '../../shared/playbook';
import { EmptyState } from '../../shared/states';
import { nameOf, useUsers } from '../../shared/users';

/** The account's deals the caller may see, and which deal types suit the account today. */
export function OpportunitiesPanel({ view }: { view: AccountView }) {
  const users = useUsers();
  const playbook = usePlaybook();
  const { opportunities, dealTypes } = view;
  const fitting = dealTypes.filter((type) => type.fits).map((type) => type.name);

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb={4}>
        Opportunities
      </Title>
      {dealTypes.length > 0 && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="deal-types">
          {fitting.length > 0
            ? `Deal types that suit this ${view.customer.name} today: ${fitting.join(', ')}.`
            : 'No deal type suits this account today.'}
        </Text>
      )}
      {opportunities.length === 0 ? (
        <EmptyState title="No opportunities you can see on this account" />
      ) : (
        <Table aria-label="Opportunities">
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
  );
}
