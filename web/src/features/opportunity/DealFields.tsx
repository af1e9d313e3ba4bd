import { Button, Group, NumberInput, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Opportunity } from '../../api';

interface Props {
  opportunity: Opportunity;
  /** The opportunity types the deal may take: those of its pipeline (e.g. Renewal ↔ Expansion). */
  types: Array<{ key: string; name: string }>;
  focus: string | null;
  busy: boolean;
  onSave: (changes: Partial<Pick<Opportunity, 'type' | 'amountMinor' | 'closeDate' | 'nextStep'>>) => void;
}

const outline = (focused: boolean) =>
  focused ? { outline: '2px solid var(--mantine-color-orange-5)' } : undefined;

/** Type (within the pipeline), amount, close date and next step; only what changed is sent, with the ETag read. */
export function DealFields({ opportunity, types, focus, busy, onSave }: Props) {
  const [type, setType] = useState(opportunity.type);
  const [amount, setAmount] = useState<number | string>(opportunity.amountMinor / 100);
  const [closeDate, setCloseDate] = useState(opportunity.closeDate);
  const [nextStep, setNextStep] = useState(opportunity.nextStep ?? '');
  const amountMinor = Math.round(Number(amount) * 100);
  const changes = {
    ...(type !== opportunity.type && { type }),
    ...(Number.isFinite(amountMinor) && amountMinor !== opportunity.amountMinor && { amountMinor }),
    ...(closeDate !== opportunity.closeDate && { closeDate }),
    ...(nextStep.trim() !== (opportunity.nextStep ?? '') && { nextStep: nextStep.trim() || null }),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(changes).length > 0) onSave(changes);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} aria-label="Deal details">
        <Stack gap="xs">
          <Title order={2} size="h3">
            Deal
          </Title>
          {types.length > 1 && (
            <Select
              id="field-type"
              label="Type"
              data={types.map((option) => ({ value: option.key, label: option.name }))}
              value={type}
              onChange={(value) => value && setType(value)}
              allowDeselect={false}
              style={outline(focus === 'field:type')}
            />
          )}
          <NumberInput
            id="field-amountMinor"
            label={`Amount (${opportunity.currency})`}
            min={0}
            step={1000}
            thousandSeparator=","
            decimalScale={2}
            value={amount}
            onChange={setAmount}
            style={outline(focus === 'field:amountMinor')}
          />
          <TextInput
            id="field-closeDate"
            label="Close date"
            type="date"
            required
            value={closeDate}
            onChange={(event) => setCloseDate(event.currentTarget.value)}
            style={outline(focus === 'field:closeDate')}
          />
          <Textarea
            id="field-nextStep"
            label="Next step"
            autosize
            minRows={2}
            maxLength={500}
            value={nextStep}
            onChange={(event) => setNextStep(event.currentTarget.value)}
            style={outline(focus === 'field:nextStep')}
          />
          <Group>
            <Button type="submit" size="xs" disabled={Object.keys(changes).length === 0} loading={busy}>
              Save deal
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
