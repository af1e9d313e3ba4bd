/**
 * A deal's or an account's activities, newest first, with "Log activity" for whoever may log there.
 *
 *   <ActivityTimeline target={{ opportunityId: deal.id }} contacts={account.contacts}
 *     canLog={view.permissions.qualify} />
 *   <ActivityTimeline target={{ accountId: account.id }} contacts={view.contacts}
 *     canLog={view.permissions.keepContacts} deals={view.opportunities} />
 *
 * - `target`: whose activities (an account's are its own and those of its deals the caller may read).
 * - `contacts`: the account's contacts — names on each item, choices in the form.
 * - `canLog`: the right to log there (a deal's `qualify`, an account's `keepContacts`): "Log activity"
 *   (carrying `data-requires="qualify"` / `"keepContacts"`) when allowed, else who may (WhoMay).
 * - `deals` (on an account): the deals by id and name, so each item says which deal it was on.
 * - `headingOrder`: the level of the "Activity" heading (2 by default: a panel's; 3 inside one).
 *
 * Each item: kind (icon and word), when (date and time, UTC), who from our side, which contacts, the
 * summary, the link, and on an account the deal it was on. Items the caller may change (`mayChange`: whoever
 * logged it, admins) have Edit (the form in place, `data-requires="mayChange"`) and Delete (after a confirm).
 * Renders a section; wrap it in the panel it sits in.
 */
import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { type Activity, type ActivityKind, type Contact, describeError, type Permission } from '../../api';
import { formatDateTime } from '../format';
import { paths } from '../paths';
import { WhoMay } from '../permission';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { nameOf, useUsers } from '../users';
import { kindLabel, linkText } from './activity-format';
import { LogActivityForm } from './LogActivityForm';
import { type ActivityTarget, logRightOf, useActivities, useDeleteActivity } from './queries';

interface Props {
  target: ActivityTarget;
  contacts: Contact[];
  canLog: Permission;
  deals?: ReadonlyArray<{ id: string; name: string }> | undefined;
  headingOrder?: 2 | 3 | 4;
}

/** Outline icons (after Tabler Icons, MIT): phone, people, envelope, note. */
const ICON_PATHS: Record<ActivityKind, string[]> = {
  call: [
    'M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5l1.5 -2.5l5 2v4a2 2 0 0 1 -2 2a16 16 0 0 1 -15 -15a2 2 0 0 1 2 -2',
  ],
  meeting: [
    'M5 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0',
    'M3 21v-2a4 4 0 0 1 4 -4h4a4 4 0 0 1 4 4v2',
    'M16 3.13a4 4 0 0 1 0 7.75',
    'M21 21v-2a4 4 0 0 0 -3 -3.85',
  ],
  email: ['M3 7a2 2 0 0 1 2 -2h14a2 2 0 0 1 2 2v10a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-10z', 'M3 7l9 6l9 -6'],
  note: [
    'M5 5a2 2 0 0 1 2 -2h10a2 2 0 0 1 2 2v14a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2z',
    'M9 7h6',
    'M9 11h6',
    'M9 15h4',
  ],
};

const KIND_COLORS: Record<ActivityKind, string> = {
  call: 'blue',
  meeting: 'violet',
  email: 'cyan',
  note: 'gray',
};

function KindIcon({ kind }: { kind: ActivityKind }) {
  return (
    <ThemeIcon variant="light" color={KIND_COLORS[kind]} radius="xl" size="md" aria-hidden>
      <svg
        width={16}
        height={16}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {ICON_PATHS[kind].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </ThemeIcon>
  );
}

/** A contact's name, with their title when another contact of the account has the same name. */
function contactLabel(contacts: Contact[], id: string): string {
  const contact = contacts.find((candidate) => candidate.id === id);
  if (!contact) return 'a former contact';
  const namesake = contacts.some((other) => other.id !== id && other.name === contact.name);
  return namesake && contact.title ? `${contact.name} (${contact.title})` : contact.name;
}

const namesOr = (names: string[], none: string) => (names.length > 0 ? names.join(', ') : none);

function ActivityItem({
  activity,
  target,
  contacts,
  deals,
  onDelete,
}: {
  activity: Activity;
  target: ActivityTarget;
  contacts: Contact[];
  deals: Props['deals'];
  onDelete: (activity: Activity) => void;
}) {
  const users = useUsers();
  const [editing, setEditing] = useState(false);
  const when = formatDateTime(activity.occurredAt);
  const kind = kindLabel(activity.kind);
  const contactName = (id: string) => contactLabel(contacts, id);
  const onAccount = 'accountId' in target;
  const deal = activity.opportunityId
    ? deals?.find((candidate) => candidate.id === activity.opportunityId)
    : undefined;

  return (
    <Box
      component="li"
      data-testid="activity"
      data-activity-id={activity.id}
      data-kind={activity.kind}
      style={{ listStyle: 'none' }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <KindIcon kind={activity.kind} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              <Text span fw={600}>
                {kind}
              </Text>{' '}
              · <time dateTime={activity.occurredAt}>{when}</time>
              {onAccount &&
                (activity.opportunityId ? (
                  <>
                    {' · on '}
                    {deal ? (
                      <Anchor component={Link} href={paths.opportunity(deal.id)} underline="always">
                        {deal.name}
                      </Anchor>
                    ) : (
                      'a deal'
                    )}
                  </>
                ) : (
                  ' · on the account'
                ))}
            </Text>
            {activity.mayChange && !editing && (
              <Group gap={4}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  data-requires="mayChange"
                  aria-label={`Edit ${kind.toLowerCase()} of ${when}`}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  data-requires="mayChange"
                  aria-label={`Delete ${kind.toLowerCase()} of ${when}`}
                  onClick={() => onDelete(activity)}
                >
                  Delete
                </Button>
              </Group>
            )}
          </Group>
          {editing ? (
            <Paper withBorder p="sm">
              <LogActivityForm
                target={target}
                contacts={contacts}
                activity={activity}
                onDone={() => setEditing(false)}
                onCancel={() => setEditing(false)}
              />
            </Paper>
          ) : (
            <>
              <Text size="xs" c="dimmed" data-testid="activity-people">
                Our side:{' '}
                {namesOr(
                  activity.userIds.map((id) => nameOf(users.data, id)),
                  'nobody named',
                )}{' '}
                · Contacts: {namesOr(activity.contactIds.map(contactName), 'none named')}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="activity-summary"
              >
                {activity.summary}
              </Text>
              {activity.link && (
                <Anchor href={activity.link} target="_blank" rel="noopener noreferrer" size="sm">
                  {linkText(activity.link)}
                </Anchor>
              )}
            </>
          )}
        </Stack>
      </Group>
    </Box>
  );
}

/** Asks before deleting; the audit log keeps what the activity said. */
function DeleteDialog({ activity, onClose }: { activity: Activity | null; onClose: () => void }) {
  const remove = useDeleteActivity();
  const close = () => {
    remove.reset();
    onClose();
  };
  const what = activity
    ? `${kindLabel(activity.kind).toLowerCase()} of ${formatDateTime(activity.occurredAt)}`
    : '';
  return (
    <Modal opened={activity !== null} onClose={close} title="Delete this activity?">
      {activity && (
        <Stack gap="sm">
          <Text size="sm">
            The {what} leaves the timeline (and no longer counts for criteria derived from activities). The
            audit log keeps what it said.
          </Text>
          {remove.isError && (
            <Alert color="red" role="alert" title="Not deleted">
              {describeError(remove.error)}
            </Alert>
          )}
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              data-requires="mayChange"
              loading={remove.isPending}
              onClick={() => remove.mutate(activity, { onSuccess: close })}
            >
              Delete {kindLabel(activity.kind).toLowerCase()}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function ActivityTimeline({ target, contacts, canLog, deals, headingOrder = 2 }: Props) {
  const list = useActivities(target);
  const [logging, setLogging] = useState(false);
  const [deleting, setDeleting] = useState<Activity | null>(null);
  const headingId = useId();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const right = logRightOf(target);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm" data-testid="activity-timeline">
      <Group justify="space-between" align="flex-start">
        <Title order={headingOrder} size="h3" id={headingId}>
          Activity
        </Title>
        {canLog.allowed ? (
          !logging && (
            <Button size="xs" data-requires={right} onClick={() => setLogging(true)}>
              Log activity
            </Button>
          )
        ) : (
          <WhoMay permission={canLog} what="Log activity" />
        )}
      </Group>
      {logging && canLog.allowed && (
        <Paper withBorder p="sm">
          <LogActivityForm
            target={target}
            contacts={contacts}
            onDone={() => setLogging(false)}
            onCancel={() => setLogging(false)}
          />
        </Paper>
      )}
      {list.isPending && <LoadingState label="Loading the activity…" />}
      {list.isError && (
        <ErrorState title="Could not load the activity" error={list.error} onRetry={() => list.refetch()} />
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title="No activity yet — log the first call or meeting" />
      )}
      {items.length > 0 && (
        <Stack component="ol" gap="md" p={0} m={0} aria-labelledby={headingId}>
          {items.map((activity) => (
            <ActivityItem
              key={activity.id}
              activity={activity}
              target={target}
              contacts={contacts}
              deals={deals}
              onDelete={setDeleting}
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            size="xs"
            onClick={() => list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      )}
      <DeleteDialog activity={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
