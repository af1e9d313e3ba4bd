import {
  Badge,
  Box,
  Button,
  Grid,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Contact, MeddpiccElement, MeddpiccEntry, MeddpiccLevel } from '../../api';

interface Props {
  element: MeddpiccElement;
  entry: MeddpiccEntry;
  needs: string;
  neededNow: MeddpiccLevel | null;
  contacts: Contact[];
  busy: boolean;
  focused: boolean;
  onSave: (
    element: string,
    value: { level: MeddpiccLevel; summary: string | null; contactId: string | null },
  ) => void;
}

const LEVELS: MeddpiccLevel[] = ['unknown', 'identified', 'validated'];
const RANK: Record<MeddpiccLevel, number> = { unknown: 0, identified: 1, validated: 2 };

/** One MEDDPICC element: level, summary, the person it names, the seed's key questions as help. */
export function MeddpiccRow({ element, entry, needs, neededNow, contacts, busy, focused, onSave }: Props) {
  const [level, setLevel] = useState<MeddpiccLevel>(entry.level);
  const [summary, setSummary] = useState(entry.summary ?? '');
  const [contactId, setContactId] = useState<string | null>(entry.contactId);
  const changed = level !== entry.level || summary !== (entry.summary ?? '') || contactId !== entry.contactId;
  const short = neededNow !== null && RANK[entry.level] < RANK[neededNow];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(element.key, { level, summary: summary.trim() || null, contactId });
  };

  return (
    <Box
      id={`meddpicc-${element.key}`}
      data-testid="meddpicc-row"
      data-element={element.key}
      p="sm"
      style={{
        borderTop: '1px solid var(--mantine-color-gray-3)',
        outline: focused ? '2px solid var(--mantine-color-orange-5)' : undefined,
        borderRadius: focused ? 6 : undefined,
      }}
    >
      <Grid gap="md">
        <Grid.Col span={5}>
          <Group gap={6}>
            <Badge variant="filled" size="lg" radius="sm" w={32} p={0}>
              {element.letter}
            </Badge>
            <Text fw={600}>{element.name}</Text>
            {short && (
              <Badge color="orange" variant="light" size="xs">
                {neededNow} needed now
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {element.definition}
          </Text>
          <Text size="xs" mt={4}>
            <b>Needed:</b> {needs}
          </Text>
          <List size="xs" c="dimmed" mt={4} aria-label={`Key questions for ${element.name}`}>
            {element.questions.map((question) => (
              <List.Item key={question}>{question}</List.Item>
            ))}
          </List>
        </Grid.Col>
        <Grid.Col span={7}>
          <form onSubmit={submit} aria-label={`${element.name} qualification`}>
            <Stack gap={6}>
              <SegmentedControl
                size="xs"
                data={LEVELS.map((value) => ({ value, label: value }))}
                value={level}
                onChange={(value) => setLevel(value as MeddpiccLevel)}
                aria-label={`${element.name} level`}
                disabled={busy}
              />
              <Textarea
                size="xs"
                label="Summary"
                autosize
                minRows={1}
                maxLength={5000}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
              />
              {element.namesPerson && (
                <Select
                  size="xs"
                  label="Person"
                  placeholder={contacts.length === 0 ? 'The account has no contacts yet' : 'Pick a contact'}
                  data={contacts.map((contact) => ({
                    value: contact.id,
                    label: contact.title ? `${contact.name} (${contact.title})` : contact.name,
                  }))}
                  value={contactId}
                  onChange={setContactId}
                  clearable
                  searchable
                />
              )}
              <Group gap="xs">
                <Button size="xs" type="submit" disabled={!changed} loading={busy && changed}>
                  Save {element.name}
                </Button>
                {entry.updatedAt && (
                  <Text size="xs" c="dimmed">
                    last changed {entry.updatedAt.slice(0, 10)}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
