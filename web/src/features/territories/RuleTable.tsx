import { Select, Table, TagsInput, Text } from '@mantine/core';
import type { TerritoryModel, TerritoryRule } from '../../api';
import { codesOf, setAe, setRuleCodes } from './model-edits';
import { LEVEL_NAMES, type PlaceNames, precedenceInWords, ruleInWords, segmentsInWords } from './rule-words';

/** What the rule table needs to edit a draft in place: the AEs to choose from and the problems by path. */
export interface RuleEditing {
  onChange: (model: TerritoryModel) => void;
  aeOptions: Array<{ value: string; label: string }>;
  /** The server's message for a model path (`territories.2.ae`), or for anything under it. */
  problemAt: (path: string) => string | undefined;
}

const CODES_LABEL: Record<TerritoryRule['level'], string> = {
  country_set: 'Country sets (keys)',
  country: 'Countries (ISO codes)',
  subdivision: 'Subdivisions (ISO 3166-2 codes)',
  metro: 'Postal-code prefixes',
};

function RuleCell({
  model,
  territory,
  index,
  rule,
  names,
  editing,
}: {
  model: TerritoryModel;
  territory: TerritoryModel['territories'][number];
  index: number;
  rule: TerritoryRule;
  names: PlaceNames | undefined;
  editing: RuleEditing | undefined;
}) {
  const words = ruleInWords(rule, model, names);
  if (!editing) return <>{words}</>;
  return (
    <TagsInput
      aria-label={`${CODES_LABEL[rule.level]} of ${territory.name}, rule ${index + 1}`}
      description={words}
      value={codesOf(rule)}
      onChange={(codes) => editing.onChange(setRuleCodes(model, territory.key, index, codes))}
      splitChars={[',', ' ']}
      clearable
      error={editing.problemAt(`territories.${model.territories.indexOf(territory)}.rules.${index}`)}
      size="xs"
    />
  );
}

/**
 * Every territory with its region, AE and rules, each rule in words with its precedence and segments; in a
 * draft being edited, the AE and each rule's codes are fields (problems the server found shown at them).
 */
export function RuleTable({
  model,
  names,
  personName,
  editing,
}: {
  model: TerritoryModel;
  names: PlaceNames | undefined;
  /** A person's name from their e-mail (the e-mail when nobody has it). */
  personName: (email: string) => string;
  editing?: RuleEditing | undefined;
}) {
  const regionName = (key: string) => model.regions.find((region) => region.key === key)?.name ?? key;
  return (
    <Table aria-label="Territory rules" verticalSpacing="xs" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Territory</Table.Th>
          <Table.Th>Region</Table.Th>
          <Table.Th>AE</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Level (precedence)</Table.Th>
          <Table.Th>Segments</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {model.territories.flatMap((territory, position) => {
          const rules = territory.rules.length > 0 ? territory.rules : [null];
          return rules.map((rule, index) => (
            // A rule has no key of its own: its place in the territory is its identity (as in the file).
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={`${territory.key}/${index}`} data-territory={territory.key}>
              {index === 0 && (
                <>
                  <Table.Td rowSpan={rules.length}>{territory.name}</Table.Td>
                  <Table.Td rowSpan={rules.length}>{regionName(territory.region)}</Table.Td>
                  <Table.Td rowSpan={rules.length}>
                    {editing ? (
                      <Select
                        aria-label={`AE of ${territory.name}`}
                        data={
                          editing.aeOptions.some((option) => option.value === territory.ae)
                            ? editing.aeOptions
                            : [...editing.aeOptions, { value: territory.ae, label: territory.ae }]
                        }
                        value={territory.ae}
                        onChange={(ae) => ae && editing.onChange(setAe(model, territory.key, ae))}
                        allowDeselect={false}
                        searchable
                        size="xs"
                        miw={160}
                        error={editing.problemAt(`territories.${position}.ae`)}
                      />
                    ) : (
                      personName(territory.ae)
                    )}
                  </Table.Td>
                </>
              )}
              {rule ? (
                <>
                  <Table.Td>
                    <RuleCell
                      model={model}
                      territory={territory}
                      index={index}
                      rule={rule}
                      names={names}
                      editing={editing}
                    />
                  </Table.Td>
                  <Table.Td>
                    {LEVEL_NAMES[rule.level]}{' '}
                    <Text span size="xs" c="dimmed">
                      ({precedenceInWords(rule)})
                    </Text>
                  </Table.Td>
                  <Table.Td>{segmentsInWords(rule)}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    No rule: this territory covers nothing.
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ));
        })}
      </Table.Tbody>
    </Table>
  );
}
