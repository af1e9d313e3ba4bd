import { Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Contact, PocPlan } from '../../../api';
import { formatDateTime } from '../../../shared/format';
import { type PocWrite, pocPath } from './poc-write';

interface Props {
  plan: PocPlan;
  contacts: Contact[];
  busy: boolean;
  nameOf: (userId: string) => string;
  onWrite: PocWrite;
}

function SignOffForm({ contacts, busy, onWrite }: Omit<Props, 'plan' | 'nameOf'>) {
  const [contactId, setContactId] = useState<string | null>(null);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onWrite({
      method: 'PUT',
      subpath: pocPath.signOff,
      body: { contactId, evidenceUrl: evidenceUrl.trim() },
    });
  };
  if (contacts.length === 0)
    return (
      <Text size="xs" c="dimmed">
        The account has no contacts yet: add the Champion on the account page first.
      </Text>
    );
  return (
    <form onSubmit={submit} aria-label="Champion sign-off">
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
        />
        <TextInput
          size="xs"
          label="Signed plan (link)"
          type="url"
          required
          placeholder="https://…"
          value={evidenceUrl}
          onChange={(event) => setEvidenceUrl(event.currentTarget.value)}
        />
        <Button size="xs" type="submit" loading={busy}>
          Record sign-off
        </Button>
      </Group>
    </form>
  );
}

function ReadoutForm({ busy, onWrite }: Pick<Props, 'busy' | 'onWrite'>) {
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onWrite({ method: 'PUT', subpath: pocPath.readout, body: { note: note.trim() || null } });
  };
  return (
    <form onSubmit={submit} aria-label="POC readout">
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Readout summary"
          maxLength={2000}
          w={360}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Button size="xs" type="submit" loading={busy}>
          Record readout
        </Button>
      </Group>
    </form>
  );
}

/**
 * The Mutual POC Success Plan signed off by the Champion (Discover's exit criterion) and the results readout
 * with the customer (the POC stage's).
 */
export function PocSignOff({ plan, contacts, busy, nameOf, onWrite }: Props) {
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
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={() => onWrite({ method: 'DELETE', subpath: pocPath.signOff })}
            >
              Withdraw
            </Button>
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              The Champion signs the plan (sessions, success criteria, timeline) before the POC starts.
            </Text>
            <SignOffForm contacts={contacts} busy={busy} onWrite={onWrite} />
          </>
        )}
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
            <ReadoutForm busy={busy} onWrite={onWrite} />
          </>
        )}
      </Stack>
    </Stack>
  );
}
