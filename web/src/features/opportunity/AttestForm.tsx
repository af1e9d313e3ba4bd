import { Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormButtons } from '../../shared/FormButtons';

interface Props {
  evidenceRequired: boolean;
  busy: boolean;
  onSave: (note: string | null, evidenceUrl: string | null) => void;
  onCancel: () => void;
}

/** Ticking an attested criterion: who and when are recorded by the server; the person adds note and evidence. */
export function AttestForm({ evidenceRequired, busy, onSave, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(note.trim() || null, evidenceUrl.trim() || null);
  };
  return (
    <form onSubmit={submit} aria-label="Attest the criterion">
      <Stack gap={6} mt={6}>
        <Textarea
          label="Note"
          size="xs"
          autosize
          minRows={1}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-autofocus
          autoFocus
        />
        <TextInput
          label="Evidence link"
          size="xs"
          type="url"
          placeholder="https://…"
          required={evidenceRequired}
          value={evidenceUrl}
          onChange={(event) => setEvidenceUrl(event.currentTarget.value)}
        />
        <FormButtons submit="Save attestation" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
