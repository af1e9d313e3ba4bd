import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Account } from '../../api';
import { useAccountSearch } from './queries';

/** How the picker names an account: "Redwood Observability (US)". */
export const accountLabel = (account: Pick<Account, 'name' | 'country'>) =>
  `${account.name} (${account.country})`;

interface Props {
  value: string | null;
  /** The chosen account's label when known from elsewhere (the account preset by the address). */
  chosenLabel: string | null;
  onChange: (accountId: string | null) => void;
  error?: string | undefined;
  description: string;
}

/** The account, searched by name on the server as one types. */
export function AccountPicker({ value, chosenLabel, onChange, error, description }: Props) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const current =
    value === null
      ? null
      : picked?.value === value
        ? picked
        : { value, label: chosenLabel ?? 'Loading the account…' };
  // Picking an account puts its name in the box: that is not a new search.
  const [search] = useDebouncedValue(current && text === current.label ? '' : text, 250);
  const accounts = useAccountSearch(search);
  const found = (accounts.data?.items ?? []).map((account) => ({
    value: account.id,
    label: accountLabel(account),
  }));
  // The chosen account stays an option whatever the search finds.
  const options =
    current && !found.some((option) => option.value === current.value) ? [current, ...found] : found;

  return (
    <Select
      label="Account"
      required
      placeholder="Search accounts by name"
      description={description}
      data={options}
      value={value}
      onChange={(next, option) => {
        setPicked(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      searchable
      searchValue={text}
      onSearchChange={setText}
      // The server has matched the names already.
      filter={({ options: all }) => all}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account by that name'}
      error={error}
      allowDeselect={false}
    />
  );
}
