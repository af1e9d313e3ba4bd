import type { ForecastCategory } from '../playbook/playbook.js';

export const ROLES = ['ae', 'sdr', 'se', 'csm', 'rvp', 'vp_finance', 'revops_admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How a record stands to the person looking at it, judged by the record's owner:
 * own (they own or created it), team (owner shares their manager, or reports to them),
 * region (owner works in their region), other.
 */
export const RELATIONS = ['own', 'team', 'region', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface RoleRights {
  label: string;
  /** Relations whose deals and accounts the role may read. */
  read: readonly Relation[];
  /** Deals readable by forecast category whatever the relation (Finance sees what it must approve). */
  readForecastCategories: readonly ForecastCategory[];
  /** Relations whose deals the role may edit and move between stages. */
  edit: readonly Relation[];
  /** Relations whose deals' qualification (MEDDPICC, criteria) the role may record. */
  qualify: readonly Relation[];
  /** Relations whose deals and accounts the role may hand to another owner. */
  reassign: readonly Relation[];
  /** Who the role may make the owner of a deal or account it creates, by their relation to the creator. */
  assignNewTo: readonly Relation[];
  /**
   * Relations of the accounts on which the role may record commit contracts. Booked contracts are Finance's
   * record (and RevOps's): they decide a customer's class and whether a renewal counts as an Expansion, so
   * the people whose deals they judge (reps, CSMs, their RVPs) read them but do not write them.
   */
  recordContracts: readonly Relation[];
  createDeals: boolean;
  canOverride: boolean;
  canReopen: boolean;
  administer: boolean;
  /** Read the playbook's version history and preview a new version against the live data. */
  managePlaybook: boolean;
  /**
   * Issue the formal quote from the option a customer chose (the spec's step 3: "Finance issues quote"). Only
   * Finance: a quote is a commitment of the company, so the deal's side (reps, RVPs) and RevOps do not issue it.
   */
  issueQuotes: boolean;
  /** Outbound webhooks: subscriptions (URLs, event types, secrets), the delivery log, replays. */
  manageWebhooks: boolean;
  /** Territory models: import, edit and activate versions (which reassigns accounts and deals). */
  manageTerritories: boolean;
  /** The forecast's settings: the rates to the company currency and the owners' quotas. */
  manageForecastSettings: boolean;
  /** Submit one's own forecast call (commit and best case) per period. */
  submitForecast: boolean;
  /** Relations of the owners whose forecast calls the role may adjust (with a note). */
  adjustForecast: readonly Relation[];
  /** Take a snapshot of every open deal on demand (the weekly one is the server's job). */
  takeDealSnapshots: boolean;
  /** Data in: import other systems' exports (accounts and deals, e.g. Salesforce CSV) and follow the runs. */
  importData: boolean;
}

const ALL = RELATIONS;
const NONE: readonly Relation[] = [];
const MINE: readonly Relation[] = ['own'];
const MY_TEAM: readonly Relation[] = ['own', 'team'];
const MY_REGION: readonly Relation[] = ['own', 'team', 'region'];
const base = {
  readForecastCategories: [],
  reassign: NONE,
  recordContracts: NONE,
  canOverride: false,
  canReopen: false,
  administer: false,
  managePlaybook: false,
  issueQuotes: false,
  manageWebhooks: false,
  manageTerritories: false,
  manageForecastSettings: false,
  submitForecast: false,
  adjustForecast: NONE,
  takeDealSnapshots: false,
  importData: false,
};

/** What each role may do, as data. The one table authorization reads. */
export const ROLE_RIGHTS = {
  ae: {
    ...base,
    label: 'Account Executive',
    read: MY_TEAM,
    edit: MINE,
    qualify: MINE,
    assignNewTo: MINE,
    createDeals: true,
    submitForecast: true,
  },
  sdr: {
    ...base,
    label: 'SDR',
    read: MY_REGION,
    edit: MINE,
    qualify: MINE,
    assignNewTo: MY_REGION,
    createDeals: true,
  },
  se: {
    ...base,
    label: 'Sales Engineer',
    read: MY_REGION,
    edit: NONE,
    qualify: MY_REGION,
    assignNewTo: NONE,
    createDeals: false,
  },
  csm: {
    ...base,
    label: 'Customer Success Manager',
    read: MY_REGION,
    edit: MINE,
    qualify: MINE,
    assignNewTo: MINE,
    createDeals: true,
  },
  rvp: {
    ...base,
    label: 'Regional VP Sales',
    read: MY_REGION,
    edit: MY_REGION,
    qualify: MY_REGION,
    reassign: MY_REGION,
    assignNewTo: MY_REGION,
    createDeals: true,
    canOverride: true,
    adjustForecast: ['team', 'region'],
  },
  vp_finance: {
    ...base,
    label: 'VP Finance',
    read: NONE,
    readForecastCategories: ['best_case', 'commit', 'closed'],
    edit: NONE,
    qualify: NONE,
    assignNewTo: NONE,
    recordContracts: ALL,
    createDeals: false,
    issueQuotes: true,
    manageForecastSettings: true,
  },
  revops_admin: {
    label: 'RevOps admin',
    read: ALL,
    readForecastCategories: [],
    edit: ALL,
    qualify: ALL,
    reassign: ALL,
    assignNewTo: ALL,
    recordContracts: ALL,
    createDeals: true,
    canOverride: true,
    canReopen: true,
    administer: true,
    managePlaybook: true,
    issueQuotes: false,
    manageWebhooks: true,
    manageTerritories: true,
    manageForecastSettings: true,
    submitForecast: false,
    adjustForecast: NONE,
    takeDealSnapshots: true,
    importData: true,
  },
  viewer: {
    ...base,
    label: 'Read-only viewer',
    read: ALL,
    edit: NONE,
    qualify: NONE,
    assignNewTo: NONE,
    createDeals: false,
  },
} as const satisfies Record<Role, RoleRights>;
