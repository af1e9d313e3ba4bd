import { Group, NumberInput, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { PocBenchmark, RequestBodyOf } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { WriteError } from '../WriteError';
import { useWorkspace } from '../workspace-context';
import { toMinor } from './poc-write';

export type BenchmarkBody = RequestBodyOf<'addPocBenchmark'>;

interface Props {
  initial?: PocBenchmark;
  currency: string;
  busy: boolean;
  /** The failed save: its issues at the workload, latencies and costs. */
  error: unknown;
  onSave: (body: BenchmarkBody) => void;
  onCancel?: () => void;
}

const FIELDS = [
  'workload',
  'baselineLatencyMs',
  'ourLatencyMs',
  'baselineCostMinor',
  'ourCostMinor',
  'currency',
] as const;

interface NumberProps {
  label: string;
  value: string | number;
  onChange: (value: string | number) => void;
  error: string | undefined;
}
const Millis = (props: NumberProps) => (
  <NumberInput size="xs" required min={0} allowDecimal={false} w={110} {...props} />
);
const Money = (props: NumberProps) => (
  <NumberInput size="xs" required min={0} decimalScale={2} w={170} {...props} />
);

const units = (minor: number | undefined) => (minor === undefined ? '' : minor / 100);

/** One workload measured on the customer's current platform (baseline) and on ours: latency and cost. */
export function BenchmarkForm({ initial, currency, busy, error, onSave, onCancel }: Props) {
  const { company } = useWorkspace().playbook;
  const [workload, setWorkload] = useState(initial?.workload ?? '');
  const [baselineMs, setBaselineMs] = useState<string | number>(initial?.baselineLatencyMs ?? '');
  const [ourMs, setOurMs] = useState<string | number>(initial?.ourLatencyMs ?? '');
  const [baselineCost, setBaselineCost] = useState<string | number>(units(initial?.baselineCostMinor));
  const [ourCost, setOurCost] = useState<string | number>(units(initial?.ourCostMinor));
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(error, FIELDS);
  useFocusFirstInvalid(form, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      workload: workload.trim(),
      baselineLatencyMs: Number(baselineMs),
      ourLatencyMs: Number(ourMs),
      baselineCostMinor: toMinor(baselineCost),
      ourCostMinor: toMinor(ourCost),
      currency: initial?.currency ?? currency,
    });
  };
  const cost = `(${initial?.currency ?? currency} per run)`;
  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-label={initial ? `Edit benchmark ${initial.workload}` : 'Add a benchmark'}
      data-requires="qualify"
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          label="Query or workload"
          required
          maxLength={500}
          value={workload}
          onChange={(event) => setWorkload(event.currentTarget.value)}
          error={errors.byField.workload}
        />
        <Millis
          label="Baseline ms"
          value={baselineMs}
          onChange={setBaselineMs}
          error={errors.byField.baselineLatencyMs}
        />
        <Millis
          label={`${company} ms`}
          value={ourMs}
          onChange={setOurMs}
          error={errors.byField.ourLatencyMs}
        />
        <Money
          label={`Baseline cost ${cost}`}
          value={baselineCost}
          onChange={setBaselineCost}
          error={errors.byField.baselineCostMinor ?? errors.byField.currency}
        />
        <Money
          label={`${company} cost ${cost}`}
          value={ourCost}
          onChange={setOurCost}
          error={errors.byField.ourCostMinor}
        />
        <FormButtons submit={initial ? 'Save benchmark' : 'Add benchmark'} busy={busy} onCancel={onCancel} />
      </Group>
      <WriteError messages={errors.rest} />
    </form>
  );
}
