import { Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, type DemoSignIns, getJson } from '../../api';
import { regionName, roleName } from '../../shared/format';

/** Demo mode only (the server answers 404 otherwise, and nothing is shown). */
async function fetchDemoUsers(): Promise<DemoSignIns | null> {
  try {
    return await getJson<DemoSignIns>('/auth/demo-users');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function DemoUsers({ onPick }: { onPick: (email: string, password: string) => void }) {
  const demo = useQuery({ queryKey: ['demo-users'], queryFn: fetchDemoUsers, retry: false });
  if (!demo.data) return null;
  const { password, users } = demo.data;
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="demo-users-title">
      <Stack gap="xs">
        <Text component="h2" fw={600} m={0} id="demo-users-title">
          Demo users
        </Text>
        <Text size="sm" c="dimmed">
          This server runs with demo data. Every demo user's password is <code>{password}</code>. Pick one to
          fill in the form.
        </Text>
        <Table striped highlightOnHover fz="sm">
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.email}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onPick(user.email, password)}>
                    {user.name}
                  </Button>
                </Table.Td>
                <Table.Td>{roleName(user.role)}</Table.Td>
                <Table.Td>{user.region ? regionName(user.region) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
