import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Contact, describeError } from '../../api';
import { useSaveContact } from './queries';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: name.trim(), email: orNull(email), title: orNull(title), phone: orNull(phone) };
    save.mutate({ ...(contact && { contact }), fields }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} aria-label={contact ? 'Edit contact' : 'New contact'}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput label="Phone" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
        {save.isError && (
          <Alert color="red" role="alert" title="The contact was not saved">
            {describeError(save.error)}
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
