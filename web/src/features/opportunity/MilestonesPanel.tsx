import { Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { Milestone } from '../../api';
import { FormButtons } from '../../shared/FormButtons';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { formatDateTime } from '../../shared/format';
import { WhoMay } from '../../shared/permission';
import { forwardPath } from '../../shared/playbook';
import { EvidenceLink } from './EvidenceLink';
import { WriteError } from './WriteError';
import { useWorkspace, useWrite } from './workspace-context';

const subpath = (key: string) => `/milestones/${encodeURIComponent(key)}`;
const FIELDS = ['evidenceUrl', 'note'] as const;

function RecordForm({
  busy,
  error,
  onSave,
  onCancel,
}: {
  busy: boolean;
  error: unknown;
  onSave: (body: object) => void;
  onCancel: () => void;
}) {
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [note, setNote] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(error, FIELDS);
  useFocusFirstInvalid(form, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ evidenceUrl: evidenceUrl.trim() || null, note: note.trim() || null });
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="Record the milestone" data-requires="qualify">
      <WriteError messages={errors.rest} />
      <Group gap="xs" align="flex-end" mt={4}>
        <TextInput
          size="xs"
          label="Evidence link"
          type="url"
          placeholder="https://…"
          value={evidenceUrl}
          onChange={(event) => setEvidenceUrl(event.currentTarget.value)}
          error={errors.byField.evidenceUrl}
          autoFocus
        />
        <TextInput
          size="xs"
          label="Note"
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.byField.note}
        />
        <FormButtons submit="Record" busy={busy} onCancel={onCancel} />
      </Group>
    </form>
  );
}

function MilestoneRow({
  milestone,
  record,
  reached,
  focused,
}: {
  milestone: { key: string; name: string; description: string; stageName: string };
  record: Milestone | undefined;
  reached: boolean;
  focused: boolean;
}) {
  const { view, busy, nameOf } = useWorkspace();
  const write = useWrite();
  const [editing, setEditing] = useState(focused && !record && view.permissions.qualify.allowed);
  const may = view.permissions.qualify.allowed;
  return (
    <Box
      id={`milestone-${milestone.key}`}
      data-testid="milestone"
      data-milestone={milestone.key}
      p={4}
      style={{ borderRadius: 6, outline: focused ? '2px solid var(--mantine-color-orange-5)' : undefined }}
    >
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {milestone.name}
        </Text>
        <Badge size="xs" variant="light" color={record ? 'green' : 'gray'}>
          {record ? 'achieved' : 'not yet'}
        </Badge>
        <Text size="xs" c="dimmed">
          from {milestone.stageName}
        </Text>
      </Group>
      <Text size="xs">{milestone.description}</Text>
      {record && (
        <Text size="xs" c="dimmed">
          {formatDateTime(record.achievedAt)}, recorded by {nameOf(record.recordedBy)}
          {record.note && ` — “${record.note}”`}
          <EvidenceLink href={record.evidenceUrl} />{' '}
          {may && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={() => write.mutate({ method: 'DELETE', subpath: subpath(milestone.key) })}
              data-requires="qualify"
            >
              Withdraw
            </Button>
          )}
        </Text>
      )}
      {may && !record && !editing && (
        <Button
          size="compact-xs"
          variant="subtle"
          px={0}
          disabled={busy}
          onClick={() => setEditing(true)}
          data-requires="qualify"
        >
          {reached ? 'Record…' : `Record… (once the deal has reached ${milestone.stageName})`}
        </Button>
      )}
      {editing && !record && (
        <RecordForm
          busy={busy}
          error={write.error}
          onCancel={() => {
            setEditing(false);
            write.reset();
          }}
          onSave={(body) =>
            write.mutate(
              { method: 'PUT', subpath: subpath(milestone.key), body },
              { onSuccess: () => setEditing(false) },
            )
          }
        />
      )}
      {!editing && <WriteError error={write.error} />}
    </Box>
  );
}

/**
 * The seed's win milestones (Tech, Business, Financial, Legal Win): who recorded each, when, with what
 * evidence; each is tied to the stage whose "Key Milestones" list it and can be recorded from that stage on.
 */
export function MilestonesPanel() {
  const { playbook, pipeline, view, focus } = useWorkspace();
  // The same path the server checks a milestone against (open stages, then won).
  const path = forwardPath(pipeline);
  const current = path.findIndex((stage) => stage.key === view.opportunity.stage);
  const tied = playbook.milestones.flatMap((milestone) => {
    const at = path.findIndex((stage) => stage.milestones.includes(milestone.key));
    const stage = path[at];
    return at < 0 || !stage ? [] : [{ ...milestone, stageName: stage.name, at }];
  });
  if (tied.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" id="milestones" data-testid="milestones">
      <Title order={2} size="h3">
        Win milestones
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Recorded from the stage the playbook ties them to; the gate reads them where a criterion needs one.
      </Text>
      <WhoMay permission={view.permissions.qualify} what="Record milestones" />
      <Stack gap="xs">
        {tied.map((milestone) => (
          <MilestoneRow
            key={milestone.key}
            milestone={milestone}
            record={view.milestones.find((entry) => entry.milestone === milestone.key)}
            reached={current < 0 || current >= milestone.at}
            focused={focus === `milestone:${milestone.key}`}
          />
        ))}
      </Stack>
    </Paper>
  );
}
