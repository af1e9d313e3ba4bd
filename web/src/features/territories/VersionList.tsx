import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import type { TerritoryModelSummary } from '../../api';
import { formatDateTime } from '../../shared/format';
import { EmptyState } from '../../shared/states';

const STATUS_COLOURS = { draft: 'yellow', active: 'green', archived: 'gray' } as const;

function who(version: TerritoryModelSummary): string {
  const created = `created ${formatDateTime(version.createdAt)} by ${version.createdBy?.name ?? 'the system'}`;
  const activated = version.activatedAt
    ? `; activated ${formatDateTime(version.activatedAt)} by ${version.activatedBy?.name ?? 'the system'}`
    : '';
  const archived = version.archivedAt ? `; archived ${formatDateTime(version.archivedAt)}` : '';
  return `${created}${activated}${archived}`;
}

/** Every version, newest first: draft, active or archived, who made and activated it and when; one is shown. */
export function VersionList({
  versions,
  selected,
  onSelect,
}: {
  versions: TerritoryModelSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Versions
      </Title>
      {versions.length === 0 ? (
        <EmptyState title="No territory model yet">
          Import a territories file as a draft, then activate it: new accounts are routed to their territory’s
          AE from then on.
        </EmptyState>
      ) : (
        <Table aria-label="Territory model versions" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Who and when</Table.Th>
              <Table.Th>
                <Text span size="sm" fw={700}>
                  Shown
                </Text>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.id} aria-current={version.id === selected ? 'true' : undefined}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>{version.name}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOURS[version.status]}>
                    {version.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{who(version)}</Text>
                </Table.Td>
                <Table.Td>
                  {version.id === selected ? (
                    <Text size="sm" fw={500}>
                      Shown below
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onSelect(version.id)}
                      aria-label={`Show version ${version.version}`}
                    >
                      Show
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
