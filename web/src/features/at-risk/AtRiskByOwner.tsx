import { Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { DealsAtRisk, User } from '../../api';
import { moneyLine } from '../../shared/money-totals';
import { nameOf } from '../../shared/users';

interface Props {
  byOwner: DealsAtRisk['byOwner'];
  users: User[] | undefined;
  /** The owner the list is filtered by, if any. */
  selected: string | null;
  onSelect: (ownerId: string | null) => void;
  busy: boolean;
}

const dealsAtRisk = (count: number) => `${count} ${count === 1 ? 'deal' : 'deals'} at risk`;

/**
 * The deals at risk grouped by owner (most deals first): each owner's count and amount. Picking an owner
 * filters the list to their deals (pressed again, or "All owners", shows everyone's).
 */
export function AtRiskByOwner({ byOwner, users, selected, onSelect, busy }: Props) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="at-risk-by-owner" aria-busy={busy}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="at-risk-by-owner">
          By owner
        </Title>
        {selected && (
          <Button size="compact-sm" variant="subtle" onClick={() => onSelect(null)}>
            All owners
          </Button>
        )}
      </Group>
      {byOwner.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has a deal at risk under these filters.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} spacing="xs">
          {byOwner.map((owner) => {
            const pressed = owner.ownerId === selected;
            const name = nameOf(users, owner.ownerId);
            return (
              <UnstyledButton
                key={owner.ownerId}
                data-testid="owner-card"
                data-owner-id={owner.ownerId}
                aria-pressed={pressed}
                title={pressed ? `Show every owner's deals` : `Show only ${name}'s deals at risk`}
                onClick={() => onSelect(pressed ? null : owner.ownerId)}
                p="sm"
                style={{
                  borderRadius: 'var(--mantine-radius-md)',
                  border: `1px solid ${pressed ? 'var(--mantine-color-indigo-8)' : 'var(--mantine-color-gray-4)'}`,
                  background: pressed ? 'var(--mantine-color-indigo-0)' : undefined,
                  boxShadow: pressed ? 'inset 0 0 0 1px var(--mantine-color-indigo-8)' : undefined,
                }}
              >
                <Stack gap={2}>
                  <Text size="sm" fw={600} data-testid="owner-name">
                    {name}
                  </Text>
                  <Text size="sm" data-testid="owner-deals">
                    {dealsAtRisk(owner.deals)}
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="owner-amount">
                    {moneyLine(owner.amounts) || '—'}
                  </Text>
                </Stack>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
