import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Milestone, Opportunity, Pipeline, Playbook } from '../../api';
import { FormButtons } from '../../shared/FormButtons';
import { formatDateTime } from '../../shared/format';
import { forwardPath } from '../../shared/playbook';
import type { Write } from './queries';

interface Props {
  playbook: Playbook;
  pipeline: Pipeline;
  opportunity: Opportunity;
  milestones: Milestone[];
  busy: boolean;
  nameOf: (userId: string) => string;
  onWrite: (write: Write, onSaved?: () => void) => void;
}

const subpath = (key: string) => `/milestones/${encodeURIComponent(key)}`;

function RecordForm({
  busy,
  onSave,
  onCancel,
}: {
  busy: boolean;
  onSave: (body: object) => void;
  onCancel: () => void;
}) {
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ evidenceUrl: evidenceUrl.trim() || null, note: note.trim() || null });
  };
  return (
    <form onSubmit={submit} aria-label="Record the milestone">
      <Group gap="xs" align="flex-end" mt={4}>
        <TextInput
          size="xs"
          label="Evidence link"
          type="url"
          placeholder="https://…"
          value={evidenceUrl}
          onChange={(event) => setEvidenceUrl(event.currentTarget.value)}
          autoFocus
        />
        <TextInput
          size="xs"
          label="Note"
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormButtons submit="Record" busy={busy} onCancel={onCancel} />
      </Group>
    </form>
  );
}

/**
 * The seed's win milestones (Tech, Business, Financial, Legal Win): who recorded each, when, with what
 * evidence; each is tied to the stage whose "Key Milestones" list it and can be recorded from that stage on.
 */
export function MilestonesPanel({
  playbook,
  pipeline,
  opportunity,
  milestones,
  busy,
  nameOf,
  onWrite,
}: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  // The same path the server checks a milestone against (open stages, then won).
  const path = forwardPath(pipeline);
  const current = path.findIndex((stage) => stage.key === opportunity.stage);
  const tied = playbook.milestones.flatMap((milestone) => {
    const at = path.findIndex((stage) => stage.milestones.includes(milestone.key));
    return at < 0 ? [] : [{ ...milestone, stage: path[at], at }];
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
      <Stack gap="xs">
        {tied.map((milestone) => {
          const record = milestones.find((entry) => entry.milestone === milestone.key);
          const reached = current < 0 || current >= milestone.at;
          return (
            <Box key={milestone.key} data-testid="milestone" data-milestone={milestone.key}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {milestone.name}
                </Text>
                <Badge size="xs" variant="light" color={record ? 'green' : 'gray'}>
                  {record ? 'achieved' : 'not yet'}
                </Badge>
                <Text size="xs" c="dimmed">
                  from {milestone.stage?.name}
                </Text>
              </Group>
              <Text size="xs">{milestone.description}</Text>
              {record && (
                <Text size="xs" c="dimmed">
                  {formatDateTime(record.achievedAt)}, recorded by {nameOf(record.recordedBy)}
                  {record.note && ` — “${record.note}”`}
                  {record.evidenceUrl && (
                    <>
                      {' — '}
                      <Anchor
                        href={record.evidenceUrl}
                        target="_blank"
                        rel="noreferrer noopener"
                        size="xs"
                        underline="always"
                      >
                        evidence
                      </Anchor>
                    </>
                  )}{' '}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    onClick={() => onWrite({ method: 'DELETE', subpath: subpath(milestone.key) })}
                  >
                    Withdraw
                  </Button>
                </Text>
              )}
              {!record && editing !== milestone.key && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  px={0}
                  disabled={busy}
                  onClick={() => setEditing(milestone.key)}
                >
                  {reached ? 'Record…' : `Record… (once the deal has reached ${milestone.stage?.name})`}
                </Button>
              )}
              {editing === milestone.key && (
                <RecordForm
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSave={(body) =>
                    onWrite({ method: 'PUT', subpath: subpath(milestone.key), body }, () => setEditing(null))
                  }
                />
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
