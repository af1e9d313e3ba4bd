import { Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { PocPlan } from '../../../api';
import { formatMoney } from '../../../shared/format';
import { type PocWrite, pocPath, toMinor } from './poc-write';

interface Props {
  tco: PocPlan['tco'];
  currency: string;
  busy: boolean;
  onWrite: PocWrite;
}

/** The yearly cost today against the yearly cost on Firebolt, and what the customer saves. */
function Savings({ tco }: { tco: NonNullable<PocPlan['tco']> }) {
  const saved = tco.baselineAnnualMinor - tco.fireboltAnnualMinor;
  const share = tco.baselineAnnualMinor > 0 ? Math.round((saved / tco.baselineAnnualMinor) * 100) : 0;
  return (
    <Text size="sm" c={saved >= 0 ? 'green.8' : 'red.8'} data-testid="poc-tco">
      {formatMoney(tco.baselineAnnualMinor, tco.currency)} a year today →{' '}
      {formatMoney(tco.fireboltAnnualMinor, tco.currency)} on Firebolt:{' '}
      {saved >= 0
        ? `saves ${formatMoney(saved, tco.currency)} (${share}%)`
        : `costs ${formatMoney(-saved, tco.currency)} more`}
      {tco.note && ` — ${tco.note}`}
    </Text>
  );
}

export function TcoForm({ tco, currency, busy, onWrite }: Props) {
  const [baseline, setBaseline] = useState<string | number>(tco ? tco.baselineAnnualMinor / 100 : '');
  const [firebolt, setFirebolt] = useState<string | number>(tco ? tco.fireboltAnnualMinor / 100 : '');
  const [note, setNote] = useState(tco?.note ?? '');
  const money = tco?.currency ?? currency;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onWrite({
      method: 'PUT',
      subpath: pocPath.tco,
      body: {
        baselineAnnualMinor: toMinor(baseline),
        fireboltAnnualMinor: toMinor(firebolt),
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
      <form onSubmit={submit} aria-label="Cost comparison">
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
          />
          <NumberInput
            size="xs"
            label={`Annual cost on Firebolt (${money})`}
            required
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={firebolt}
            onChange={setFirebolt}
          />
          <TextInput
            size="xs"
            label="Note"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Button size="xs" type="submit" loading={busy}>
            Save cost comparison
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
