import type { OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

/** A country or subdivision as a Select option: the ISO code as value, the name as label. */
export interface PlaceOption {
  value: string;
  label: string;
}

/** ISO 3166 (the `iso-3166` package the server checks against), indexed for the account screens. */
export interface Geography {
  /** Every assigned country, by name. */
  countries: PlaceOption[];
  /** A country's subdivisions by name (second-level ones say which first-level one they lie in). */
  subdivisionsOf(country: string): PlaceOption[];
  countryName(code: string): string | undefined;
  subdivisionName(code: string): string | undefined;
  /** Filters and orders a Select's options by a search: code first, then names beginning with it. */
  filter: OptionsFilter;
}

/** Lower case without accents: "cote" finds Côte d'Ivoire, "telangana" Telangāna. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const byLabel = (a: PlaceOption, b: PlaceOption) => a.label.localeCompare(b.label, 'en');

export async function loadGeography(): Promise<Geography> {
  // Its own chunk (~60 KiB gzipped): loaded by the account screens only, never by the initial bundle.
  const { iso31661, iso31662 } = await import('iso-3166');
  const countryNames = new Map(iso31661.map((country) => [country.alpha2, country.name]));
  const subdivisionNames = new Map(iso31662.map((entry) => [entry.code, entry.name]));
  /** The codes a search finds an option by, besides its name (US and USA for United States of America). */
  const codes = new Map<string, string[]>(iso31661.map((c) => [c.alpha2, [c.alpha2, c.alpha3]]));

  const subdivisions = new Map<string, PlaceOption[]>();
  for (const entry of iso31662) {
    const country = entry.code.slice(0, entry.code.indexOf('-'));
    const within = entry.parent === country ? undefined : subdivisionNames.get(entry.parent);
    const list = subdivisions.get(country) ?? [];
    list.push({ value: entry.code, label: within ? `${entry.name} (${within})` : entry.name });
    codes.set(entry.code, [entry.code, entry.code.slice(country.length + 1)]);
    subdivisions.set(country, list);
  }
  for (const list of subdivisions.values()) list.sort(byLabel);

  const filter: OptionsFilter = ({ options, search, limit }) => {
    const query = fold(search.trim());
    if (query === '') return options.slice(0, limit);
    const rank = (option: PlaceOption) => {
      if ((codes.get(option.value) ?? []).some((code) => fold(code) === query)) return 0;
      const label = fold(option.label);
      if (label.startsWith(query)) return 1;
      if (label.split(/[\s,(-]+/).some((word) => word.startsWith(query))) return 2;
      return label.includes(query) ? 3 : -1;
    };
    return options
      .flatMap((option) => ('value' in option ? [{ option, rank: rank(option) }] : []))
      .filter((ranked) => ranked.rank >= 0)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map((ranked) => ranked.option);
  };

  return {
    countries: iso31661.map((c) => ({ value: c.alpha2, label: c.name })).sort(byLabel),
    subdivisionsOf: (country) => subdivisions.get(country) ?? [],
    countryName: (code) => countryNames.get(code),
    subdivisionName: (code) => subdivisionNames.get(code),
    filter,
  };
}

/** ISO 3166, loaded once on first use (a lazy chunk) and kept for the session. */
export function useGeography() {
  return useQuery({
    queryKey: ['geography'],
    queryFn: loadGeography,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** "Seattle, Washington, United States of America": names once the data is in, the ISO codes until then. */
export function placeOf(
  geography: Geography | undefined,
  where: { city?: string | null; subdivision: string | null; country: string },
): string {
  const subdivision =
    where.subdivision && (geography?.subdivisionName(where.subdivision) ?? where.subdivision);
  const country = geography?.countryName(where.country) ?? where.country;
  return [where.city, subdivision, country].filter(Boolean).join(', ');
}
