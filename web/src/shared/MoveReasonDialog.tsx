import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Playbook, StageChangeInput } from '../api';
import type { MoveKind } from './playbook';

interface Props {
  playbook: Playbook;
  kind: MoveKind;
  dealName: string;
  toName: string;
  onCancel: () => void;
  onConfirm: (input: Omit<StageChangeInput, 'to'>) => void;
}

const TITLES: Partial<Record<MoveKind, string>> = {
  regress: 'Why is this deal moving back?',
  reopen: 'Why reopen this deal?',
  close_lost: 'Why was this deal lost?',
};

/** Asks what the gate requires before a backward move, a reopening or Closed Lost. */
export function MoveReasonDialog({ playbook, kind, dealName, toName, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [lossReason, setLossReason] = useState<string | null>(null);
  const [competitor, setCompetitor] = useState('');
  const lost = kind === 'close_lost';
  const needsCompetitor =
    lost && playbook.lossReasons.find((item) => item.key === lossReason)?.requiresCompetitor;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lost) {
      if (!lossReason) return;
      onConfirm({
        lossReason,
        ...(needsCompetitor && { winningCompetitor: competitor.trim() }),
        ...(reason.trim() && { reason: reason.trim() }),
      });
    } else if (reason.trim()) {
      onConfirm({ reason: reason.trim() });
    }
  };

  return (
    <Modal opened onClose={onCancel} title={TITLES[kind] ?? 'Move the deal'} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            Moving <b>{dealName}</b> to <b>{toName}</b>.
          </Text>
          {lost && (
            <Select
              label="Loss reason"
              required
              data-autofocus
              data={playbook.lossReasons.map((item) => ({ value: item.key, label: item.name }))}
              value={lossReason}
              onChange={setLossReason}
              allowDeselect={false}
            />
          )}
          {needsCompetitor && (
            <TextInput
              label="Winning competitor"
              required
              value={competitor}
              onChange={(event) => setCompetitor(event.currentTarget.value)}
            />
          )}
          <Textarea
            label={lost ? 'Notes (optional)' : 'Reason'}
            required={!lost}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            {...(!lost && { 'data-autofocus': true })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              type="submit"
              disabled={lost ? !lossReason || (needsCompetitor && !competitor.trim()) : !reason.trim()}
            >
              Move to {toName}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
