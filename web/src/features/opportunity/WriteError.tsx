import { Text } from '@mantine/core';
import { describeError } from '../../api';

/**
 * A refused write, in words, where its control is (a checkbox, a Withdraw button): never at the top of the page.
 * Renders nothing without an error.
 */
export function WriteError({ error, messages }: { error?: unknown; messages?: string[] }) {
  const lines = messages ?? (error ? [describeError(error)] : []);
  if (lines.length === 0) return null;
  return (
    <Text size="xs" c="red.8" role="alert" data-testid="write-error">
      {lines.join(' · ')}
    </Text>
  );
}
