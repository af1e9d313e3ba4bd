import type { ForecastCategory } from '../playbook/playbook.js';
import { type OwnerFacts, type Principal, relationTo, rightsOf } from './principal.js';

export interface Access {
  read: boolean;
  edit: boolean;
  qualify: boolean;
  reassign: boolean;
}

/** What a principal may do with one deal: read (else 404), edit/move, qualify, reassign (else 403). */
export function opportunityAccess(
  principal: Principal,
  record: OwnerFacts & { forecastCategory: ForecastCategory },
): Access {
  const rights = rightsOf(principal);
  const relation = relationTo(principal, record);
  const edit = rights.edit.includes(relation);
  const qualify = rights.qualify.includes(relation);
  const read =
    edit ||
    qualify ||
    rights.read.includes(relation) ||
    rights.readForecastCategories.includes(record.forecastCategory);
  return { read, edit, qualify, reassign: rights.reassign.includes(relation) };
}

/**
 * What a principal may do with an account. Finance reads every account. `qualify` here means keeping its
 * contacts: whoever may edit it, and the customer-facing roles (those that create deals) who may read it.
 */
export function accountAccess(principal: Principal, record: OwnerFacts): Access {
  const rights = rightsOf(principal);
  const relation = relationTo(principal, record);
  const edit = rights.edit.includes(relation);
  const read = edit || rights.read.includes(relation) || rights.readForecastCategories.length > 0;
  return {
    read,
    edit,
    qualify: edit || (read && rights.createDeals),
    reassign: rights.reassign.includes(relation),
  };
}

/** Whether a principal may record commit contracts on an account (Finance and RevOps admins, see ROLE_RIGHTS). */
export function mayRecordContracts(principal: Principal, record: OwnerFacts): boolean {
  return rightsOf(principal).recordContracts.includes(relationTo(principal, record));
}

/**
 * The same rules as a filter a query can apply: a row is visible when any listed condition holds.
 * `all` means no filter.
 */
export type Visibility =
  | { all: true }
  | {
      all: false;
      ownerOrCreator: string | null;
      ownerManagers: string[];
      ownerRegion: string | null;
      forecastCategories: ForecastCategory[];
    };

export function visibilityFor(principal: Principal, kind: 'opportunity' | 'account'): Visibility {
  const rights = rightsOf(principal);
  const reads = new Set([...rights.read, ...rights.edit, ...(kind === 'opportunity' ? rights.qualify : [])]);
  if (reads.has('other')) return { all: true };
  if (kind === 'account' && rights.readForecastCategories.length > 0) return { all: true };
  const ownerManagers = reads.has('team')
    ? [principal.id, ...(principal.managerId ? [principal.managerId] : [])]
    : [];
  return {
    all: false,
    ownerOrCreator: reads.has('own') ? principal.id : null,
    ownerManagers,
    ownerRegion: reads.has('region') ? principal.region : null,
    forecastCategories: kind === 'opportunity' ? [...rights.readForecastCategories] : [],
  };
}
