import { Accordion, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PocPlan, PocSession } from '../../../api';
import { formatDateTime } from '../../../shared/format';
import { PocSessionForm } from './PocSessionForm';
import { type PocWrite, pocPath } from './poc-write';

const STATUS_COLORS = { planned: 'blue', completed: 'green', cancelled: 'gray' } as const;

function SessionTitle({ session }: { session: PocSession }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600}>
        {session.name}
        {session.sequence > 1 && ` #${session.sequence}`}
      </Text>
      <Badge size="xs" variant="light" color={STATUS_COLORS[session.status]}>
        {session.status === 'completed' ? 'held' : session.status}
      </Badge>
      <Text size="xs" c="dimmed">
        {session.durationMinutes ? `${session.durationMinutes} min` : 'duration as needed'}
        {session.scheduledAt && ` · ${formatDateTime(session.scheduledAt)}`}
      </Text>
    </Group>
  );
}

function SessionDetail({
  session,
  busy,
  onWrite,
}: {
  session: PocSession;
  busy: boolean;
  onWrite: PocWrite;
}) {
  const [editing, setEditing] = useState(false);
  const change = (body: Record<string, unknown>, onSaved?: () => void) =>
    onWrite({ method: 'PATCH', subpath: pocPath.session(session.id), body }, onSaved);
  return (
    <Stack gap={6}>
      <Text size="sm">{session.purpose}</Text>
      <List size="xs" spacing={0} aria-label={`Agenda of ${session.name}`}>
        {session.agenda.map((item) => (
          <List.Item key={item.item}>
            {item.item}
            {item.minutes !== undefined && ` — ${item.minutes} min`}
          </List.Item>
        ))}
      </List>
      {session.attendees.length > 0 && (
        <Text size="xs">Attendees: {session.attendees.map((person) => person.name).join(', ')}</Text>
      )}
      {session.notes && <Text size="xs">Notes: {session.notes}</Text>}
      {session.completedAt && <Text size="xs">Held {formatDateTime(session.completedAt)}</Text>}
      {editing ? (
        <PocSessionForm
          session={session}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={(body) => change(body, () => setEditing(false))}
        />
      ) : (
        <Group gap="xs">
          <Button size="compact-xs" variant="default" disabled={busy} onClick={() => setEditing(true)}>
            Schedule, attendees, notes…
          </Button>
          {session.status !== 'completed' && (
            <Button size="compact-xs" disabled={busy} onClick={() => change({ status: 'completed' })}>
              Mark as held
            </Button>
          )}
          {session.status === 'planned' && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={() => change({ status: 'cancelled' })}
            >
              Cancel session
            </Button>
          )}
          {session.status !== 'planned' && (
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={busy}
              onClick={() => change({ status: 'planned' })}
            >
              Back to planned
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The POC sessions in order, each with its purpose and timed agenda; Hands-On may be held again. */
export function PocSessions({ plan, busy, onWrite }: { plan: PocPlan; busy: boolean; onWrite: PocWrite }) {
  return (
    <Stack gap="xs">
      <Accordion multiple variant="separated" chevronPosition="left">
        {plan.sessions.map((session) => (
          <Accordion.Item
            key={session.id}
            value={session.id}
            data-testid="poc-session"
            data-session={session.templateKey}
          >
            <Accordion.Control>
              <SessionTitle session={session} />
            </Accordion.Control>
            <Accordion.Panel>
              <SessionDetail session={session} busy={busy} onWrite={onWrite} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={busy}
          onClick={() =>
            onWrite({ method: 'POST', subpath: pocPath.sessions, body: { templateKey: 'hands_on' } })
          }
        >
          Add another Hands-On session
        </Button>
      </Group>
    </Stack>
  );
}
