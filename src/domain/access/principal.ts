import { type Relation, ROLE_RIGHTS, type Role, type RoleRights } from './roles.js';

/** The person (or system) acting, as authorization sees them. */
export interface Principal {
  id: string;
  role: Role;
  region: string | null;
  managerId: string | null;
}

/** The owner of a record, as far as relations go. */
export interface OwnerFacts {
  ownerId: string | null;
  ownerRegion: string | null;
  ownerManagerId: string | null;
  createdBy?: string | null;
}

export function rightsOf(principal: Principal): RoleRights {
  return ROLE_RIGHTS[principal.role];
}

export function relationTo(principal: Principal, record: OwnerFacts): Relation {
  if (record.ownerId === principal.id || (record.createdBy && record.createdBy === principal.id))
    return 'own';
  const peers = principal.managerId !== null && record.ownerManagerId === principal.managerId;
  const reports = record.ownerManagerId === principal.id;
  if (peers || reports) return 'team';
  if (principal.region !== null && record.ownerRegion === principal.region) return 'region';
  return 'other';
}
