import { Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { PocPlan } from '../../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../../shared/field-errors';
import { formatDateTime } from '../../../shared/format';
import { WriteError } from '../WriteError';
import { useWorkspace, useWrite } from '../workspace-context';
import { pocPath } from './poc-write';

const SIGN_OFF_FIELDS = ['contactId', 'evidenceUrl'] as const;

function SignOffForm() {
  const { contacts, busy } = useWorkspace();
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const errors = fieldErrorsOf(write.error, SIGN_OFF_FIELDS);
  useFocusFirstInvalid(form, write.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({
      method: 'PUT',
      subpath: pocPath.signOff,
      body: { contactId, evidenceUrl: evidenceUrl.trim() },
    });
  };
  if (contacts.length === 0)
    return (
      <Text size="xs" c="dimmed">
        The account has no contacts yet: add the Champion on the account page (or name them as Champion in
        MEDDPICC) first.
      </Text>
    );
  return (
    <form ref={form} onSubmit={submit} aria-label="Champion sign-off" data-requires="qualify">
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          label="Signed off by (the Champion)"
          required
          searchable
          data={contacts.map((contact) => ({
            value: contact.id,
            label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
          }))}
          value={contactId}
          onChange={setContactId}
          error={errors.byField.contactId}
        />
        <TextInput
          size="xs"
          label="Signed plan (link)"
          type="url"
          required
          placeholder="https://…"
          value={evidenceUrl}
          onChange={(event) => setEvidenceUrl(event.currentTarget.value)}
          error={errors.byField.evidenceUrl}
        />
        <Button size="xs" type="submit" loading={write.isPending} disabled={busy} data-requires="qualify">
          Record sign-off
        </Button>
      </Group>
      <WriteError messages={errors.rest} />
    </form>
  );
}

function ReadoutForm() {
  const { busy } = useWorkspace();
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(write.error, ['note'] as const);
  useFocusFirstInvalid(form, write.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ method: 'PUT', subpath: pocPath.readout, body: { note: note.trim() || null } });
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="POC readout" data-requires="qualify">
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Readout summary"
          maxLength={2000}
          w={360}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.byField.note}
        />
        <Button size="xs" type="submit" loading={write.isPending} disabled={busy} data-requires="qualify">
          Record readout
        </Button>
      </Group>
      <WriteError messages={errors.rest} />
    </form>
  );
}

/**
 * The Mutual POC Success Plan signed off by the Champion (Discover's exit criterion) and the results readout
 * with the customer (the POC stage's).
 */
export function PocSignOff({ plan }: { plan: PocPlan }) {
  const { view, contacts, busy, nameOf } = useWorkspace();
  const withdraw = useWrite();
  const may = view.permissions.qualify.allowed;
  const signer = plan.signOff && contacts.find((contact) => contact.id === plan.signOff?.contactId);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} size="h5">
          Mutual POC Success Plan sign-off
        </Title>
        {plan.signOff ? (
          <Text size="sm" data-testid="poc-sign-off">
            Signed off by {signer?.name ?? 'a contact'} on {formatDateTime(plan.signOff.signedAt)} (recorded
            by {nameOf(plan.signOff.recordedBy)}) —{' '}
            <Anchor
              href={plan.signOff.evidenceUrl}
              target="_blank"
              rel="noreferrer noopener"
              size="sm"
              underline="always"
            >
              signed plan
            </Anchor>{' '}
            {may && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={busy}
                onClick={() => withdraw.mutate({ method: 'DELETE', subpath: pocPath.signOff })}
                data-requires="qualify"
              >
                Withdraw
              </Button>
            )}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              The Champion signs the plan (sessions, success criteria, timeline) before the POC starts.
            </Text>
            {may ? (
              <SignOffForm />
            ) : (
              <Text size="xs" c="dimmed">
                Not signed off yet.
              </Text>
            )}
          </>
        )}
        <WriteError error={withdraw.error} />
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h5">
          Readout
        </Title>
        {plan.readout ? (
          <Text size="sm" data-testid="poc-readout">
            Readout held {formatDateTime(plan.readout.completedAt)} (recorded by{' '}
            {nameOf(plan.readout.recordedBy)}){plan.readout.note && ` — ${plan.readout.note}`}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              Walk the customer through the results against each success criterion, then record it here.
            </Text>
            {may ? (
              <ReadoutForm />
            ) : (
              <Text size="xs" c="dimmed">
                Not held yet.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
