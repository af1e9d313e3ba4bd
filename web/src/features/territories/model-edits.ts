import type { TerritoryModel, TerritoryRule } from '../../api';

/**
 * The edits a RevOps admin makes to a draft, as pure functions of the model (the server validates the result
 * and proves its coverage when it is saved).
 */

function withTerritory(
  model: TerritoryModel,
  key: string,
  change: (territory: TerritoryModel['territories'][number]) => TerritoryModel['territories'][number],
): TerritoryModel {
  return {
    ...model,
    territories: model.territories.map((territory) =>
      territory.key === key ? change(territory) : territory,
    ),
  };
}

export function setAe(model: TerritoryModel, territory: string, ae: string): TerritoryModel {
  return withTerritory(model, territory, (found) => ({ ...found, ae }));
}

/** The codes a rule lists and an edit changes: sets, countries, subdivisions, or a metro's postal prefixes. */
export function codesOf(rule: TerritoryRule): string[] {
  switch (rule.level) {
    case 'country_set':
      return rule.sets;
    case 'country':
      return rule.countries;
    case 'subdivision':
      return rule.subdivisions;
    case 'metro':
      return rule.postalPrefixes ?? [];
  }
}

function withCodes(rule: TerritoryRule, codes: string[]): TerritoryRule {
  switch (rule.level) {
    case 'country_set':
      return { ...rule, sets: codes };
    case 'country':
      return { ...rule, countries: codes };
    case 'subdivision':
      return { ...rule, subdivisions: codes };
    case 'metro':
      return { ...rule, postalPrefixes: codes };
  }
}

/** Codes as the model writes them: trimmed, upper case, each once (a set key keeps its case). */
export function normalisedCodes(rule: TerritoryRule, codes: string[]): string[] {
  const cleaned = codes
    .map((code) => code.trim())
    .filter(Boolean)
    .map((code) => (rule.level === 'country_set' ? code : code.toUpperCase().replace(/\s+/g, '')));
  return [...new Set(cleaned)];
}

export function setRuleCodes(
  model: TerritoryModel,
  territory: string,
  ruleIndex: number,
  codes: string[],
): TerritoryModel {
  return withTerritory(model, territory, (found) => ({
    ...found,
    rules: found.rules.map((rule, index) =>
      index === ruleIndex ? withCodes(rule, normalisedCodes(rule, codes)) : rule,
    ),
  }));
}

/** The territories whose country rules (of any segment) name the country. */
export function holdersOf(model: TerritoryModel, country: string): string[] {
  return model.territories
    .filter((territory) =>
      territory.rules.some((rule) => rule.level === 'country' && rule.countries.includes(country)),
    )
    .map((territory) => territory.key);
}

/**
 * Moves a country to a territory: out of every country rule that names it (a rule left empty goes), into the
 * target's country rule for every segment (made when it has none).
 */
export function moveCountry(model: TerritoryModel, country: string, to: string): TerritoryModel {
  const code = country.trim().toUpperCase();
  const without: TerritoryModel = {
    ...model,
    territories: model.territories.map((territory) => ({
      ...territory,
      rules: territory.rules.flatMap((rule) => {
        if (rule.level !== 'country' || !rule.countries.includes(code)) return [rule];
        const countries = rule.countries.filter((candidate) => candidate !== code);
        return countries.length > 0 ? [{ ...rule, countries }] : [];
      }),
    })),
  };
  return withTerritory(without, to, (target) => {
    const index = target.rules.findIndex((rule) => rule.level === 'country' && !rule.segments?.length);
    const rules = [...target.rules];
    const rule = rules[index];
    if (rule?.level === 'country') rules[index] = { ...rule, countries: [...rule.countries, code] };
    else rules.push({ level: 'country', countries: [code] });
    return { ...target, rules };
  });
}

/** A problem's path as a dotted one without the body's prefix: `model.territories[2].ae` → `territories.2.ae`. */
export function problemPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\.?(body\.)?(model\.)?/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
}
