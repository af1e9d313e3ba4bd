import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';

interface Props {
  dealName: string;
  toName: string;
  onCancel: () => void;
  onConfirm: (justification: string) => void;
}

/** Forcing a move the gate refused: the written justification goes into the gate snapshot and the history. */
export function OverrideDialog({ dealName, toName, onCancel, onConfirm }: Props) {
  const [justification, setJustification] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (justification.trim()) onConfirm(justification.trim());
  };
  return (
    <Modal opened onClose={onCancel} title="Override the gate" centered>
      <form onSubmit={submit} aria-label="Override the gate">
        <Stack gap="sm">
          <Text size="sm">
            Moving <b>{dealName}</b> to <b>{toName}</b> although requirements are missing. The justification
            is recorded with the move, and the deal's health counts the override.
          </Text>
          <Textarea
            label="Justification"
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={justification}
            onChange={(event) => setJustification(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!justification.trim()} data-requires="override">
              Move to {toName} with override
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
