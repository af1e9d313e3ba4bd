import { Anchor, Paper, Table, Text } from '@mantine/core';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { ErrorState } from '../../../shared/states';
import { useDealQuotes } from './queries';

/**
 * The deal's quotes, newest first: number, option, TCV, validity, who issued it and when, the PDF's SHA-256 (the
 * stored file is immutable; the hash lets anyone check a copy) and its download.
 */
export function QuotesList({ dealId }: { dealId: string }) {
  const quotes = useDealQuotes(dealId);
  if (quotes.isError)
    return (
      <ErrorState title="Could not load the quotes" error={quotes.error} onRetry={() => quotes.refetch()} />
    );
  const items = quotes.data?.items ?? []; // newest first, as the API lists them
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="quotes">
      <Text size="sm" fw={600} mb={4}>
        Quotes
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number</Table.Th>
              <Table.Th>Option</Table.Th>
              <Table.Th ta="right">TCV</Table.Th>
              <Table.Th>Valid until</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th>SHA-256</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((quote) => (
              <Table.Tr key={quote.id} data-testid="quote-row">
                <Table.Td>
                  <Anchor href={quote.downloadUrl} download={`${quote.number}.pdf`} size="sm">
                    {quote.number} (PDF, {Math.ceil(quote.byteSize / 1024)} KB)
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {quote.optionName} · version {quote.versionNumber}
                </Table.Td>
                <Table.Td ta="right">{formatMoney(quote.tcvMinor, quote.currency)}</Table.Td>
                <Table.Td>{formatDate(quote.validUntil)}</Table.Td>
                <Table.Td>
                  {quote.createdByName}, {formatDateTime(quote.createdAt)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={quote.sha256}>
                    {quote.sha256.slice(0, 12)}…
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
