import { Group, TextInput } from '@mantine/core';

interface ContractDatesProps {
  start: string;
  end: string;
  onStart: (day: string) => void;
  onEnd: (day: string) => void;
  errors: { startDate?: string | undefined; endDate?: string | undefined };
}

/** A contract's term: its start and end dates, side by side (recording a contract and correcting one). */
export function ContractDates({ start, end, onStart, onEnd, errors }: ContractDatesProps) {
  return (
    <Group grow align="flex-start">
      <TextInput
        label="Start date"
        type="date"
        required
        data-autofocus
        value={start}
        error={errors.startDate}
        onChange={(e) => onStart(e.currentTarget.value)}
      />
      <TextInput
        label="End date"
        type="date"
        required
        value={end}
        error={errors.endDate}
        onChange={(e) => onEnd(e.currentTarget.value)}
      />
    </Group>
  );
}
