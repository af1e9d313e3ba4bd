import { Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { PocSession } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { WriteError } from '../WriteError';
import { formatAttendees, fromLocalInput, parseAttendees, toLocalInput } from './poc-write';

interface Props {
  session: PocSession;
  title: string;
  busy: boolean;
  /** The failed save: its issues at the schedule, the attendees (any of them) and the notes. */
  error: unknown;
  onSave: (body: {
    scheduledAt: string | null;
    attendees: PocSession['attendees'];
    notes: string | null;
  }) => void;
  onCancel: () => void;
}

const FIELDS = ['scheduledAt', 'attendees', 'notes'] as const;

/** When the session is (UTC), who attends, and the notes taken. */
export function PocSessionForm({ session, title, busy, error, onSave, onCancel }: Props) {
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(session.scheduledAt));
  const [attendees, setAttendees] = useState(formatAttendees(session.attendees));
  const [notes, setNotes] = useState(session.notes ?? '');
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(error, FIELDS);
  useFocusFirstInvalid(form, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      scheduledAt: fromLocalInput(scheduledAt),
      attendees: parseAttendees(attendees),
      notes: notes.trim() || null,
    });
  };
  return (
    <form ref={form} onSubmit={submit} aria-label={`Edit ${title}`} data-requires="qualify">
      <Stack gap={6}>
        <TextInput
          label="Scheduled at (UTC)"
          size="xs"
          type="datetime-local"
          value={scheduledAt}
          onChange={(event) => setScheduledAt(event.currentTarget.value)}
          error={errors.byField.scheduledAt}
          autoFocus
        />
        <Textarea
          label="Attendees"
          description="One per line: Name <email>"
          size="xs"
          autosize
          minRows={2}
          value={attendees}
          onChange={(event) => setAttendees(event.currentTarget.value)}
          error={errors.byField.attendees}
        />
        <Textarea
          label="Notes"
          size="xs"
          autosize
          minRows={2}
          maxLength={10_000}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={errors.byField.notes}
        />
        <WriteError messages={errors.rest} />
        <FormButtons submit="Save session" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
