/**
 * Salesforce-shaped data-export files for import tests and the bench: Account.csv and Opportunity.csv with the
 * export's column names, and chosen rows made bad in one field each (the line and field are returned).
 */
export const ACCOUNT_HEADER =
  'Id,Name,Website,Industry,BillingCity,BillingState,BillingPostalCode,BillingCountry,OwnerId';
export const OPPORTUNITY_HEADER =
  'Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,Type,LeadSource,OwnerId,Probability,Description';

/** The example mapping's owners (imports/salesforce-mapping.example.yaml). */
export const OWNER_IDS = ['0055g00000MayaCAA', '0055g00000MeganAA', '0055g00000JordanA'] as const;
export const OWNER_EMAILS = [
  'maya.chen@closepath.demo',
  'megan.sullivan@closepath.demo',
  'jordan.brooks@closepath.demo',
] as const;

const STAGES = [
  'Prospecting',
  'Qualification',
  'Value Proposition',
  'Proposal/Price Quote',
  'Closed Won',
  'Closed Lost',
];
const BAD: ReadonlyArray<{ field: string; column: number; value: string }> = [
  { field: 'CloseDate', column: 6, value: '2026-02-30' },
  { field: 'StageName', column: 3, value: 'Vibes' },
  { field: 'Amount', column: 4, value: '-10' },
  { field: 'CurrencyIsoCode', column: 5, value: 'XYZ' },
  { field: 'Name', column: 2, value: '' },
];

export const accountId = (index: number) => `001${String(index).padStart(12, '0')}`;
export const opportunityId = (index: number) => `006${String(index).padStart(12, '0')}`;

export function accountsCsv(count: number): string {
  const lines = [ACCOUNT_HEADER];
  for (let index = 0; index < count; index++) {
    const owner = OWNER_IDS[index % OWNER_IDS.length];
    lines.push(
      `${accountId(index)},"Account ${index}, Inc.",https://a${index}.example.com,Software,Austin,TX,78701,United States,${owner}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface BadRow {
  line: number;
  field: string;
}

/**
 * The data lines of an Opportunity.csv (header first), deals spread over `accounts` accounts; every `badEvery`th
 * row (when given) is bad in one field. `amountOf` lets a re-import change amounts.
 */
export function* opportunityLines(
  count: number,
  accounts: number,
  options: {
    badEvery?: number;
    bad?: Array<{ index: number; field: string }>;
    amountOf?: (index: number) => string;
  } = {},
): Generator<string> {
  yield OPPORTUNITY_HEADER;
  for (let index = 0; index < count; index++) {
    const cells = [
      opportunityId(index),
      accountId(index % accounts),
      `"Deal ${index}, phase 1"`,
      STAGES[index % STAGES.length] as string,
      options.amountOf?.(index) ?? `${1000 + index}.50`,
      index % 7 === 0 ? 'EUR' : 'USD',
      `2027-0${1 + (index % 9)}-15`,
      'New Customer',
      'Web',
      '',
      '10',
      index % 11 === 0 ? '"Multi-line\nnote"' : 'Plain',
    ];
    if (options.badEvery && index % options.badEvery === options.badEvery - 1) {
      const bad = BAD[Math.floor(index / options.badEvery) % BAD.length] as (typeof BAD)[number];
      cells[bad.column] = bad.value;
      options.bad?.push({ index, field: bad.field });
    }
    yield cells.join(',');
  }
}

/** The whole file as text, with each bad row's real line (quoted newlines shift later lines). */
export function opportunitiesCsv(
  count: number,
  accounts: number,
  options: { badEvery?: number; amountOf?: (index: number) => string } = {},
): { csv: string; bad: BadRow[] } {
  const marks: Array<{ index: number; field: string }> = [];
  const lines: string[] = [];
  let line = 1;
  const startOf = new Map<number, number>();
  let index = -1;
  for (const text of opportunityLines(count, accounts, { ...options, bad: marks })) {
    if (index >= 0) startOf.set(index, line);
    lines.push(text);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    index++;
  }
  const bad = marks.map((mark) => ({ line: startOf.get(mark.index) as number, field: mark.field }));
  return { csv: `${lines.join('\n')}\n`, bad };
}
