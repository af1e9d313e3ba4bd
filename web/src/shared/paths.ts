/** A query string from the values that are set ("" when none is): `?pipeline=renewal&owner=…`. */
function query(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a board or the deals list opens with; each is kept in the address as the screen's filter. */
export interface DealFilters {
  /** A user id, or `all` for every deal the caller can see (where the default would be their own). */
  owner?: string | null | undefined;
  pipeline?: string | null | undefined;
  stage?: string | null | undefined;
  /** A forecast category key, e.g. `commit`. */
  forecast?: string | null | undefined;
}

/** Every screen's address, in one place: features link to each other through these, never by import. */
export const paths = {
  home: '/',
  board: (pipeline: string, filters: Pick<DealFilters, 'owner'> = {}) =>
    `/board/${encodeURIComponent(pipeline)}${query({ owner: filters.owner })}`,
  opportunity: (id: string, focus?: string) =>
    `/opportunities/${encodeURIComponent(id)}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`,
  /** The new deal form, for an account and/or a pipeline's types when given. */
  newDeal: ({
    pipeline,
    accountId,
  }: {
    pipeline?: string | undefined;
    accountId?: string | undefined;
  } = {}) => `/deals/new${query({ account: accountId, pipeline })}`,
  /** The deals list, filtered. */
  deals: (filters: DealFilters = {}) =>
    `/deals${query({ pipeline: filters.pipeline, stage: filters.stage, forecast: filters.forecast, owner: filters.owner })}`,
  accounts: '/accounts',
  /** The offer versions waiting for the caller's decision. */
  approvals: '/approvals',
  atRisk: '/at-risk',
  /** The forecast roll-up, submissions and adjustments. */
  forecast: '/forecast',
  /** What changed in the pipeline between two snapshots. */
  forecastChanges: '/forecast/changes',
  /** Revenue implications: bookings by category, GRR and NRR per period. */
  revenue: '/forecast/revenue',
  /** RevOps and VP Finance: the rates to the company currency and the owners' quotas. */
  forecastSettings: '/forecast/settings',
  /** A pipeline's funnel: conversion, days and calibrated win rates per stage. */
  funnel: '/funnel',
  /** RevOps: the playbook's versions and a preview of a change. */
  playbook: '/playbook',
  /** RevOps and RVPs: the territory model's versions, map, coverage; drafts and activation (RevOps). */
  territories: '/territories',
  /** RevOps: webhook subscriptions and the delivery log. */
  webhooks: '/webhooks',
  /** RevOps: the import wizard (a Salesforce export: upload, mapping, dry run, import). */
  imports: '/imports',
  account: (id: string) => `/accounts/${encodeURIComponent(id)}`,
} as const;

/** What a workspace link asks to bring into view: a criterion, a MEDDPICC element or a field. */
export const focusKey = (kind: string, key: string) => `${kind}:${key}`;
