import { SEGMENTS } from '../account/account.js';
import { countryCodeProblem, subdivisionCodeProblem } from '../geography/iso-3166.js';
import type { TerritoryModel, TerritoryRule } from './territory-model.js';

/** One problem of a territory model: where it is (the file's path) and why, in words. */
export interface TerritoryModelIssue {
  path: Array<string | number>;
  message: string;
}

type Path = Array<string | number>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A postal-code prefix, compared without spaces: 1–10 letters or digits (940, SW1, M5H). */
const POSTAL_PREFIX = /^[A-Za-z0-9]{1,10}$/;

function duplicateKeys(items: Array<{ key: string }>, at: string): TerritoryModelIssue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return [];
    }
    return [{ path: [at, index, 'key'], message: `duplicate key "${item.key}"` }];
  });
}

function emailProblem(email: string, path: Path): TerritoryModelIssue[] {
  return EMAIL.test(email) ? [] : [{ path, message: `"${email}" is not an e-mail address` }];
}

function codeProblems(codes: string[], path: Path, problemOf: (code: string) => string | null) {
  const issues: TerritoryModelIssue[] = [];
  if (codes.length === 0) issues.push({ path, message: 'must not be empty' });
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    const problem = problemOf(code);
    if (problem) issues.push({ path: [...path, index], message: problem });
    else if (seen.has(code)) issues.push({ path: [...path, index], message: `${code} is listed twice` });
    seen.add(code);
  });
  return issues;
}

function metroProblems(rule: TerritoryRule & { level: 'metro' }, at: Path): TerritoryModelIssue[] {
  const issues: TerritoryModelIssue[] = [];
  if (rule.metro.trim() === '') issues.push({ path: [...at, 'metro'], message: 'a metro needs a name' });
  const subdivision = subdivisionCodeProblem(rule.subdivision);
  if (subdivision) issues.push({ path: [...at, 'subdivision'], message: subdivision });
  const { postalPrefixes, counties } = rule;
  if ((postalPrefixes === undefined) === (counties === undefined)) {
    issues.push({
      path: at,
      message: 'a metro is defined by `postalPrefixes` or by `counties`, exactly one',
    });
  }
  if (postalPrefixes?.length === 0 || counties?.length === 0) {
    const kind = postalPrefixes ? 'postalPrefixes' : 'counties';
    issues.push({ path: [...at, kind], message: `${kind} must not be empty` });
  }
  postalPrefixes?.forEach((prefix, index) => {
    if (!POSTAL_PREFIX.test(prefix.replace(/\s/g, ''))) {
      issues.push({
        path: [...at, 'postalPrefixes', index],
        message: `"${prefix}" is not a postal-code prefix: 1 to 10 letters or digits (spaces are ignored)`,
      });
    }
  });
  counties?.forEach((county, index) => {
    if (county.trim() === '')
      issues.push({ path: [...at, 'counties', index], message: 'a county needs a name' });
  });
  return issues;
}

function segmentProblems(rule: TerritoryRule, at: Path): TerritoryModelIssue[] {
  if (rule.segments === undefined) return [];
  if (rule.segments.length === 0)
    return [{ path: [...at, 'segments'], message: 'leave `segments` out for every segment, or name one' }];
  const known = new Set<string>(SEGMENTS);
  return rule.segments.flatMap((segment, index) =>
    known.has(segment)
      ? []
      : [
          {
            path: [...at, 'segments', index],
            message: `unknown segment "${segment}" (${SEGMENTS.join(', ')})`,
          },
        ],
  );
}

function ruleProblems(rule: TerritoryRule, at: Path, sets: Set<string>): TerritoryModelIssue[] {
  const issues = segmentProblems(rule, at);
  switch (rule.level) {
    case 'country_set':
      return [
        ...issues,
        ...codeProblems(rule.sets, [...at, 'sets'], (key) =>
          sets.has(key) ? null : `unknown country set "${key}"`,
        ),
      ];
    case 'country':
      return [...issues, ...codeProblems(rule.countries, [...at, 'countries'], countryCodeProblem)];
    case 'subdivision':
      return [...issues, ...codeProblems(rule.subdivisions, [...at, 'subdivisions'], subdivisionCodeProblem)];
    case 'metro':
      return [...issues, ...metroProblems(rule, at)];
  }
}

/** The countries a rule names, each with the path that names it (a set's countries are named by the set). */
function countriesNamed(
  rule: TerritoryRule,
  at: Path,
  setCountries: Map<string, string[]>,
): Array<{ country: string; path: Path; through?: string }> {
  switch (rule.level) {
    case 'country_set':
      return rule.sets.flatMap((set, index) =>
        (setCountries.get(set) ?? []).map((country) => ({
          country,
          path: [...at, 'sets', index],
          through: set,
        })),
      );
    case 'country':
      return rule.countries.map((country, index) => ({ country, path: [...at, 'countries', index] }));
    case 'subdivision':
      return rule.subdivisions.map((code, index) => ({
        country: code.slice(0, 2),
        path: [...at, 'subdivisions', index],
      }));
    case 'metro':
      return [{ country: rule.subdivision.slice(0, 2), path: [...at, 'subdivision'] }];
  }
}

function excludedProblems(model: TerritoryModel): TerritoryModelIssue[] {
  const issues: TerritoryModelIssue[] = [];
  const reasons = new Map<string, string>();
  model.excluded.forEach((entry, index) => {
    const at: Path = ['excluded', index];
    if (entry.reason.trim() === '') issues.push({ path: [...at, 'reason'], message: 'say why, in words' });
    if (entry.countries.length === 0)
      issues.push({ path: [...at, 'countries'], message: 'names no country: give at least one code' });
    entry.countries.forEach((country, position) => {
      const path = [...at, 'countries', position];
      const problem = countryCodeProblem(country);
      if (problem) issues.push({ path, message: problem });
      else if (reasons.has(country)) issues.push({ path, message: `${country} is already excluded` });
      else reasons.set(country, entry.reason);
    });
  });
  if (reasons.size === 0) return issues;
  const setCountries = new Map(model.countrySets.map((set) => [set.key, set.countries]));
  model.territories.forEach((territory, index) => {
    territory.rules.forEach((rule, position) => {
      for (const named of countriesNamed(rule, ['territories', index, 'rules', position], setCountries)) {
        const reason = reasons.get(named.country);
        if (reason === undefined) continue;
        const through = named.through ? ` (through country set "${named.through}")` : '';
        issues.push({
          path: named.path,
          message: `${named.country} is excluded (${reason}): no rule may name it${through}`,
        });
      }
    });
  });
  return issues;
}

/**
 * The reference and geography checks of a territory model (not its coverage: see proveCoverage): unique keys,
 * regions and country sets that exist, ISO 3166 codes, well-formed metros, e-mail addresses, and excluded
 * countries that no rule names. Every problem, each with its path; none for a model that compiles.
 */
export function validateTerritoryModel(model: TerritoryModel): TerritoryModelIssue[] {
  const issues: TerritoryModelIssue[] = [
    ...duplicateKeys(model.countrySets, 'countrySets'),
    ...duplicateKeys(model.regions, 'regions'),
    ...duplicateKeys(model.territories, 'territories'),
  ];
  model.countrySets.forEach((set, index) => {
    issues.push(...codeProblems(set.countries, ['countrySets', index, 'countries'], countryCodeProblem));
  });
  const regions = new Set(model.regions.map((region) => region.key));
  const sets = new Set(model.countrySets.map((set) => set.key));
  model.regions.forEach((region, index) => {
    issues.push(...emailProblem(region.rvp, ['regions', index, 'rvp']));
    if (!model.territories.some((territory) => territory.region === region.key)) {
      issues.push({ path: ['regions', index], message: `region "${region.key}" has no territory` });
    }
  });
  model.territories.forEach((territory, index) => {
    const at: Path = ['territories', index];
    if (!regions.has(territory.region))
      issues.push({ path: [...at, 'region'], message: `unknown region "${territory.region}"` });
    issues.push(...emailProblem(territory.ae, [...at, 'ae']));
    if (territory.rules.length === 0)
      issues.push({ path: [...at, 'rules'], message: 'a territory needs at least one rule' });
    territory.rules.forEach((rule, position) => {
      issues.push(...ruleProblems(rule, [...at, 'rules', position], sets));
    });
  });
  return [...issues, ...excludedProblems(model)];
}
