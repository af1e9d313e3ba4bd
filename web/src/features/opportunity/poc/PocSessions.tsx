import { Accordion, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PocPlan, PocSession } from '../../../api';
import { formatDateTime } from '../../../shared/format';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { PocSessionForm } from './PocSessionForm';
import { pocPath, sessionTemplates, sessionTitle } from './poc-write';

const STATUS_COLORS = { planned: 'blue', completed: 'green', cancelled: 'gray' } as const;

function SessionTitle({ session, title }: { session: PocSession; title: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600}>
        {title}
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

function SessionDetail({ session, title }: { session: PocSession; title: string }) {
  const { view, busy } = useWorkspace();
  const write = useWrite();
  const [editing, setEditing] = useState(false);
  const may = view.permissions.qualify.allowed;
  const change = (body: Record<string, unknown>, onSaved?: () => void) =>
    write.mutate(
      { method: 'PATCH', subpath: pocPath.session(session.id), body },
      onSaved ? { onSuccess: onSaved } : undefined,
    );
  return (
    <Stack gap={6}>
      <Text size="sm">{session.purpose}</Text>
      <List size="xs" spacing={0} aria-label={`Agenda of ${title}`}>
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
      {may && editing && (
        <PocSessionForm
          session={session}
          title={title}
          busy={busy}
          error={write.error}
          onCancel={() => {
            setEditing(false);
            write.reset();
          }}
          onSave={(body) => change(body, () => setEditing(false))}
        />
      )}
      {may && !editing && (
        <>
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant="default"
              disabled={busy}
              onClick={() => setEditing(true)}
              data-requires="qualify"
            >
              Schedule, attendees, notes…
            </Button>
            {session.status !== 'completed' && (
              <Button
                size="compact-xs"
                disabled={busy}
                onClick={() => change({ status: 'completed' })}
                data-requires="qualify"
              >
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
                data-requires="qualify"
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
                data-requires="qualify"
              >
                Back to planned
              </Button>
            )}
          </Group>
          <WriteError error={write.error} />
        </>
      )}
    </Stack>
  );
}

/**
 * The POC sessions in order, numbered as the playbook lists them, each with its purpose and timed agenda;
 * a repeatable session (Hands-On) may be held again.
 */
export function PocSessions({ plan }: { plan: PocPlan }) {
  const { playbook, view, busy } = useWorkspace();
  const add = useWrite();
  const templates = sessionTemplates(playbook);
  const repeatable = templates.filter((template) => template.repeatable);
  return (
    <Stack gap="xs">
      <Accordion multiple variant="separated" chevronPosition="left">
        {plan.sessions.map((session) => {
          const title = sessionTitle(templates, session);
          return (
            <Accordion.Item
              key={session.id}
              value={session.id}
              data-testid="poc-session"
              data-session={session.templateKey}
            >
              <Accordion.Control>
                <SessionTitle session={session} title={title} />
              </Accordion.Control>
              <Accordion.Panel>
                <SessionDetail session={session} title={title} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {view.permissions.qualify.allowed && repeatable.length > 0 && (
        <Stack gap={2}>
          <Group>
            {repeatable.map((template) => (
              <Button
                key={template.key}
                size="xs"
                variant="light"
                disabled={busy}
                onClick={() =>
                  add.mutate({
                    method: 'POST',
                    subpath: pocPath.sessions,
                    body: { templateKey: template.key },
                  })
                }
                data-requires="qualify"
              >
                Add a session: {template.name}
              </Button>
            ))}
          </Group>
          <WriteError error={add.error} />
        </Stack>
      )}
    </Stack>
  );
}
