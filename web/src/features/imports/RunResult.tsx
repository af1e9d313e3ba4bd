import { Alert, Stack, Title } from '@mantine/core';
import type { ImportRun } from '../../api';
import { ErrorState, LoadingState } from '../../shared/states';
import { ErrorsTable } from './ErrorsTable';
import { isSettled, useImportRun } from './queries';
import { RunCounts } from './RunCounts';
import { RunProgress } from './RunProgress';

const MODE_WORDS: Record<ImportRun['mode'], string> = {
  dry_run: 'Dry run',
  all_or_nothing: 'Import (all or nothing)',
  good_rows_only: 'Import (good rows only)',
};

/** What a run says of itself once settled, in a sentence. */
function outcome(run: ImportRun): { color: string; title: string; text: string } {
  if (run.mode === 'dry_run')
    return run.rejected === 0
      ? {
          color: 'teal',
          title: 'Every row can be imported',
          text: 'Nothing was written: this was a dry run.',
        }
      : {
          color: 'yellow',
          title: `${run.rejected} ${run.rejected === 1 ? 'row has' : 'rows have'} errors`,
          text: 'Nothing was written: this was a dry run. Fix the rows below, or import the good rows only.',
        };
  if (run.status === 'failed')
    return {
      color: 'red',
      title: 'Nothing was imported',
      text:
        run.rejected > 0
          ? `All or nothing: ${run.rejected} bad ${run.rejected === 1 ? 'row' : 'rows'} stopped the import, and nothing was written.`
          : 'The import stopped on a server error; nothing of its transaction was written.',
    };
  return {
    color: 'teal',
    title: 'Imported',
    text:
      run.rejected > 0
        ? `The good rows were imported; ${run.rejected} bad ${run.rejected === 1 ? 'row was' : 'rows were'} skipped.`
        : 'Every row was imported.',
  };
}

/** A run followed to its end: the progress bar, then the counts and the errors by line. */
export function RunResult({ id }: { id: string }) {
  const query = useImportRun(id);
  const run = query.data;
  if (query.isError && !run)
    return (
      <ErrorState title="Could not read the run" error={query.error} onRetry={() => void query.refetch()} />
    );
  if (!run) return <LoadingState label="Starting…" />;
  const mode = MODE_WORDS[run.mode];
  const settled = isSettled(run);
  const said = settled ? outcome(run) : null;
  return (
    <Stack gap="md" data-testid="run-result">
      <RunProgress run={run} label={`${mode} progress`} />
      {said && (
        <Alert color={said.color} title={said.title} role="status">
          {said.text}
        </Alert>
      )}
      {settled && (
        <>
          <RunCounts run={run} />
          <Title order={3} size="h5">
            Errors by line
          </Title>
          <ErrorsTable run={run} />
        </>
      )}
    </Stack>
  );
}
