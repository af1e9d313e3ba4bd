import {
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Input,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { MeddpiccElement, MeddpiccEntry, MeddpiccLevel } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { ContactPicker } from './ContactPicker';
import { WriteError } from './WriteError';
import { useWorkspace, useWrite } from './workspace-context';

interface Props {
  element: MeddpiccElement;
  entry: MeddpiccEntry;
  needs: string;
  neededNow: MeddpiccLevel | null;
  focused: boolean;
}

const FIELDS = ['level', 'summary', 'contactId'] as const;

const LEVELS: MeddpiccLevel[] = ['unknown', 'identified', 'validated'];
const RANK: Record<MeddpiccLevel, number> = { unknown: 0, identified: 1, validated: 2 };

/** What was recorded, for those who may not change it. */
function Recorded({ element, entry }: { element: MeddpiccElement; entry: MeddpiccEntry }) {
  const { contacts, nameOf } = useWorkspace();
  const person = contacts.find((contact) => contact.id === entry.contactId);
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          Level
        </Text>
        <Badge size="sm" variant="light" color={entry.level === 'unknown' ? 'gray' : 'indigo'}>
          {entry.level}
        </Badge>
      </Group>
      <Text size="sm">{entry.summary ?? 'No summary yet.'}</Text>
      {element.namesPerson && (
        <Text size="xs">
          Person:{' '}
          {person ? (person.title ? `${person.name} (${person.title})` : person.name) : 'not named yet'}
        </Text>
      )}
      {entry.updatedAt && entry.updatedBy && (
        <Text size="xs" c="dimmed">
          last changed {entry.updatedAt.slice(0, 10)} by {nameOf(entry.updatedBy)}
        </Text>
      )}
    </Stack>
  );
}

/** One MEDDPICC element: level, summary, the person it names, the seed's key questions as help. */
export function MeddpiccRow({ element, entry, needs, neededNow, focused }: Props) {
  const { view, busy } = useWorkspace();
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const [level, setLevel] = useState<MeddpiccLevel>(entry.level);
  const [summary, setSummary] = useState(entry.summary ?? '');
  const [contactId, setContactId] = useState<string | null>(entry.contactId);
  const changed = level !== entry.level || summary !== (entry.summary ?? '') || contactId !== entry.contactId;
  const short = neededNow !== null && RANK[entry.level] < RANK[neededNow];
  const errors = fieldErrorsOf(write.error, FIELDS);
  useFocusFirstInvalid(form, write.error);
  const may = view.permissions.qualify.allowed;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({
      method: 'PUT',
      subpath: `/meddpicc/${encodeURIComponent(element.key)}`,
      body: { level, summary: summary.trim() || null, contactId },
    });
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
          {may ? (
            <form
              ref={form}
              onSubmit={submit}
              aria-label={`${element.name} qualification`}
              data-requires="qualify"
            >
              <Stack gap={6}>
                <SegmentedControl
                  size="xs"
                  data={LEVELS.map((value) => ({ value, label: value }))}
                  value={level}
                  onChange={(value) => setLevel(value as MeddpiccLevel)}
                  aria-label={`${element.name} level`}
                  disabled={busy}
                  data-requires="qualify"
                />
                {errors.byField.level && <Input.Error size="xs">{errors.byField.level}</Input.Error>}
                <Textarea
                  size="xs"
                  label="Summary"
                  autosize
                  minRows={1}
                  maxLength={5000}
                  value={summary}
                  onChange={(event) => setSummary(event.currentTarget.value)}
                  error={errors.byField.summary}
                  data-requires="qualify"
                />
                {element.namesPerson && (
                  <ContactPicker
                    elementName={element.name}
                    value={contactId}
                    onChange={setContactId}
                    error={errors.byField.contactId}
                    disabled={busy}
                  />
                )}
                <WriteError messages={errors.rest} />
                <Group gap="xs">
                  <Button
                    size="xs"
                    type="submit"
                    disabled={!changed || busy}
                    loading={write.isPending}
                    data-requires="qualify"
                  >
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
          ) : (
            <Recorded element={element} entry={entry} />
          )}
        </Grid.Col>
      </Grid>
    </Box>
  );
}
