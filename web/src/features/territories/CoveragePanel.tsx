import { Alert, List, Table, Text } from '@mantine/core';
import type { CoverageReport, TerritoryModel, TerritoryPerson } from '../../api';
import { segmentLabel } from '../../shared/segments';
import { LEVEL_NAMES } from './rule-words';

const segments = (list: string[]) => (list.length >= 3 ? 'every segment' : list.map(segmentLabel).join(', '));

/** The coverage proof: every leaf geography resolves to exactly one AE, or each gap and overlap by name. */
export function CoverageResult({ coverage, model }: { coverage: CoverageReport; model: TerritoryModel }) {
  const name = (key: string) => model.territories.find((territory) => territory.key === key)?.name ?? key;
  if (coverage.ok)
    return (
      <Alert color="green" title="Coverage is complete" data-testid="coverage">
        Each of the {coverage.leaves} leaf geographies (a country, or a subdivision where the country is
        split, by segment where it is split) resolves to exactly one AE.
      </Alert>
    );
  return (
    <Alert
      color="red"
      title={`${coverage.gaps.length} gap(s) and ${coverage.overlaps.length} overlap(s): this version cannot be activated`}
      data-testid="coverage"
    >
      <List size="sm" spacing={2}>
        {coverage.overlaps.map((overlap) => (
          <List.Item key={`overlap/${overlap.geography}`}>
            Overlap: {overlap.name} ({segments(overlap.segments)}) is claimed by{' '}
            {overlap.territories.map(name).join(' and ')} at the same precedence (
            {LEVEL_NAMES[overlap.level].toLowerCase()} rules).
          </List.Item>
        ))}
        {coverage.gaps.map((gap) => (
          <List.Item key={`gap/${gap.geography}`}>
            Gap: no rule covers {gap.name} ({segments(gap.segments)}).
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The AEs and RVPs the model names by e-mail: who they are here, what they hold, and what is wrong. */
export function PeopleTable({ people, model }: { people: TerritoryPerson[]; model: TerritoryModel }) {
  const name = (key: string) =>
    model.territories.find((territory) => territory.key === key)?.name ??
    model.regions.find((region) => region.key === key)?.name ??
    key;
  const problems = people.filter((person) => person.problem).length;
  return (
    <>
      <Text size="sm" c={problems > 0 ? 'red.8' : 'dimmed'} mb="xs">
        {problems > 0
          ? `${problems} person(s) named by the model cannot hold their territory: activation is refused until fixed.`
          : 'Everyone the model names is an active user of the right role.'}
      </Text>
      <Table aria-label="People" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Role in the model</Table.Th>
            <Table.Th>Territories or region</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={`${person.role}/${person.email}`}>
              <Table.Td>
                {person.name ?? '—'}{' '}
                <Text span size="xs" c="dimmed">
                  {person.email}
                </Text>
              </Table.Td>
              <Table.Td>{person.role === 'rvp' ? 'RVP' : 'AE'}</Table.Td>
              <Table.Td>{person.territories.map(name).join(', ')}</Table.Td>
              <Table.Td>
                {person.problem ? (
                  <Text span size="sm" c="red.8">
                    {person.problem}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
