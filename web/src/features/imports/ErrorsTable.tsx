import { Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportRun } from '../../api';
import { ScrollRegion } from './ScrollRegion';

const PAGE = 25;

/** The run's errors by file, line, column and reason, a page at a time; says when the server capped them. */
export function ErrorsTable({ run }: { run: ImportRun }) {
  const [page, setPage] = useState(1);
  if (run.errorCount === 0)
    return (
      <Text size="sm" c="teal.8">
        No errors: every row can be imported.
      </Text>
    );
  const pages = Math.max(1, Math.ceil(run.errors.length / PAGE));
  const shown = run.errors.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {run.errorCount.toLocaleString('en')} {run.errorCount === 1 ? 'error' : 'errors'} in{' '}
        {run.rejected.toLocaleString('en')} {run.rejected === 1 ? 'row' : 'rows'}
        {run.errors.length < run.errorCount &&
          ` (the first ${run.errors.length.toLocaleString('en')} are listed; fix them and run again for the rest)`}
        . Lines count from the header, line 1, as a spreadsheet or text editor shows them.
      </Text>
      <ScrollRegion label="Errors, scrollable">
        <Table striped withTableBorder aria-label="Errors by file and line">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Line</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error) => (
              <Table.Tr key={`${error.file}/${error.line}/${error.field}/${error.message}`}>
                <Table.Td>{error.file}</Table.Td>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>
                  <code>{error.field}</code>
                </Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label': control === 'previous' ? 'Previous page of errors' : 'Next page of errors',
            })}
            getItemProps={(item) => ({ 'aria-label': `Errors page ${item}` })}
          />
        </Group>
      )}
    </Stack>
  );
}
