/** What the caller may do with a record, as the API says (computed by the rules the server enforces). */
export interface Permission {
  allowed: boolean;
  /** When not allowed: who may, in words — show it instead of the control. */
  who: string | null;
}

export interface OpportunityPermissions {
  edit: Permission;
  moveStage: Permission;
  override: Permission;
  reopen: Permission;
  reassign: Permission;
  qualify: Permission;
  /** Each attested criterion of the pipeline, by key. */
  attest: Record<string, Permission>;
}

export interface AccountPermissions {
  edit: Permission;
  reassign: Permission;
  keepContacts: Permission;
  recordContracts: Permission;
  createDeal: Permission;
}

export interface RolePermissions {
  createDeals: Permission;
  createAccounts: Permission;
  administer: Permission;
  managePlaybook: Permission;
}
