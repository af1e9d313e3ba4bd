import { Badge, Button, Group, Modal, Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Contact, Permission } from '../../api';
import { WhoMay } from '../../shared/permission';
import { usePlaybook } from '../../shared/playbook';
import { EmptyState } from '../../shared/states';
import { ContactForm } from './ContactForm';

/** The account's contacts; adding and editing them needs `keepContacts` (who may is said otherwise). */
export function ContactsPanel({
  accountId,
  contacts,
  keepContacts,
}: {
  accountId: string;
  contacts: Contact[];
  keepContacts: Permission;
}) {
  const [contact, setContact] = useState<Contact | 'new' | null>(null);
  const may = keepContacts.allowed;
  // The people the playbook's qualification names (an Economic Buyer, a Champion), as examples.
  const people = (usePlaybook().data?.qualification.elements ?? [])
    .filter((element) => element.namesPerson)
    .map((element) => element.name.toLowerCase());

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs" align="flex-start">
        <Title order={2} size="h3">
          Contacts
        </Title>
        {may ? (
          <Button size="xs" data-requires="keepContacts" onClick={() => setContact('new')}>
            Add contact
          </Button>
        ) : (
          <WhoMay permission={keepContacts} what="Add or edit contacts" />
        )}
      </Group>
      {contacts.length === 0 ? (
        <EmptyState title="No contacts yet">
          {people.length > 0
            ? `Add the people you work with: ${people.join(', ')}…`
            : 'Add the people you work with.'}
        </EmptyState>
      ) : (
        <Table aria-label="Contacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              {may && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  {person.name}
                  {person.closingRoles.map((role) => (
                    <Badge key={role} size="xs" variant="light" ml={6} data-testid="closing-role">
                      {role === 'docusign_signer' ? 'signs the quote' : 'AWS admin'}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{person.title ?? '—'}</Table.Td>
                <Table.Td>{person.email ?? '—'}</Table.Td>
                <Table.Td>{person.phone ?? '—'}</Table.Td>
                {may && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      data-requires="keepContacts"
                      onClick={() => setContact(person)}
                      aria-label={`Edit ${person.name}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={contact !== null}
        onClose={() => setContact(null)}
        title={contact === 'new' ? 'Add contact' : 'Edit contact'}
      >
        {contact !== null && (
          <ContactForm
            accountId={accountId}
            {...(contact !== 'new' && { contact })}
            onDone={() => setContact(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}
