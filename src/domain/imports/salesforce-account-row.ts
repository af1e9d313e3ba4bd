import type { Segment } from '../account/account.js';
import {
  countries,
  countryByAlpha3,
  countryByCode,
  subdivisionByCode,
  subdivisionsOf,
} from '../geography/iso-3166.js';
import { err, ok, type Result } from '../result.js';
import type { ImportMapping } from './import-mapping.js';
import { type CsvRow, type FieldProblem, pick } from './row-values.js';

/** An Account.csv row in Closepath's terms (the owner still to be resolved: an e-mail, or routing). */
export interface ImportedAccount {
  externalId: string;
  name: string;
  domain: string | null;
  industry: string | null;
  segment: Segment;
  country: string;
  subdivision: string | null;
  city: string | null;
  postalCode: string | null;
  ownerEmail: string | null;
}

const byName = new Map(countries().map((country) => [country.name.toLowerCase(), country.code]));
const COMMON_NAMES: Record<string, string> = {
  'united states': 'US',
  usa: 'US',
  'united kingdom': 'GB',
  uk: 'GB',
  'south korea': 'KR',
  russia: 'RU',
  vietnam: 'VN',
  taiwan: 'TW',
};

function countryOf(text: string): string | null {
  const upper = text.toUpperCase();
  if (upper.length === 2 && countryByCode(upper)) return upper;
  if (upper.length === 3) return countryByAlpha3(upper)?.code ?? null;
  const lower = text.toLowerCase();
  return byName.get(lower) ?? COMMON_NAMES[lower] ?? null;
}

function subdivisionOf(text: string, country: string): string | null {
  const upper = text.toUpperCase();
  if (subdivisionByCode(upper)?.country === country) return upper;
  if (subdivisionByCode(`${country}-${upper}`)) return `${country}-${upper}`;
  const lower = text.toLowerCase();
  return subdivisionsOf(country).find((each) => each.name.toLowerCase() === lower)?.code ?? null;
}

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#].*)?$/i;

/** Maps a Salesforce Account.csv row; every problem names its column. */
export function mapSalesforceAccount(
  row: CsvRow,
  mapping: ImportMapping,
): Result<ImportedAccount, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const externalId = pick(row, 'Id');
  if (!externalId) problems.push({ field: 'Id', message: 'is required (the Salesforce record id)' });
  const name = pick(row, 'Name');
  if (!name) problems.push({ field: 'Name', message: 'is required' });
  else if (name.length > 200) problems.push({ field: 'Name', message: 'is longer than 200 characters' });
  const countryText = pick(row, 'BillingCountryCode', 'BillingCountry');
  const countryField = row.BillingCountryCode?.trim() ? 'BillingCountryCode' : 'BillingCountry';
  const country = countryText ? countryOf(countryText) : null;
  if (!countryText)
    problems.push({ field: 'BillingCountry', message: 'is required (a country name or ISO code)' });
  else if (!country)
    problems.push({ field: countryField, message: `"${countryText}" is not a known country` });
  const stateText = pick(row, 'BillingStateCode', 'BillingState');
  const subdivision = stateText && country ? subdivisionOf(stateText, country) : null;
  if (stateText && country && !subdivision) {
    const field = row.BillingStateCode?.trim() ? 'BillingStateCode' : 'BillingState';
    problems.push({ field, message: `"${stateText}" is not a subdivision of ${country}` });
  }
  const ownerId = pick(row, 'OwnerId');
  const ownerEmail =
    pick(row, 'Owner.Email', 'OwnerEmail') ?? (ownerId ? (mapping.owners[ownerId] ?? null) : null);
  if (ownerId && !ownerEmail && !pick(row, 'Owner.Email', 'OwnerEmail')) {
    problems.push({ field: 'OwnerId', message: `${ownerId} is not in the mapping's owners` });
  }
  if (problems.length > 0 || !externalId || !name || !country) return err(problems);
  const website = pick(row, 'Website');
  return ok({
    externalId,
    name,
    domain: website ? (DOMAIN.exec(website)?.[1]?.toLowerCase() ?? null) : null,
    industry: pick(row, 'Industry')?.slice(0, 200) ?? null,
    segment: mapping.accounts.segment,
    country,
    subdivision,
    city: pick(row, 'BillingCity')?.slice(0, 200) ?? null,
    postalCode: pick(row, 'BillingPostalCode')?.slice(0, 20) ?? null,
    ownerEmail,
  });
}
