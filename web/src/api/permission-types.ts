import type { Schemas } from './schema-types';

/** What the caller may do with a record, as the API says (computed by the rules the server enforces). */
export type Permission = Schemas['Permission'];
export type OpportunityPermissions = Schemas['OpportunityPermissions'];
export type AccountPermissions = Schemas['AccountPermissions'];
export type RolePermissions = Schemas['SignedIn']['permissions'];
