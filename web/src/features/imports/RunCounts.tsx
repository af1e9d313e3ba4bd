import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ImportRun } from '../../api';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} data-testid={`count-${label.toLowerCase().replace(/\W+/g, '-')}`}>
        {value.toLocaleString('en')}
      </Text>
    </Stack>
  );
}

/** Created, updated and rejected rows of a run (a dry run: what an import would create and update). */
export function RunCounts({ run }: { run: ImportRun }) {
  const dry = run.mode === 'dry_run';
  return (
    <SimpleGrid cols={3} maw={520}>
      <Count label={dry ? 'Would create' : 'Created'} value={run.created} />
      <Count label={dry ? 'Would update' : 'Updated'} value={run.updated} />
      <Count label="Rejected" value={run.rejected} />
    </SimpleGrid>
  );
}
