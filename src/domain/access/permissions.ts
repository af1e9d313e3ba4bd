import type { Pipeline } from '../playbook/playbook.js';
import { type OwnerFacts, type Principal, relationTo, rightsOf } from './principal.js';
import { type Access, accountAccess, mayRecordContracts, opportunityAccess } from './record-access.js';
import { type Relation, ROLE_RIGHTS, ROLES, type RoleRights } from './roles.js';

/** Whether the caller may do something with a record, and when not, who may: what a screen shows instead of a 403. */
export interface Permission {
  allowed: boolean;
  /** Who may, in words; null when the caller may. */
  who: string | null;
}

export interface OpportunityPermissions {
  /** Change the deal's fields, and snooze a stall. */
  edit: Permission;
  /** Move it between stages (forward, backward, Closed Lost). */
  moveStage: Permission;
  /** Force a blocked forward move, or a type that does not suit the customer, with a justification. */
  override: Permission;
  /** Reopen it once closed. */
  reopen: Permission;
  /** Hand it to another owner. */
  reassign: Permission;
  /** Record MEDDPICC, the POC plan, win milestones, and log activities. */
  qualify: Permission;
  /** Each attested criterion of the deal's pipeline, by key; derived ones are never ticked. */
  attest: Record<string, Permission>;
}

export interface AccountPermissions {
  edit: Permission;
  reassign: Permission;
  /** Add and edit contacts, log activities on the account. */
  keepContacts: Permission;
  recordContracts: Permission;
  /** Create a deal on this account. */
  createDeal: Permission;
}

const RELATION_WORDS: Record<Relation, string> = {
  own: 'their own',
  team: 'their team’s',
  region: 'their region’s',
  other: 'any',
};

/** "Account Executive (their own), Regional VP Sales (their region’s), RevOps admin (any)" for one right. */
export function whoMay(right: (rights: RoleRights) => readonly Relation[] | boolean): string {
  const holders = ROLES.flatMap((role) => {
    const rights: RoleRights = ROLE_RIGHTS[role];
    const granted = right(rights);
    if (granted === false || (Array.isArray(granted) && granted.length === 0)) return [];
    if (granted === true) return [rights.label];
    const widest = (granted as readonly Relation[]).at(-1) as Relation;
    return [`${rights.label} (${RELATION_WORDS[widest]})`];
  });
  return `Who may: ${holders.join(', ')}.`;
}

const permit = (allowed: boolean, who: () => string): Permission => ({
  allowed,
  who: allowed ? null : who(),
});

const WHO = {
  edit: () => whoMay((rights) => rights.edit),
  qualify: () => whoMay((rights) => rights.qualify),
  reassign: () => whoMay((rights) => rights.reassign),
  override: () => whoMay((rights) => rights.canOverride),
  reopen: () => whoMay((rights) => rights.canReopen),
  recordContracts: () => whoMay((rights) => rights.recordContracts),
  createDeal: () => whoMay((rights) => rights.createDeals),
  keepContacts: () => whoMay((rights) => (rights.createDeals ? rights.read : rights.edit)),
};

/** What the principal may do with a deal they can read, by the same rules the use cases enforce. */
export function opportunityPermissions(
  principal: Principal,
  record: OwnerFacts & { forecastCategory: Parameters<typeof opportunityAccess>[1]['forecastCategory'] },
  pipeline: Pipeline,
  open: boolean,
): OpportunityPermissions {
  const access: Access = opportunityAccess(principal, record);
  const rights = rightsOf(principal);
  const qualify = permit(access.qualify, WHO.qualify);
  const attested = pipeline.stages.flatMap((stage) =>
    [...stage.entrance, ...stage.exit].filter((criterion) => criterion.source.kind === 'attested'),
  );
  return {
    edit: permit(access.edit, WHO.edit),
    moveStage: permit(access.edit && open, open ? WHO.edit : () => 'Closed: only a reopen moves it.'),
    override: permit(access.edit && rights.canOverride, WHO.override),
    reopen: permit(access.edit && rights.canReopen && !open, open ? () => 'The deal is open.' : WHO.reopen),
    reassign: permit(access.reassign, WHO.reassign),
    qualify,
    attest: Object.fromEntries(attested.map((criterion) => [criterion.key, qualify])),
  };
}

/** What the principal may do with an account they can read. */
export function accountPermissions(principal: Principal, record: OwnerFacts): AccountPermissions {
  const access = accountAccess(principal, record);
  const rights = rightsOf(principal);
  return {
    edit: permit(access.edit, WHO.edit),
    reassign: permit(access.reassign, WHO.reassign),
    keepContacts: permit(access.qualify, WHO.keepContacts),
    recordContracts: permit(mayRecordContracts(principal, record), WHO.recordContracts),
    createDeal: permit(rights.createDeals && access.read, WHO.createDeal),
  };
}

/** The relation of a user to the principal: whom they may make the owner of what they create. */
export function mayAssignNewTo(principal: Principal, user: OwnerFacts): boolean {
  return rightsOf(principal).assignNewTo.includes(relationTo(principal, user));
}

/** What the principal's role may do anywhere (what navigation and "New …" buttons depend on). */
export interface RolePermissions {
  createDeals: Permission;
  createAccounts: Permission;
  administer: Permission;
  /** The playbook's versions and previews of a change. */
  managePlaybook: Permission;
  /** Outbound webhooks: subscriptions, the delivery log, replays. */
  manageWebhooks: Permission;
  /** Territory models: import, edit, preview and activate versions. */
  manageTerritories: Permission;
  /** The forecast's rates to the company currency and the owners' quotas. */
  manageForecastSettings: Permission;
  /** Submit one's own forecast call per period. */
  submitForecast: Permission;
  /** Adjust the forecast calls of owners in one's region. */
  adjustForecast: Permission;
  /** A snapshot of the open pipeline on demand (for "what changed"). */
  takeDealSnapshots: Permission;
  /** Data in: imports of other systems' exports and their runs. */
  importData: Permission;
}

export function rolePermissions(principal: Principal): RolePermissions {
  const rights = rightsOf(principal);
  return {
    createDeals: permit(rights.createDeals, WHO.createDeal),
    createAccounts: permit(rights.createDeals, WHO.createDeal),
    administer: permit(rights.administer, () => whoMay((role) => role.administer)),
    managePlaybook: permit(rights.managePlaybook, () => whoMay((role) => role.managePlaybook)),
    manageWebhooks: permit(rights.manageWebhooks, () => whoMay((role) => role.manageWebhooks)),
    manageTerritories: permit(rights.manageTerritories, () => whoMay((role) => role.manageTerritories)),
    manageForecastSettings: permit(rights.manageForecastSettings, () =>
      whoMay((role) => role.manageForecastSettings),
    ),
    submitForecast: permit(rights.submitForecast, () => whoMay((role) => role.submitForecast)),
    adjustForecast: permit(rights.adjustForecast.length > 0, () =>
      whoMay((role) => role.adjustForecast.length > 0),
    ),
    takeDealSnapshots: permit(rights.takeDealSnapshots, () => whoMay((role) => role.takeDealSnapshots)),
    importData: permit(rights.importData, () => whoMay((role) => role.importData)),
  };
}
