import { Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { FormButtons } from '../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { WriteError } from './WriteError';

interface Props {
  /** The criterion's key (the form carries it with the permission it needs: attest[key]). */
  criterion: string;
  evidenceRequired: boolean;
  busy: boolean;
  /** The failed save, if any: its issues shown at the note and the evidence link. */
  error: unknown;
  onSave: (note: string | null, evidenceUrl: string | null) => void;
  onCancel: () => void;
}

const FIELDS = ['note', 'evidenceUrl'] as const;

/** Ticking an attested criterion: who and when are recorded by the server; the person adds note and evidence. */
export function AttestForm({ criterion, evidenceRequired, busy, error, onSave, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(error, FIELDS);
  useFocusFirstInvalid(form, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(note.trim() || null, evidenceUrl.trim() || null);
  };
  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-label="Attest the criterion"
      data-requires="attest"
      data-criterion={criterion}
    >
      <Stack gap={6} mt={6}>
        <Textarea
          label="Note"
          size="xs"
          autosize
          minRows={1}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.byField.note}
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
          error={errors.byField.evidenceUrl}
        />
        <WriteError messages={errors.rest} />
        <FormButtons submit="Save attestation" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
