import { Button, Group, Text } from '@mantine/core';
import { regionName, roleName } from '../../shared/format';
import { useLogout, useSession } from './session';

/** Who is signed in (name, role, region) and the way out. */
export function UserMenu() {
  const session = useSession();
  const logout = useLogout();
  const user = session.data?.user;
  if (!user) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" data-testid="signed-in-user">
        {user.name}{' '}
        <Text span c="dimmed" size="sm">
          · {roleName(user.role)}
          {user.region ? ` · ${regionName(user.region)}` : ''}
        </Text>
      </Text>
      <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
        Sign out
      </Button>
    </Group>
  );
}
