import { Badge, Table } from '@mantine/core';
import { formatMoney, humanize } from '../../../shared/format';

export interface OptionRow {
  name: string;
  termMonths: number;
  pricePerYearMinor: number;
  listPricePerYearMinor: number;
  paymentSchedule: string;
  tcvMinor: number;
  discountBasisPoints: number;
}

const percent = (basisPoints: number) => `${(basisPoints / 100).toLocaleString('en-US')}%`;

/** A version's pricing options: term, price and list per year, discount, payment schedule, TCV; the chosen one marked. */
export function OptionsTable({
  options,
  currency,
  chosen,
}: {
  options: OptionRow[];
  currency: string;
  chosen: string | null;
}) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder fz="sm" data-testid="offer-options">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Option</Table.Th>
            <Table.Th>Term</Table.Th>
            <Table.Th ta="right">Price per year</Table.Th>
            <Table.Th ta="right">List per year</Table.Th>
            <Table.Th ta="right">Discount</Table.Th>
            <Table.Th>Payment</Table.Th>
            <Table.Th ta="right">TCV</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {options.map((option) => (
            <Table.Tr key={option.name} data-option={option.name}>
              <Table.Td>
                {option.name}{' '}
                {chosen === option.name && (
                  <Badge size="xs" color="green">
                    chosen
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{option.termMonths} months</Table.Td>
              <Table.Td ta="right">{formatMoney(option.pricePerYearMinor, currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(option.listPricePerYearMinor, currency)}</Table.Td>
              <Table.Td ta="right">{percent(option.discountBasisPoints)}</Table.Td>
              <Table.Td>{humanize(option.paymentSchedule)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatMoney(option.tcvMinor, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
