import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { defaultRange } from './fiscal-range';
import { usePlaybook } from './playbook';

export type PeriodKind = 'month' | 'quarter' | 'fiscal_year';

const KINDS: Array<{ value: PeriodKind; label: string }> = [
  { value: 'month', label: 'Months' },
  { value: 'quarter', label: 'Quarters' },
  { value: 'fiscal_year', label: 'Fiscal years' },
];

export interface PeriodRange {
  period: PeriodKind;
  from: string;
  to: string;
}

/** The periods a forecast page shows: by quarter over this fiscal year (the playbook's) until changed. */
export function usePeriodRange() {
  const fiscalStart = usePlaybook().data?.forecast?.fiscalYearStartMonth ?? 1;
  const initial = defaultRange(new Date(), fiscalStart);
  const [range, setRange] = useState<PeriodRange>({ period: 'quarter', ...initial });
  return [range, setRange] as const;
}

/** Months, quarters or fiscal years, from … to; `children` sit beside them (e.g. an export link). */
export function PeriodRangePicker({
  range,
  onChange,
  children,
}: {
  range: PeriodRange;
  onChange: (range: PeriodRange) => void;
  children?: ReactNode;
}) {
  return (
    <Group align="flex-end">
      <SegmentedControl
        aria-label="Periods"
        data={KINDS}
        value={range.period}
        onChange={(value) => onChange({ ...range, period: value as PeriodKind })}
      />
      <TextInput
        label="From"
        type="date"
        value={range.from}
        onChange={(e) => onChange({ ...range, from: e.currentTarget.value })}
      />
      <TextInput
        label="To"
        type="date"
        value={range.to}
        onChange={(e) => onChange({ ...range, to: e.currentTarget.value })}
      />
      {children}
    </Group>
  );
}
