import { Button, Group } from '@mantine/core';

interface Props {
  /** What the submit button says, e.g. "Save attestation". */
  submit: string;
  busy: boolean;
  /** Shows a Cancel button when given. */
  onCancel?: (() => void) | undefined;
}

/** The submit and Cancel buttons that end every small inline form. */
export function FormButtons({ submit, busy, onCancel }: Props) {
  return (
    <Group gap="xs">
      <Button size="xs" type="submit" loading={busy}>
        {submit}
      </Button>
      {onCancel && (
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
