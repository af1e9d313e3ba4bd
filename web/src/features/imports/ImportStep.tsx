import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import type { ImportMode, ImportRun } from '../../api';
import { paths } from '../../shared/paths';
import { isSettled, useImportRun } from './queries';
import { RunResult } from './RunResult';

type WritingMode = Exclude<ImportMode, 'dry_run'>;

/** Step 4: all or nothing, or the good rows only; then the run with its progress and what it did. */
export function ImportStep({
  dryRun,
  mode,
  onMode,
  runId,
  onRun,
  running,
  failure,
  onAnother,
}: {
  dryRun: ImportRun | undefined;
  mode: WritingMode;
  onMode: (mode: WritingMode) => void;
  runId: string | null;
  onRun: () => void;
  running: boolean;
  failure: string | null;
  onAnother: () => void;
}) {
  const run = useImportRun(runId).data;
  const bad = dryRun?.rejected ?? 0;
  return (
    <Stack gap="md">
      {runId === null ? (
        <>
          <Radio.Group
            label="How to import"
            description={
              bad > 0
                ? `The dry run found ${bad} bad ${bad === 1 ? 'row' : 'rows'}.`
                : 'The dry run found no bad rows.'
            }
            value={mode}
            onChange={(value) => onMode(value as WritingMode)}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="all_or_nothing"
                label="All or nothing"
                description="One transaction: if any row is bad, nothing is written, and the files can be fixed and imported again."
              />
              <Radio
                value="good_rows_only"
                label="Good rows only"
                description="The good rows are written in batches as they are read; bad rows are skipped and listed by line, to fix and import again later (a re-import updates, it never duplicates)."
              />
            </Stack>
          </Radio.Group>
          {mode === 'all_or_nothing' && bad > 0 && (
            <Text size="sm" c="orange.9">
              With {bad} bad {bad === 1 ? 'row' : 'rows'}, all or nothing will import nothing.
            </Text>
          )}
          {failure && (
            <Alert color="red" role="alert" title="The import could not start">
              {failure}
            </Alert>
          )}
          <Group>
            <Button onClick={onRun} loading={running}>
              Import
            </Button>
          </Group>
        </>
      ) : (
        <>
          <RunResult id={runId} />
          {isSettled(run) && (
            <Group>
              {run?.status === 'succeeded' && (
                <Button component={Link} href={paths.deals({ owner: 'all' })}>
                  Open the Deals list
                </Button>
              )}
              <Button variant="default" onClick={onAnother}>
                Start another import
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
