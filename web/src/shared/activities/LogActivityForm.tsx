/**
 * The form that logs a call, meeting, email or note on a deal or an account — or edits one already logged.
 *
 *   <LogActivityForm target={{ accountId }} contacts={view.contacts} onDone={close} onCancel={close} />
 *   <LogActivityForm target={{ opportunityId }} contacts={account.contacts} activity={item} onDone={close} />
 *
 * - `target`: where a new activity is logged (a deal needs the `qualify` right, an account `keepContacts`);
 *   render the form only when the caller may (ActivityTimeline does, and shows who may otherwise).
 * - `contacts`: the account's contacts, for "Which contacts".
 * - `activity`: edit it instead (only what changed is sent, with its version as If-Match).
 * - `onDone(activity)` after the save (or at once when nothing changed); `onCancel` shows a Cancel button.
 *
 * Fields: kind; when (UTC, to the minute; now by default, not in the future); who from our side (the org's
 * users, the caller by default); which contacts; summary; an optional link. The server's refusals appear at
 * their fields (`body.occurredAt`, `body.userIds.1` named after that person, `body.contactIds.0`,
 * `body.summary`, `body.link`) with the focus on the first; anything else above the buttons.
 */
import {
  Alert,
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import type { Activity, ActivityKind, ActivityRecord, Contact, LogActivityInput, Session } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../field-errors';
import { nameOf, ownerOptions, useUsers } from '../users';
import { ACTIVITY_KINDS, fromUtcInput, peopleIssue, samePeople, toUtcInput } from './activity-format';
import {
  type ActivityFields,
  type ActivityTarget,
  logRightOf,
  useLogActivity,
  useUpdateActivity,
} from './queries';

const FIELDS = ['kind', 'occurredAt', 'userIds', 'contactIds', 'summary', 'link'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  target: ActivityTarget;
  contacts: Contact[];
  activity?: Activity | undefined;
  /** The kind a new activity starts as (a "Log a meeting" link opens it on meeting); call by default. */
  initialKind?: ActivityKind | undefined;
  onDone: (activity: ActivityRecord) => void;
  onCancel?: (() => void) | undefined;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The signed-in user's id, from the session the app read before any screen (AuthGate). */
function useMyId(): string | null {
  return useQueryClient().getQueryData<Session | null>(['session'])?.user.id ?? null;
}

/** What the form holds, before it is sent. */
interface Draft {
  kind: ActivityKind;
  when: string;
  userIds: string[];
  contactIds: string[];
  summary: string;
  link: string;
}

/** What is wrong before anything is sent: an unreadable or future time, an empty summary. */
function checkDraft(draft: Draft, now: Date): Partial<Record<Field, string>> {
  const issues: Partial<Record<Field, string>> = {};
  const when = fromUtcInput(draft.when);
  if (!when) issues.occurredAt = 'Give the date and time it took place (UTC).';
  else if (new Date(when).getTime() > now.getTime())
    issues.occurredAt = 'An activity is logged once it has taken place: not in the future.';
  if (draft.summary.trim() === '') issues.summary = 'Say what was discussed.';
  return issues;
}

/** A new activity's body: the time only when it was changed (else the server's now). */
function logInput(draft: Draft, defaultWhen: string): LogActivityInput {
  const occurredAt = draft.when === defaultWhen ? undefined : (fromUtcInput(draft.when) ?? undefined);
  return {
    kind: draft.kind,
    ...(occurredAt && { occurredAt }),
    userIds: draft.userIds,
    contactIds: draft.contactIds,
    summary: draft.summary.trim(),
    link: orNull(draft.link),
  };
}

/** An edit's body: only the fields that differ from the activity. */
function changedFields(draft: Draft, activity: Activity): ActivityFields {
  const fields: ActivityFields = {};
  if (draft.kind !== activity.kind) fields.kind = draft.kind;
  if (draft.when !== toUtcInput(new Date(activity.occurredAt)))
    fields.occurredAt = fromUtcInput(draft.when) ?? draft.when;
  if (!samePeople(draft.userIds, activity.userIds)) fields.userIds = draft.userIds;
  if (!samePeople(draft.contactIds, activity.contactIds)) fields.contactIds = draft.contactIds;
  if (draft.summary.trim() !== activity.summary) fields.summary = draft.summary.trim();
  if (orNull(draft.link) !== activity.link) fields.link = orNull(draft.link);
  return fields;
}

export function LogActivityForm({ target, contacts, activity, initialKind, onDone, onCancel }: Props) {
  const me = useMyId();
  const users = useUsers();
  const log = useLogActivity(target);
  const update = useUpdateActivity();
  const save = activity ? update : log;
  const kindLabelId = useId();
  const [defaultWhen] = useState(() => toUtcInput(new Date()));
  const [draft, setDraft] = useState<Draft>(() => ({
    kind: activity?.kind ?? initialKind ?? 'call',
    when: activity ? toUtcInput(new Date(activity.occurredAt)) : defaultWhen,
    userIds: activity?.userIds ?? (me ? [me] : []),
    contactIds: activity?.contactIds ?? [],
    summary: activity?.summary ?? '',
    link: activity?.link ?? '',
  }));
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const serverErrors = fieldErrorsOf(save.error, FIELDS);
  useFocusFirstInvalid(form, save.error);
  useFocusFirstInvalid(form, attempt > 0 ? attempt : null);

  const userOptions = useMemo(() => {
    const options = ownerOptions(users.data);
    // Someone already on the activity stays choosable (and named) even if the list lacks them.
    for (const id of draft.userIds)
      if (!options.some((option) => option.value === id)) options.push({ value: id, label: id });
    return options;
  }, [users.data, draft.userIds]);
  const contactOptions = contacts.map((contact) => ({
    value: contact.id,
    label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
  }));
  const contactName = (id: string) => contacts.find((contact) => contact.id === id)?.name ?? id;
  const sent = save.variables && ('fields' in save.variables ? save.variables.fields : save.variables);
  const shown: Partial<Record<Field, string>> = {
    ...serverErrors.byField,
    userIds: peopleIssue(save.error, 'userIds', sent?.userIds, (id) => nameOf(users.data, id)),
    contactIds: peopleIssue(save.error, 'contactIds', sent?.contactIds, contactName),
    ...issues,
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setIssues((current) => ({ ...current, [key === 'when' ? 'occurredAt' : key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, new Date());
    setIssues(found);
    if (Object.values(found).some(Boolean)) {
      setAttempt((count) => count + 1);
      return;
    }
    if (activity) {
      const fields = changedFields(draft, activity);
      if (Object.keys(fields).length === 0) onDone(activity);
      else update.mutate({ activity, fields }, { onSuccess: onDone });
    } else {
      log.mutate(logInput(draft, defaultWhen), { onSuccess: onDone });
    }
  };

  const label = activity ? 'Edit activity' : 'Log activity';
  return (
    <form ref={form} onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Input.Wrapper label="Kind" labelElement="div" labelProps={{ id: kindLabelId }} error={shown.kind}>
            <SegmentedControl
              aria-labelledby={kindLabelId}
              fullWidth
              data={ACTIVITY_KINDS.map(({ value, label: text }) => ({ value, label: text }))}
              value={draft.kind}
              onChange={(value) => set('kind', value as ActivityKind)}
            />
          </Input.Wrapper>
          <TextInput
            label="When (UTC)"
            type="datetime-local"
            required
            max={toUtcInput(new Date())}
            value={draft.when}
            error={shown.occurredAt}
            onChange={(event) => set('when', event.currentTarget.value)}
          />
          <MultiSelect
            label="Who from our side"
            placeholder={draft.userIds.length === 0 ? 'Search by name' : undefined}
            data={userOptions}
            value={draft.userIds}
            onChange={(value) => set('userIds', value)}
            searchable
            nothingFoundMessage="Nobody by that name"
            error={shown.userIds}
          />
          <MultiSelect
            label="Which contacts"
            placeholder={
              contacts.length === 0
                ? 'No contacts on this account yet'
                : draft.contactIds.length === 0
                  ? 'Search by name'
                  : undefined
            }
            data={contactOptions}
            value={draft.contactIds}
            onChange={(value) => set('contactIds', value)}
            searchable
            disabled={contacts.length === 0}
            nothingFoundMessage="No contact by that name"
            error={shown.contactIds}
          />
        </SimpleGrid>
        <Textarea
          label="Summary"
          required
          autosize
          minRows={3}
          maxRows={10}
          placeholder="What was discussed, what was agreed, what happens next"
          value={draft.summary}
          error={shown.summary}
          onChange={(event) => set('summary', event.currentTarget.value)}
        />
        <TextInput
          label="Link (optional)"
          type="url"
          placeholder="https://… the recording, the email thread, the notes"
          value={draft.link}
          error={shown.link}
          onChange={(event) => set('link', event.currentTarget.value)}
        />
        {save.isError && (
          <Alert color="red" role="alert" title={activity ? 'The activity was not saved' : 'Not logged'}>
            {serverErrors.rest.length > 0
              ? serverErrors.rest.join(' · ')
              : 'Correct the fields marked above and save again.'}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            size="xs"
            type="submit"
            loading={save.isPending}
            data-requires={activity ? 'mayChange' : logRightOf(target)}
          >
            {activity ? 'Save activity' : 'Log activity'}
          </Button>
          {onCancel && (
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
