import { Button, Group, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf } from '../../../shared/field-errors';
import { WriteError } from '../WriteError';

interface Props {
  stepName: string;
  busy: boolean;
  error: unknown;
  onDecide: (decision: 'approve' | 'reject', comment: string | null) => void;
}

/** Approve the step waiting, or reject it with what must change (a rejection returns the offer to draft). */
export function DecisionForm({ stepName, busy, error, onDecide }: Props) {
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const errors = fieldErrorsOf(error, ['comment'] as const);
  const reject = () => {
    if (!comment.trim()) {
      setMissingComment(true);
      return;
    }
    onDecide('reject', comment.trim());
  };
  const approve = (event: FormEvent) => {
    event.preventDefault();
    onDecide('approve', comment.trim() || null);
  };
  return (
    <form
      onSubmit={approve}
      aria-label={`Decide: ${stepName}`}
      data-testid="decision-form"
      data-requires="offer.decide"
    >
      <WriteError messages={errors.rest} />
      <Textarea
        size="xs"
        label="Comment"
        description="Required to reject: say what must change. Optional to approve."
        autosize
        minRows={1}
        maxLength={2000}
        value={comment}
        onChange={(event) => {
          setComment(event.currentTarget.value);
          setMissingComment(false);
        }}
        error={missingComment ? 'Say what must change to reject.' : errors.byField.comment}
      />
      <Group gap="xs" mt={6}>
        <Button size="xs" type="submit" color="green" loading={busy}>
          Approve {stepName}
        </Button>
        <Button size="xs" variant="light" color="red" disabled={busy} onClick={reject}>
          Reject
        </Button>
      </Group>
    </form>
  );
}
