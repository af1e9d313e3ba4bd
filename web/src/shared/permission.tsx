import { Text } from '@mantine/core';
import type { Permission } from '../api';

/**
 * What a screen shows in place of a control the caller may not use: who may, in words (never a control that
 * ends in a 403). Renders nothing when the caller may.
 */
export function WhoMay({ permission, what }: { permission: Permission; what?: string }) {
  if (permission.allowed) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="who-may">
      {what ? `${what}: ` : ''}
      {permission.who}
    </Text>
  );
}
