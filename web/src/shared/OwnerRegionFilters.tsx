import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { ownerOptions, regionOptions, useUsers } from './users';

interface Props {
  ownerId: string | null;
  region: string | null;
  onChange: (change: { ownerId: string | null; region: string | null }) => void;
}

/** The Owner and Region pickers every deal list filters by, from the users the caller may see. */
export function OwnerRegionFilters({ ownerId, region, onChange }: Props) {
  const users = useUsers();
  const owners = useMemo(() => ownerOptions(users.data), [users.data]);
  const regions = useMemo(() => regionOptions(users.data), [users.data]);
  return (
    <>
      <Select
        label="Owner"
        placeholder={users.isError ? 'Owners unavailable' : 'Anyone'}
        data={owners}
        value={ownerId}
        onChange={(next) => onChange({ ownerId: next, region })}
        searchable
        clearable
        w={200}
      />
      <Select
        label="Region"
        placeholder={users.isError ? 'Regions unavailable' : 'Any region'}
        data={regions}
        value={region}
        onChange={(next) => onChange({ ownerId, region: next })}
        clearable
        w={160}
      />
    </>
  );
}
