import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import type { WebhookSubscriptionWithSecret } from '../../api';
import { fieldErrorsOf, useFocusFirstInvalid } from '../../shared/field-errors';
import { useCreateSubscription } from './queries';

const FIELDS = ['url', 'eventTypes', 'description'] as const;
const ALL = '*';

/** The signing secret of a new subscription, shown this once, with a copy button. */
function SecretOnce({ created, onDone }: { created: WebhookSubscriptionWithSecret; onDone: () => void }) {
  return (
    <Alert color="green" title="Subscription created — copy the signing secret now" role="status">
      <Stack gap="xs">
        <Text size="sm">
          The receiver verifies every message with this secret (Standard Webhooks). It is shown only this
          once; rotating it makes a new one.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
            {created.secret}
          </Code>
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="default" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A URL and the event types it gets ("All events" or a list); the server checks the target. */
export function NewSubscriptionForm({ eventTypes }: { eventTypes: string[] }) {
  const create = useCreateSubscription();
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<string[]>([ALL]);
  const [description, setDescription] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(create.error, FIELDS);
  useFocusFirstInvalid(form, create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = types.includes(ALL) ? [ALL] : types;
    create.mutate({
      url: url.trim(),
      eventTypes: chosen as [typeof ALL],
      description: description.trim() === '' ? null : description.trim(),
    });
  };
  const done = () => {
    create.reset();
    setUrl('');
    setDescription('');
    setTypes([ALL]);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          New subscription
        </Title>
        {create.data ? (
          <SecretOnce created={create.data} onDone={done} />
        ) : (
          <form ref={form} onSubmit={submit} aria-label="New webhook subscription" noValidate>
            <Stack gap="sm">
              <TextInput
                label="Receiver URL"
                description="https:// on a public address; every message is POSTed here, signed"
                required
                value={url}
                error={errors.byField.url}
                onChange={(e) => setUrl(e.currentTarget.value)}
              />
              <MultiSelect
                label="Event types"
                description="All events, or the ones picked"
                data={[
                  { value: ALL, label: 'All events' },
                  ...eventTypes.map((type) => ({ value: type, label: type })),
                ]}
                value={types}
                onChange={setTypes}
                searchable
                required
                error={errors.byField.eventTypes}
              />
              <TextInput
                label="Description"
                description="What the receiver is, e.g. data warehouse sync"
                value={description}
                error={errors.byField.description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              {create.isError && errors.rest.length > 0 && (
                <Alert color="red" role="alert" title="The subscription was not created">
                  {errors.rest.join(' · ')}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={create.isPending}
                  disabled={url.trim() === '' || types.length === 0}
                >
                  Create subscription
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
