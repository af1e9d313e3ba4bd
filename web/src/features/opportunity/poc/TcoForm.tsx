import { Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { PocPlan } from '../../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { formatMoney } from '../../../shared/format';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { pocPath, toMinor } from './poc-write';

const FIELDS = ['baselineAnnualMinor', 'ourAnnualMinor', 'currency', 'note'] as const;

/** The yearly cost today against the yearly cost with us (the playbook's company), and what the customer saves. */
function Savings({ tco }: { tco: NonNullable<PocPlan['tco']> }) {
  const { playbook } = useWorkspace();
  const saved = tco.baselineAnnualMinor - tco.ourAnnualMinor;
  const share = tco.baselineAnnualMinor > 0 ? Math.round((saved / tco.baselineAnnualMinor) * 100) : 0;
  return (
    <Text size="sm" c={saved >= 0 ? 'green.8' : 'red.8'} data-testid="poc-tco">
      {formatMoney(tco.baselineAnnualMinor, tco.currency)} a year today →{' '}
      {formatMoney(tco.ourAnnualMinor, tco.currency)} on {playbook.company}:{' '}
      {saved >= 0
        ? `saves ${formatMoney(saved, tco.currency)} (${share}%)`
        : `costs ${formatMoney(-saved, tco.currency)} more`}
      {tco.note && ` — ${tco.note}`}
    </Text>
  );
}

export function TcoForm({ tco }: { tco: PocPlan['tco'] }) {
  const { playbook, view, busy } = useWorkspace();
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(write.error, FIELDS);
  useFocusFirstInvalid(form, write.error);
  const currency = view.opportunity.currency;
  const [baseline, setBaseline] = useState<string | number>(tco ? tco.baselineAnnualMinor / 100 : '');
  const [ours, setOurs] = useState<string | number>(tco ? tco.ourAnnualMinor / 100 : '');
  const [note, setNote] = useState(tco?.note ?? '');
  const money = tco?.currency ?? currency;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({
      method: 'PUT',
      subpath: pocPath.tco,
      body: {
        baselineAnnualMinor: toMinor(baseline),
        ourAnnualMinor: toMinor(ours),
        currency: money,
        note: note.trim() || null,
      },
    });
  };
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        Cost and TCO
      </Title>
      {tco ? (
        <Savings tco={tco} />
      ) : (
        <Text size="xs" c="dimmed">
          No cost comparison yet.
        </Text>
      )}
      {view.permissions.qualify.allowed && (
        <form ref={form} onSubmit={submit} aria-label="Cost comparison" data-requires="qualify">
          <Group gap="xs" align="flex-end">
            <NumberInput
              size="xs"
              label={`Annual cost today (${money})`}
              required
              min={0}
              decimalScale={2}
              thousandSeparator=","
              value={baseline}
              onChange={setBaseline}
              error={errors.byField.baselineAnnualMinor ?? errors.byField.currency}
            />
            <NumberInput
              size="xs"
              label={`Annual cost on ${playbook.company} (${money})`}
              required
              min={0}
              decimalScale={2}
              thousandSeparator=","
              value={ours}
              onChange={setOurs}
              error={errors.byField.ourAnnualMinor}
            />
            <TextInput
              size="xs"
              label="Note"
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={errors.byField.note}
            />
            <Button size="xs" type="submit" loading={write.isPending} disabled={busy} data-requires="qualify">
              Save cost comparison
            </Button>
          </Group>
          <WriteError messages={errors.rest} />
        </form>
      )}
    </Stack>
  );
}
