import { Alert, Button, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, describeError, type Forecast } from '../../api';
import { toMinor } from '../../shared/money-input';
import { useAdjustForecast, useSubmitForecast } from './queries';

type Field = 'commitMinor' | 'bestCaseMinor' | 'note' | 'ownerId';

function serverIssues(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    (error.problem.errors ?? []).map((issue) => [issue.path.replace(/^body\./, ''), issue.message]),
  );
}

/**
 * An AE's call for a period (`mode: submit`, for themself) or an RVP's adjustment of one of their owners'
 * (`mode: adjust`, a note required). Every call is kept: a later one never overwrites it.
 */
export function CallForm({
  forecast,
  period,
  mode,
}: {
  forecast: Forecast;
  period: Forecast['periods'][number];
  mode: 'submit' | 'adjust';
}) {
  const submit = useSubmitForecast();
  const adjust = useAdjustForecast();
  const mutation = mode === 'submit' ? submit : adjust;
  const owners = forecast.owners.filter((owner) => owner.mayAdjust);
  const [ownerId, setOwnerId] = useState<string | null>(owners[0]?.id ?? null);
  const [commit, setCommit] = useState<string | number>('');
  const [bestCase, setBestCase] = useState<string | number>('');
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const shown = { ...serverIssues(mutation.error), ...issues };
  const currency = forecast.companyCurrency;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const commitMinor = toMinor(commit);
    const bestCaseMinor = toMinor(bestCase);
    if (commitMinor === null || commitMinor < 0)
      found.commitMinor = 'Give your commit number (zero or more).';
    if (bestCaseMinor === null || bestCaseMinor < 0) found.bestCaseMinor = 'Give your best-case number.';
    else if (commitMinor !== null && bestCaseMinor < commitMinor)
      found.bestCaseMinor = 'Best case includes commit: it may not be below it.';
    if (mode === 'adjust' && !note.trim()) found.note = 'Say why you adjust the call.';
    if (mode === 'adjust' && !ownerId) found.ownerId = 'Choose whose call you adjust.';
    setIssues(found);
    if (Object.keys(found).length > 0 || commitMinor === null || bestCaseMinor === null) return;
    const call = { periodKind: period.kind, periodStart: period.start, commitMinor, bestCaseMinor };
    const done = {
      onSuccess: () => {
        setCommit('');
        setBestCase('');
        setNote('');
      },
    };
    if (mode === 'submit') submit.mutate({ ...call, ...(note.trim() ? { note: note.trim() } : {}) }, done);
    else adjust.mutate({ ...call, ownerId: ownerId ?? '', note: note.trim() }, done);
  };

  const title =
    mode === 'submit' ? `Submit your call for ${period.label}` : `Adjust a call for ${period.label}`;
  return (
    <form onSubmit={send} aria-label={title} noValidate>
      <Stack gap="sm">
        {mode === 'adjust' && (
          <Select
            label="Owner"
            data={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
            value={ownerId}
            onChange={setOwnerId}
            allowDeselect={false}
            error={shown.ownerId}
          />
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={`Commit (${currency})`}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={commit}
            onChange={setCommit}
            error={shown.commitMinor}
            required
          />
          <NumberInput
            label={`Best case (${currency})`}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={bestCase}
            onChange={setBestCase}
            error={shown.bestCaseMinor}
            required
          />
        </Group>
        <Textarea
          label={mode === 'adjust' ? 'Why (required)' : 'Note (optional)'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={shown.note}
          required={mode === 'adjust'}
          autosize
          minRows={2}
        />
        {mutation.isError && Object.keys(shown).length === 0 && (
          <Alert color="red" role="alert" title="The call was not saved">
            {describeError(mutation.error)}
          </Alert>
        )}
        {mutation.isSuccess && (
          <Alert color="green" role="status" title="Saved">
            Kept in the period's history.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {mode === 'submit' ? 'Submit call' : 'Adjust call'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
