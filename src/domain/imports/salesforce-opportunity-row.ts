import { pipelineForType } from '../playbook/lookup.js';
import type { Playbook } from '../playbook/playbook.js';
import { err, ok, type Result } from '../result.js';
import type { ImportMapping } from './import-mapping.js';
import { type CsvRow, type FieldProblem, isCalendarDay, pick, toMinorUnits } from './row-values.js';

/** An Opportunity.csv row in Closepath's terms (account and owner still to be resolved). Probability is ignored. */
export interface ImportedOpportunity {
  externalId: string;
  accountExternalId: string;
  name: string;
  type: string;
  pipeline: string;
  stage: string;
  amountMinor: number;
  currency: string;
  closeDate: string;
  ownerEmail: string | null;
  source: string;
  nextStep: string | null;
  description: string | null;
  lossReason: string | null;
}

const ISO_4217 = /^[A-Z]{3}$/;

function typeOf(row: CsvRow, mapping: ImportMapping, problems: FieldProblem[]): string | null {
  const text = pick(row, 'Type');
  if (!text) {
    if (!mapping.defaultType)
      problems.push({ field: 'Type', message: 'is required (the mapping has no defaultType)' });
    return mapping.defaultType;
  }
  const type = mapping.types[text];
  if (!type) problems.push({ field: 'Type', message: `"${text}" is not in the mapping's types` });
  return type ?? null;
}

function amountOf(row: CsvRow, currency: string, max: number, problems: FieldProblem[]): number | null {
  const text = pick(row, 'Amount');
  if (!text) return 0;
  const minor = toMinorUnits(text, currency, max);
  if (typeof minor === 'string') {
    problems.push({ field: 'Amount', message: minor });
    return null;
  }
  return minor;
}

/** Maps a Salesforce Opportunity.csv row; every problem names its column. */
export function mapSalesforceOpportunity(
  row: CsvRow,
  mapping: ImportMapping,
  playbook: Playbook,
  limits: { maxAmountMinor: number; isCurrency: (code: string) => boolean },
): Result<ImportedOpportunity, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const externalId = pick(row, 'Id');
  if (!externalId) problems.push({ field: 'Id', message: 'is required (the Salesforce record id)' });
  const accountExternalId = pick(row, 'AccountId');
  if (!accountExternalId) problems.push({ field: 'AccountId', message: 'is required' });
  const name = pick(row, 'Name');
  if (!name) problems.push({ field: 'Name', message: 'is required' });
  else if (name.length > 200) problems.push({ field: 'Name', message: 'is longer than 200 characters' });
  const type = typeOf(row, mapping, problems);
  const pipeline = type ? pipelineForType(playbook, type) : undefined;
  if (type && !pipeline) problems.push({ field: 'Type', message: `${type} has no pipeline in the playbook` });
  const stageName = pick(row, 'StageName');
  const stage = pipeline && stageName ? mapping.stages[pipeline.key]?.[stageName] : undefined;
  if (!stageName) problems.push({ field: 'StageName', message: 'is required' });
  else if (pipeline && !stage) {
    problems.push({
      field: 'StageName',
      message: `"${stageName}" is not mapped for the ${pipeline.key} pipeline`,
    });
  }
  const currency = (pick(row, 'CurrencyIsoCode') ?? mapping.currencies.default).toUpperCase();
  const knownCurrency = ISO_4217.test(currency) && limits.isCurrency(currency);
  if (!knownCurrency)
    problems.push({ field: 'CurrencyIsoCode', message: `"${currency}" is not an ISO 4217 currency` });
  const amountMinor = knownCurrency ? amountOf(row, currency, limits.maxAmountMinor, problems) : null;
  const closeDate = pick(row, 'CloseDate');
  if (!closeDate) problems.push({ field: 'CloseDate', message: 'is required' });
  else if (!isCalendarDay(closeDate))
    problems.push({ field: 'CloseDate', message: 'must be a date, YYYY-MM-DD' });
  const ownerId = pick(row, 'OwnerId');
  const ownerColumn = pick(row, 'Owner.Email', 'OwnerEmail');
  const ownerEmail = ownerColumn ?? (ownerId ? (mapping.owners[ownerId] ?? null) : null);
  if (ownerId && !ownerEmail)
    problems.push({ field: 'OwnerId', message: `${ownerId} is not in the mapping's owners` });
  const leadSource = pick(row, 'LeadSource');
  const source = leadSource ? mapping.leadSources.values[leadSource] : mapping.leadSources.default;
  if (!source)
    problems.push({ field: 'LeadSource', message: `"${leadSource}" is not in the mapping's leadSources` });
  const lossReason = pick(row, 'Loss_Reason__c', 'LossReason');
  if (problems.length > 0 || !pipeline) return err(problems);
  return ok({
    externalId: externalId as string,
    accountExternalId: accountExternalId as string,
    name: name as string,
    type: type as string,
    pipeline: pipeline.key,
    stage: stage as string,
    amountMinor: amountMinor as number,
    currency,
    closeDate: closeDate as string,
    ownerEmail,
    source: source as string,
    nextStep: pick(row, 'NextStep')?.slice(0, 500) ?? null,
    description: pick(row, 'Description')?.slice(0, 5000) ?? null,
    lossReason:
      lossReason && playbook.lossReasons.some((reason) => reason.key === lossReason) ? lossReason : null,
  });
}
