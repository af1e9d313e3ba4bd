import { Badge, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PlaybookVersion } from '../../api';
import { formatDateTime } from '../../shared/format';
import { EmptyState } from '../../shared/states';

function changes(version: PlaybookVersion): string {
  const { summary } = version;
  const parts = [
    summary.dealsMoved > 0 && `${summary.dealsMoved} deal(s) moved`,
    summary.dealsReprobabilised > 0 && `${summary.dealsReprobabilised} deal(s) re-probabilised`,
    summary.recordsRenamed > 0 && `${summary.recordsRenamed} record(s) renamed`,
    summary.recordsRetired > 0 && `${summary.recordsRetired} record(s) retired`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No records changed';
}

/** The version in force, then every earlier one: when, by whom, and what loading it moved. */
export function VersionHistory({ versions }: { versions: PlaybookVersion[] }) {
  const [current] = versions;
  if (!current) {
    return (
      <Paper withBorder p="md">
        <EmptyState title="No version recorded yet">
          The server records the playbook as version 1 the first time it starts on this database.
        </EmptyState>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Paper withBorder p="md" aria-labelledby="in-force-title">
        <Title order={2} size="h4" id="in-force-title">
          In force: version {current.number}
        </Title>
        <Text size="sm">
          {current.name} (<Code>{current.playbookId}</Code>), loaded {formatDateTime(current.loadedAt)} by{' '}
          {current.loadedBy}. Content hash <Code>{current.contentHash.slice(0, 12)}</Code>.
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          History
        </Title>
        <Table striped aria-label="Playbook versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Loaded</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Mappings applied</Table.Th>
              <Table.Th>What it moved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td>
                  {version.number}{' '}
                  {version.inForce && (
                    <Badge size="sm" variant="light" color="green">
                      in force
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(version.loadedAt)}</Table.Td>
                <Table.Td>{version.loadedBy}</Table.Td>
                <Table.Td>
                  {version.mappings ? <Code block>{JSON.stringify(version.mappings, null, 1)}</Code> : '—'}
                </Table.Td>
                <Table.Td>{changes(version)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
