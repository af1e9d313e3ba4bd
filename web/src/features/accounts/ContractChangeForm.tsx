import { Alert, Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, type Contract, describeError } from '../../api';
import { formatDate } from '../../shared/format';
import { ContractDates } from './ContractDates';
import { useChangeContract } from './queries';

export type ContractChange = 'correct' | 'end';

/** The server's field issues (`body.endedOn: …`) by field name. */
function serverIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    (error.problem.errors ?? []).map((issue) => [issue.path.replace(/^body\./, ''), issue.message]),
  );
}

/**
 * Finance's two changes to a recorded contract: correct its terms (dates, TCV), or end it before term (the
 * last day in force and why). Both are audited; the account's class follows.
 */
export function ContractChangeForm({
  contract,
  change,
  onDone,
}: {
  contract: Contract;
  change: ContractChange;
  onDone: () => void;
}) {
  const mutation = useChangeContract();
  const [start, setStart] = useState(contract.startDate);
  const [end, setEnd] = useState(contract.endDate);
  const [tcv, setTcv] = useState<string | number>(contract.tcvMinor / 100);
  const [endedOn, setEndedOn] = useState('');
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const shown = { ...serverIssues(mutation.error), ...issues };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (change === 'end') {
      if (!endedOn) found.endedOn = 'Give the last day the contract is in force.';
      if (!reason.trim()) found.reason = 'Say why the contract ends before term.';
    } else {
      if (end < start) found.endDate = 'The end date must be on or after the start date.';
      if (tcv === '' || Number(tcv) < 0) found.tcvMinor = 'Give the total contract value (zero or more).';
    }
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    if (change === 'end') {
      mutation.mutate({ contract, end: { endedOn, reason: reason.trim() } }, { onSuccess: onDone });
    } else {
      const correct = {
        ...(start !== contract.startDate && { startDate: start }),
        ...(end !== contract.endDate && { endDate: end }),
        ...(Math.round(Number(tcv) * 100) !== contract.tcvMinor && {
          tcvMinor: Math.round(Number(tcv) * 100),
        }),
      };
      if (Object.keys(correct).length === 0) return onDone();
      mutation.mutate({ contract, correct }, { onSuccess: onDone });
    }
  };

  const label = change === 'end' ? 'End contract' : 'Correct contract';
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        {change === 'end' ? (
          <>
            <Text size="sm" c="dimmed">
              The contract stays in force through the day you give (within its term,{' '}
              {formatDate(contract.startDate)} – {formatDate(contract.endDate)}) and gets no renewal deal.
            </Text>
            <TextInput
              label="Last day in force"
              type="date"
              required
              data-autofocus
              value={endedOn}
              error={shown.endedOn}
              onChange={(e) => setEndedOn(e.currentTarget.value)}
            />
            <Textarea
              label="Reason"
              required
              maxLength={500}
              value={reason}
              error={shown.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Correct the terms as signed; the change is audited with the terms before and after.
            </Text>
            <ContractDates start={start} end={end} onStart={setStart} onEnd={setEnd} errors={shown} />
            <NumberInput
              label={`Total contract value (${contract.currency})`}
              required
              min={0}
              decimalScale={2}
              thousandSeparator=","
              value={tcv}
              error={shown.tcvMinor}
              onChange={setTcv}
            />
          </>
        )}
        {mutation.isError && (
          <Alert color="red" role="alert" title="The contract was not changed">
            {describeError(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
