import { iso31661, iso31661Reserved, iso31662 } from 'iso-3166';

/**
 * ISO 3166 as the domain knows it: the assigned countries (ISO 3166-1) and their subdivisions (ISO 3166-2),
 * from the `iso-3166` package — constant data, no I/O. Accounts validate against it; territories route on it.
 */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. US. */
  code: string;
  /** ISO 3166-1 alpha-3, e.g. USA. */
  alpha3: string;
  /** The ISO short name, e.g. United States of America. */
  name: string;
}

export interface Subdivision {
  /** ISO 3166-2, e.g. US-WA. */
  code: string;
  name: string;
  /** The alpha-2 code of its country (the code's prefix), e.g. US. */
  country: string;
  /** The country, or for a second-level subdivision the first-level one it lies in (FR-01 → FR-ARA). */
  parent: string;
}

const COUNTRIES: readonly Country[] = iso31661.map(({ alpha2, alpha3, name }) => ({
  code: alpha2,
  alpha3,
  name,
}));
const byCode = new Map(COUNTRIES.map((country) => [country.code, country]));
const byAlpha3 = new Map(COUNTRIES.map((country) => [country.alpha3, country]));
const reserved = new Map(iso31661Reserved.map((entry) => [entry.alpha2, entry]));

const SUBDIVISIONS: readonly Subdivision[] = iso31662.map(({ code, name, parent }) => ({
  code,
  name,
  country: code.slice(0, code.indexOf('-')),
  parent,
}));
const subdivisionIndex = new Map(SUBDIVISIONS.map((subdivision) => [subdivision.code, subdivision]));
const subdivisionsByCountry = new Map<string, Subdivision[]>();
for (const subdivision of SUBDIVISIONS) {
  const list = subdivisionsByCountry.get(subdivision.country) ?? [];
  list.push(subdivision);
  subdivisionsByCountry.set(subdivision.country, list);
}

/** Every assigned country, in ISO order (by alpha-2). */
export const countries = (): readonly Country[] => COUNTRIES;

/** The assigned country with this alpha-2 code (exact, upper case), if any. */
export const countryByCode = (code: string): Country | undefined => byCode.get(code);

/** The assigned country with this alpha-3 code (USA → US), if any. */
export const countryByAlpha3 = (code: string): Country | undefined => byAlpha3.get(code);

/** The subdivisions of a country (first and second level), in ISO order; empty for none or an unknown code. */
export const subdivisionsOf = (country: string): readonly Subdivision[] =>
  subdivisionsByCountry.get(country) ?? [];

/** The subdivision with this ISO 3166-2 code (exact, upper case), if any. */
export const subdivisionByCode = (code: string): Subdivision | undefined => subdivisionIndex.get(code);

/** `UK` (reserved, "United Kingdom") → GB: the one assigned country whose name begins with the reserved name. */
function assignedFor(reservedName: string): Country | undefined {
  const matches = COUNTRIES.filter(
    (country) =>
      country.name.startsWith(reservedName) && !/^\p{L}/u.test(country.name.slice(reservedName.length)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Why `code` is not an assigned ISO 3166-1 alpha-2 country code, in words; null when it is one. */
export function countryCodeProblem(code: string): string | null {
  if (byCode.has(code)) return null;
  const upper = code.trim().toUpperCase();
  const three = byAlpha3.get(upper);
  if (three) return `${code} is a three-letter code: use the two-letter ISO 3166-1 code, e.g. ${three.code}`;
  if (!/^[A-Z]{2}$/.test(code)) {
    const hint = byCode.get(upper);
    return hint
      ? `use the upper-case ISO 3166-1 code: ${hint.code}`
      : 'use a two-letter ISO 3166-1 country code, e.g. US';
  }
  const entry = reserved.get(code);
  if (entry) {
    const instead = assignedFor(entry.name);
    return `${code} (${entry.name}) is reserved, not an assigned ISO 3166-1 country code${
      instead ? `: use ${instead.code}` : ''
    }`;
  }
  return `${code} is not an assigned ISO 3166-1 country code`;
}

/** Why `code` is not a known ISO 3166-2 subdivision code, in words; null when it is one. */
export function subdivisionCodeProblem(code: string): string | null {
  if (subdivisionIndex.has(code)) return null;
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
    return 'use an ISO 3166-2 subdivision code, e.g. US-CA';
  }
  const country = byCode.get(code.slice(0, 2));
  if (!country) return `${code} is not an ISO 3166-2 code: ${code.slice(0, 2)} is not a country`;
  return subdivisionsOf(country.code).length === 0
    ? `${country.name} has no ISO 3166-2 subdivisions`
    : `${code} is not a known subdivision of ${country.name}`;
}

/**
 * Why `subdivision` cannot be given with `country`, in words; null when it is one of that country's. The
 * country itself is assumed valid (see countryCodeProblem); an unknown subdivision is named as such.
 */
export function subdivisionProblem(subdivision: string, country: string): string | null {
  const problem = subdivisionCodeProblem(subdivision);
  if (problem) return problem;
  const found = subdivisionIndex.get(subdivision);
  if (!found || found.country === country) return null;
  const where = (code: string) => byCode.get(code)?.name ?? code;
  return `${subdivision} is in ${where(found.country)}, not ${where(country)}`;
}
