import { Box, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import type { Contact } from '../../api';
import { fieldErrorsOf } from '../../shared/field-errors';
import { WhoMay } from '../../shared/permission';
import { useCreateContact } from './queries';
import { WriteError } from './WriteError';
import { useWorkspace } from './workspace-context';

interface Props {
  /** "Economic Buyer": names the picker and the new contact's group. */
  elementName: string;
  value: string | null;
  onChange: (contactId: string | null) => void;
  error: string | undefined;
  disabled: boolean;
}

const FIELDS = ['name', 'title', 'email'] as const;

const labelOf = (contact: Contact) => (contact.title ? `${contact.name} (${contact.title})` : contact.name);

/**
 * The person a MEDDPICC element names: one of the account's contacts, or a new one created here (name, title,
 * email) without leaving the deal — then selected. Inside the element's form, so the new contact's fields are a
 * group, not a form of their own: Enter in them adds the contact instead of saving the element.
 */
export function ContactPicker({ elementName, value, onChange, error, disabled }: Props) {
  const { contacts, account, view } = useWorkspace();
  const create = useCreateContact(view.opportunity.accountId);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Contact[]>([]);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const errors = fieldErrorsOf(create.error, FIELDS);
  const keepContacts = account?.permissions.keepContacts;
  const known = [...contacts, ...created.filter((one) => !contacts.some((other) => other.id === one.id))];

  const add = () => {
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), title: title.trim() || null, email: email.trim() || null },
      {
        onSuccess: (contact) => {
          setCreated((list) => [...list, contact]);
          onChange(contact.id);
          setAdding(false);
          setName('');
          setTitle('');
          setEmail('');
        },
      },
    );
  };
  const enterAdds = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      add();
    }
  };

  return (
    <Stack gap={4}>
      <Select
        size="xs"
        label="Person"
        placeholder={known.length === 0 ? 'The account has no contacts yet' : 'Pick a contact'}
        data={known.map((contact) => ({ value: contact.id, label: labelOf(contact) }))}
        value={value}
        onChange={onChange}
        clearable
        searchable
        disabled={disabled}
        error={error}
      />
      {!adding && keepContacts?.allowed && (
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            px={0}
            disabled={disabled}
            onClick={() => setAdding(true)}
            data-requires="keepContacts"
          >
            New contact…
          </Button>
        </Group>
      )}
      {!adding && keepContacts && !keepContacts.allowed && (
        <WhoMay permission={keepContacts} what="Add a contact to the account" />
      )}
      {adding && (
        <Box
          role="group"
          aria-label={`New contact for ${elementName}`}
          onKeyDown={enterAdds}
          p="xs"
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
          data-testid="new-contact"
        >
          <Stack gap={6}>
            <Text size="xs" fw={600}>
              New contact on {account?.account.name ?? 'the account'}
            </Text>
            <TextInput
              size="xs"
              label="Name"
              withAsterisk
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.byField.name}
              autoFocus
            />
            <TextInput
              size="xs"
              label="Title"
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors.byField.title}
            />
            <TextInput
              size="xs"
              label="Email"
              type="email"
              maxLength={320}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.byField.email}
            />
            <WriteError messages={errors.rest} />
            <Group gap="xs">
              <Button
                size="xs"
                onClick={add}
                loading={create.isPending}
                disabled={!name.trim()}
                data-requires="keepContacts"
              >
                Add contact
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setAdding(false);
                  create.reset();
                }}
              >
                Cancel
              </Button>
            </Group>
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
