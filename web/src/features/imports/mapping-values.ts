import { parse } from 'yaml';
import type { Playbook } from '../../api';
import { type CsvTable, cellOf } from './csv-text';

/** The parts of a mapping file the wizard reads to preview it (the server checks the whole file). */
export interface MappingPreview {
  stages: Record<string, Record<string, string>>;
  types: Record<string, string>;
  defaultType: string | null;
  owners: Record<string, string>;
  defaultCurrency: string | null;
}

const record = (value: unknown): Record<string, string> => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, each]) => (typeof each === 'string' ? [[key, each]] : [])),
  );
};

/** The mapping text read as YAML, or why it cannot be (the server's check, with paths, comes at the run). */
export function readMapping(text: string): { mapping: MappingPreview } | { error: string } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { error: `Not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { error: 'The mapping must be a YAML mapping (stages:, types:, owners:, currencies:).' };
  const file = value as Record<string, unknown>;
  const stages = file.stages && typeof file.stages === 'object' ? file.stages : {};
  return {
    mapping: {
      stages: Object.fromEntries(
        Object.entries(stages).map(([pipeline, names]) => [pipeline, record(names)]),
      ),
      types: record(file.types),
      defaultType: typeof file.defaultType === 'string' ? file.defaultType : null,
      owners: record(file.owners),
      defaultCurrency: record(file.currencies).default ?? null,
    },
  };
}

export type ValueField = 'StageName' | 'Type' | 'CurrencyIsoCode' | 'Owner';

/** One distinct value of the uploaded files, and what the mapping makes of it. */
export interface MappedValue {
  field: ValueField;
  /** The value as the file has it; '' for blank. */
  value: string;
  /** The pipeline a StageName is read in (the pipeline of its rows' type). */
  pipeline?: string;
  rows: number;
  /** What it becomes, in words; null when the mapping does not map it (those rows will be refused). */
  mappedTo: string | null;
  /** Why it is unmapped or how it is read, for the table. */
  note?: string;
}

const knownCurrencies = (): Set<string> =>
  new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/** Counts each distinct key once per row, keeping what the first row of that key said. */
class Tally {
  readonly entries = new Map<string, MappedValue>();
  add(key: string, make: () => MappedValue) {
    const entry = this.entries.get(key);
    if (entry) entry.rows++;
    else this.entries.set(key, { ...make(), rows: 1 });
  }
}

function typeOf(playbook: Playbook, mapping: MappingPreview, text: string) {
  const key = text ? mapping.types[text] : mapping.defaultType;
  return key ? playbook.opportunityTypes.find((type) => type.key === key) : undefined;
}

/**
 * The distinct StageName (per pipeline), Type, CurrencyIsoCode and owner values of the files, each beside what
 * the mapping maps it to, the way the server reads a row (src/domain/imports/salesforce-opportunity-row.ts);
 * and how many rows carry an unmapped value (a row unmapped in two columns counts once).
 */
export function mappedValues(
  playbook: Playbook,
  mapping: MappingPreview,
  files: { accounts: CsvTable | null; opportunities: CsvTable | null },
): { values: MappedValue[]; refusedRows: number } {
  const tally = new Tally();
  // The rows with at least one unmapped value (file and index): the server would refuse each of them.
  const refused = new Set<string>();
  const currencies = knownCurrencies();
  const opportunities = files.opportunities;
  for (const [index, row] of (opportunities?.rows ?? []).entries()) {
    const table = opportunities as CsvTable;
    const typeText = cellOf(table, row, 'Type');
    const type = typeOf(playbook, mapping, typeText);
    tally.add(`Type\u0000${typeText}`, () => ({
      field: 'Type',
      value: typeText,
      rows: 0,
      mappedTo: type ? type.name : null,
      ...(!type && { note: typeText ? 'not in the mapping’s types' : 'blank, and no defaultType' }),
    }));
    const stageText = cellOf(table, row, 'StageName');
    const pipeline = type && playbook.pipelines.find((each) => each.key === type.pipeline);
    const stageKey = pipeline ? mapping.stages[pipeline.key]?.[stageText] : undefined;
    const stage = pipeline?.stages.find((each) => each.key === stageKey);
    tally.add(`StageName\u0000${pipeline?.key ?? ''}\u0000${stageText}`, () => ({
      field: 'StageName',
      value: stageText,
      ...(pipeline && { pipeline: pipeline.name }),
      rows: 0,
      mappedTo: stage ? stage.name : null,
      ...(!stage && {
        note: !pipeline
          ? 'its rows’ Type is not mapped'
          : stageKey
            ? `${stageKey} is not a stage of ${pipeline.name}`
            : `not mapped for ${pipeline.name}`,
      }),
    }));
    if (!stage) refused.add(`o${index}`);
    const currencyText = cellOf(table, row, 'CurrencyIsoCode');
    const currency = (currencyText || mapping.defaultCurrency || '').toUpperCase();
    const known = currencies.size === 0 || currencies.has(currency);
    if (!known || !currency) refused.add(`o${index}`);
    tally.add(`CurrencyIsoCode\u0000${currencyText}`, () => ({
      field: 'CurrencyIsoCode',
      value: currencyText,
      rows: 0,
      mappedTo: known && currency ? currency : null,
      ...(!currencyText && known && { note: 'blank: the mapping’s default currency' }),
      ...(!known && { note: currency ? 'not an ISO 4217 currency' : 'blank, and no default currency' }),
    }));
  }
  for (const table of [files.accounts, opportunities]) {
    for (const [index, row] of (table?.rows ?? []).entries()) {
      const email = cellOf(table as CsvTable, row, 'Owner.Email', 'OwnerEmail');
      const ownerId = cellOf(table as CsvTable, row, 'OwnerId');
      if (email) {
        tally.add(`Owner\u0000@${email}`, () => ({
          field: 'Owner',
          value: email,
          rows: 0,
          mappedTo: email,
          note: 'an owner e-mail column',
        }));
        continue;
      }
      const mapped = ownerId ? (mapping.owners[ownerId] ?? null) : null;
      if (ownerId && !mapped) refused.add(`${table === opportunities ? 'o' : 'a'}${index}`);
      const unnamed =
        table === opportunities ? 'the account’s owner' : 'the AE the territory model routes it to';
      tally.add(`Owner\u0000${ownerId}`, () => ({
        field: 'Owner',
        value: ownerId,
        rows: 0,
        mappedTo: ownerId ? mapped : unnamed,
        ...(ownerId && !mapped && { note: 'not in the mapping’s owners' }),
        ...(!ownerId && { note: 'no owner named' }),
      }));
    }
  }
  return { values: [...tally.entries.values()], refusedRows: refused.size };
}
