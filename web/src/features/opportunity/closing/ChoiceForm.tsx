import { Group, Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Contact } from '../../../api';
import { FormButtons } from '../../../shared/FormButtons';
import { fieldErrorsOf } from '../../../shared/field-errors';
import { WriteError } from '../WriteError';
import { confirmedInstant } from './offer-form';

const FIELDS = ['optionName', 'contactId', 'confirmedAt'] as const;

interface Props {
  options: { name: string }[];
  /** When the version was presented: the confirmation cannot come before it. */
  presentedAt: string | null;
  contacts: Contact[];
  busy: boolean;
  error: unknown;
  onSave: (choice: { optionName: string; contactId: string; confirmedAt: string }) => void;
  onCancel: () => void;
}

/** The local time now as a datetime-local value (minutes). */
const nowLocal = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Record which option the customer chose, who of the customer confirmed it, and when. */
export function ChoiceForm({ options, presentedAt, contacts, busy, error, onSave, onCancel }: Props) {
  const [optionName, setOptionName] = useState<string | null>(
    options.length === 1 ? (options[0]?.name ?? null) : null,
  );
  const [contactId, setContactId] = useState<string | null>(null);
  const [confirmedAt, setConfirmedAt] = useState(nowLocal());
  const [tried, setTried] = useState(false);
  const errors = fieldErrorsOf(error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!optionName || !contactId || !confirmedAt) return;
    onSave({ optionName, contactId, confirmedAt: confirmedInstant(confirmedAt, presentedAt) });
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Record the customer's choice"
      data-testid="choice-form"
      data-requires="offer.choose"
    >
      <WriteError messages={errors.rest} />
      <Group gap="xs" align="flex-start">
        <Select
          size="xs"
          label="Option chosen"
          required
          data={options.map((option) => option.name)}
          value={optionName}
          onChange={setOptionName}
          error={tried && !optionName ? 'Pick the option the customer chose.' : errors.byField.optionName}
        />
        <Select
          size="xs"
          label="Confirmed by"
          required
          description={
            contacts.length === 0 ? 'Add the customer’s contacts on the account first.' : undefined
          }
          data={contacts.map((contact) => ({
            value: contact.id,
            label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
          }))}
          value={contactId}
          onChange={setContactId}
          searchable
          error={tried && !contactId ? 'Pick who of the customer confirmed it.' : errors.byField.contactId}
        />
        <TextInput
          size="xs"
          type="datetime-local"
          label="Confirmed at"
          required
          value={confirmedAt}
          onChange={(event) => setConfirmedAt(event.currentTarget.value)}
          error={tried && !confirmedAt ? 'When did the customer confirm?' : errors.byField.confirmedAt}
        />
      </Group>
      <Group mt={6}>
        <FormButtons submit="Record the choice" busy={busy} onCancel={onCancel} />
      </Group>
    </form>
  );
}
