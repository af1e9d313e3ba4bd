import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api';

/**
 * "Try again" only where trying again may help (a network failure, the server's fault, a rate limit); a
 * stale record is reloaded; a refusal (403, 404, 422…) would only be refused again, so it is dismissed.
 */
function retryLabel(error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500)
    return 'Try again';
  return error.status === 412 ? 'Reload' : 'Dismiss';
}

/** Loading, error and empty states in words, the same on every screen. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title: string;
  onRetry?: () => void;
}) {
  return (
    <Alert color="red" title={title} role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {retryLabel(error)}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" gap={4} py="lg">
      <Text fw={500}>{title}</Text>
      {children && (
        <Text size="sm" c="dimmed" ta="center">
          {children}
        </Text>
      )}
    </Stack>
  );
}
