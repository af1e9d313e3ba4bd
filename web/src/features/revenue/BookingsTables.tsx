import { Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { Revenue } from '../../api';
import { BUCKET_LABELS, money, percent, shownBuckets } from './revenue-words';

/** Per period: bookings by category, the total and the won deals, with the period's GRR and NRR. */
export function BookingsByPeriodTable({ revenue }: { revenue: Revenue }) {
  const buckets = shownBuckets(revenue);
  const m = (minor: string) => money(minor, revenue.companyCurrency);
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs" id="revenue-periods-title">
        Bookings and retention per period
      </Text>
      <ScrollArea>
        <Table striped aria-labelledby="revenue-periods-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              {buckets.map((bucket) => (
                <Table.Th key={bucket} ta="right">
                  {BUCKET_LABELS[bucket]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total bookings</Table.Th>
              <Table.Th ta="right">Deals won</Table.Th>
              <Table.Th ta="right">Starting revenue</Table.Th>
              <Table.Th ta="right">GRR</Table.Th>
              <Table.Th ta="right">NRR</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {revenue.periods.map((period) => (
              <Table.Tr key={period.start}>
                <Table.Th scope="row">{period.label}</Table.Th>
                {buckets.map((bucket) => (
                  <Table.Td key={bucket} ta="right">
                    {m(period.bookings.byCategory[bucket])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{m(period.bookings.totalMinor)}</Table.Td>
                <Table.Td ta="right">{period.bookings.deals}</Table.Td>
                <Table.Td ta="right">{m(period.retention.startingMinor)}</Table.Td>
                <Table.Td ta="right">{percent(period.retention.grr)}</Table.Td>
                <Table.Td ta="right">{percent(period.retention.nrr)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

/** Bookings by opportunity type (rows) and period (columns), each type with its category. */
export function BookingsByTypeTable({ revenue }: { revenue: Revenue }) {
  const types = revenue.periods[0]?.bookings.byType ?? [];
  const m = (minor: string) => money(minor, revenue.companyCurrency);
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs" id="revenue-types-title">
        Bookings by opportunity type
      </Text>
      <ScrollArea>
        <Table striped aria-labelledby="revenue-types-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>Books as</Table.Th>
              {revenue.periods.map((period) => (
                <Table.Th key={period.start} ta="right">
                  {period.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((type, row) => (
              <Table.Tr key={type.type}>
                <Table.Th scope="row">{type.name}</Table.Th>
                <Table.Td>{BUCKET_LABELS[type.category]}</Table.Td>
                {revenue.periods.map((period) => {
                  const cell = period.bookings.byType[row];
                  return (
                    <Table.Td key={period.start} ta="right">
                      {cell ? `${m(cell.amountMinor)} (${cell.deals})` : '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">
        In brackets: the deals won. A type books as the category the playbook gives it.
      </Text>
    </Paper>
  );
}
