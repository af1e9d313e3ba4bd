import { Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { PocSession } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { formatAttendees, fromLocalInput, parseAttendees, toLocalInput } from './poc-write';

interface Props {
  session: PocSession;
  busy: boolean;
  onSave: (body: {
    scheduledAt: string | null;
    attendees: PocSession['attendees'];
    notes: string | null;
  }) => void;
  onCancel: () => void;
}

/** When the session is (UTC), who attends, and the notes taken. */
export function PocSessionForm({ session, busy, onSave, onCancel }: Props) {
  const [scheduledAt, setScheduledAt] = useState(toLocalInput(session.scheduledAt));
  const [attendees, setAttendees] = useState(formatAttendees(session.attendees));
  const [notes, setNotes] = useState(session.notes ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({
      scheduledAt: fromLocalInput(scheduledAt),
      attendees: parseAttendees(attendees),
      notes: notes.trim() || null,
    });
  };
  return (
    <form onSubmit={submit} aria-label={`Edit ${session.name}`}>
      <Stack gap={6}>
        <TextInput
          label="Scheduled at (UTC)"
          size="xs"
          type="datetime-local"
          value={scheduledAt}
          onChange={(event) => setScheduledAt(event.currentTarget.value)}
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
        />
        <Textarea
          label="Notes"
          size="xs"
          autosize
          minRows={2}
          maxLength={10_000}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        <FormButtons submit="Save session" busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
