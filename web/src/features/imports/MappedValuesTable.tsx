import { Badge, Stack, Table, Text } from '@mantine/core';
import type { MappedValue, ValueField } from './mapping-values';
import { ScrollRegion } from './ScrollRegion';

const FIELD_NAMES: Record<ValueField, string> = {
  StageName: 'StageName',
  Type: 'Type',
  CurrencyIsoCode: 'CurrencyIsoCode',
  Owner: 'Owner (OwnerId)',
};
const ORDER: ValueField[] = ['Type', 'StageName', 'CurrencyIsoCode', 'Owner'];

/** The distinct values of the files beside what the mapping makes of them; unmapped ones flagged. */
export function MappedValuesTable({ values, refusedRows }: { values: MappedValue[]; refusedRows: number }) {
  if (values.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Upload Opportunity.csv or Account.csv to see their stage, type, currency and owner values here.
      </Text>
    );
  const unmapped = values.filter((value) => value.mappedTo === null);
  // The unmapped first: they are what to fix; then by column and by how many rows carry the value.
  const sorted = [...values].sort(
    (a, b) =>
      Number(a.mappedTo !== null) - Number(b.mappedTo !== null) ||
      ORDER.indexOf(a.field) - ORDER.indexOf(b.field) ||
      b.rows - a.rows,
  );
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" data-testid="unmapped-summary" c={unmapped.length ? 'red.8' : 'teal.8'}>
        {unmapped.length === 0
          ? 'Every value in the files is mapped.'
          : `${unmapped.length} ${unmapped.length === 1 ? 'value is' : 'values are'} not mapped: ` +
            `${refusedRows} ${refusedRows === 1 ? 'row' : 'rows'} would be refused. ` +
            `Add ${unmapped.length === 1 ? 'it' : 'them'} to the mapping, or fix the rows.`}
      </Text>
      <ScrollRegion label="Values in the files, scrollable" maxHeight={420}>
        <Table striped withTableBorder aria-label="Values in the files and what the mapping maps them to">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value in the file</Table.Th>
              <Table.Th>Rows</Table.Th>
              <Table.Th>Maps to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((value) => (
              <Table.Tr
                key={`${value.field}/${value.pipeline ?? ''}/${value.value}`}
                data-unmapped={value.mappedTo === null || undefined}
              >
                <Table.Td>
                  {FIELD_NAMES[value.field]}
                  {value.pipeline && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      in {value.pipeline}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{value.value ? <code>{value.value}</code> : <i>blank</i>}</Table.Td>
                <Table.Td>{value.rows}</Table.Td>
                <Table.Td>
                  {value.mappedTo === null ? (
                    <Badge color="red" variant="light">
                      Unmapped
                    </Badge>
                  ) : (
                    value.mappedTo
                  )}
                  {value.note && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({value.note})
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
