import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { Contact } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { useSaveContact } from './queries';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const FIELDS = ['name', 'email', 'title', 'phone', 'closingRoles'] as const;

/** The closing roles a contact may hold: who signs the quote, and who accepts the AWS private offer. */
export const CLOSING_ROLES = [
  { value: 'docusign_signer', label: 'Signs the quote (DocuSign signer)' },
  { value: 'aws_admin', label: 'Accepts the AWS private offer (AWS admin)' },
] as const;
type ClosingRole = (typeof CLOSING_ROLES)[number]['value'];

export function ContactForm({
  accountId,
  contact,
  onDone,
}: {
  accountId: string;
  contact?: Contact;
  onDone: () => void;
}) {
  const save = useSaveContact(accountId);
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [closingRoles, setClosingRoles] = useState<ClosingRole[]>(contact?.closingRoles ?? []);
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(save.error, FIELDS);
  useFocusFirstInvalid(form, save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      email: orNull(email),
      title: orNull(title),
      phone: orNull(phone),
      closingRoles,
    };
    save.mutate({ ...(contact && { contact }), fields }, { onSuccess: onDone });
  };

  return (
    <form ref={form} onSubmit={submit} aria-label={contact ? 'Edit contact' : 'New contact'} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          error={errors.byField.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Title"
          value={title}
          error={errors.byField.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextInput
          label="Email"
          type="email"
          value={email}
          error={errors.byField.email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput
          label="Phone"
          value={phone}
          error={errors.byField.phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
        />
        <Checkbox.Group
          label="Closing roles"
          description="One contact of the account signs the quote and another accepts the AWS offer: never the same person."
          value={closingRoles}
          onChange={(value) => setClosingRoles(value as ClosingRole[])}
          error={errors.byField.closingRoles}
        >
          <Stack gap={4} mt={4}>
            {CLOSING_ROLES.map((role) => (
              <Checkbox key={role.value} value={role.value} label={role.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.isError && (
          <Alert color="red" role="alert" title="The contact was not saved">
            {errors.rest.length > 0
              ? errors.rest.join(' · ')
              : 'Correct the fields marked above and save again.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {contact ? 'Save contact' : 'Add contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
