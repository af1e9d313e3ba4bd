import { Text } from '@mantine/core';
import type { AccountView, User } from '../../api';

/** The account's routing by the active territory model: its territory, AE and why; or why it has none. */
export function TerritoryLine({ view, users }: { view: AccountView; users: User[] | undefined }) {
  const routing = view.territory;
  if (routing === null)
    return (
      <Text size="sm" c="dimmed" data-testid="account-territory">
        Territory: no territory model is active.
      </Text>
    );
  if (!routing.ok)
    return (
      <Text size="sm" c="red.8" data-testid="account-territory">
        Territory: none ({routing.reason.replace('_', ' ')}) — {routing.because}
      </Text>
    );
  const ae = users?.find((user) => user.email.toLowerCase() === routing.ae.toLowerCase())?.name ?? routing.ae;
  return (
    <Text size="sm" data-testid="account-territory">
      Territory: <strong>{routing.territoryName}</strong>, AE {ae} — {routing.because}
    </Text>
  );
}
