import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { TerritoryModel } from '../../api';
import type { Geography } from '../../shared/geography';
import { holdersOf, moveCountry } from './model-edits';

/** Moves a country from whichever territory holds it (by a country rule) to another one, in the draft. */
export function MoveCountryForm({
  model,
  geography,
  onChange,
}: {
  model: TerritoryModel;
  geography: Geography | undefined;
  onChange: (model: TerritoryModel) => void;
}) {
  const [country, setCountry] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const name = (key: string) => model.territories.find((territory) => territory.key === key)?.name ?? key;
  const holders = country ? holdersOf(model, country) : [];
  return (
    <form
      aria-label="Move a country"
      onSubmit={(event) => {
        event.preventDefault();
        if (!country || !to) return;
        onChange(moveCountry(model, country, to));
        setCountry(null);
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label="Country"
          placeholder="Search by name or code"
          data={geography?.countries ?? []}
          {...(geography && { filter: geography.filter })}
          value={country}
          onChange={setCountry}
          searchable
          w={260}
          size="sm"
          description={
            country
              ? holders.length > 0
                ? `Now in ${holders.map(name).join(', ')}`
                : 'No country rule names it now'
              : ' '
          }
        />
        <Select
          label="To territory"
          data={model.territories.map((territory) => ({ value: territory.key, label: territory.name }))}
          value={to}
          onChange={setTo}
          searchable
          w={220}
          size="sm"
          description=" "
        />
        <Button type="submit" variant="default" disabled={!country || !to}>
          Move the country
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        It leaves every country rule that names it and joins the territory’s country rule for every segment.
      </Text>
    </form>
  );
}
