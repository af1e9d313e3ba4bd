import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportRun } from '../../api';

const STATUS_WORDS: Record<ImportRun['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Stopped',
};

/** A run's progress: a bar and "n of N rows" while it runs, "Done" when it has finished. */
export function RunProgress({ run, label }: { run: ImportRun; label: string }) {
  const settled = run.status === 'succeeded' || run.status === 'failed';
  // The total is a line count (quoted line breaks overcount it): a finished run is full whatever it says.
  const percent = settled
    ? 100
    : run.rowsTotal > 0
      ? Math.min(99, Math.floor((run.rowsDone / run.rowsTotal) * 100))
      : 0;
  const total = settled ? run.rowsDone : Math.max(run.rowsTotal, run.rowsDone);
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        aria-label={label}
        size="lg"
        color={run.status === 'failed' ? 'red' : settled ? 'teal' : 'blue'}
        animated={!settled}
        striped={!settled}
      />
      <Group justify="space-between">
        <Text size="sm" data-testid="run-rows" aria-live="polite">
          {run.rowsDone.toLocaleString('en')} of {total.toLocaleString('en')} rows
        </Text>
        <Text size="sm" fw={500} data-testid="run-status">
          {STATUS_WORDS[run.status]}
        </Text>
      </Group>
    </Stack>
  );
}
