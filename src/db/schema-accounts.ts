import type { Generated } from 'kysely';
import type { AccountSegment } from './schema.js';

/** Accounts and their contacts (migration 001; the closing columns: migration 014; county, owner_pinned: 016). */
export interface AccountsTable {
  id: string;
  name: string;
  domain: string | null;
  segment: AccountSegment;
  industry: string | null;
  country: string;
  subdivision: string | null;
  city: string | null;
  postal_code: string | null;
  owner_id: string | null;
  self_serve_usage: Generated<boolean>;
  aws_account_id: Generated<string | null>;
  /** The county metro rules may match (free text, compared case-insensitively). */
  county: Generated<string | null>;
  /** The account's Customer Success Manager (a user of role csm), who owns its renewal deals (migration 018). */
  csm_id: Generated<string | null>;
  /** Created with an explicit owner other than the routed AE: territory activations keep the owner. */
  owner_pinned: Generated<boolean>;
  /** The system an account was imported from and its id there (migration 019). */
  external_source: Generated<string | null>;
  external_id: Generated<string | null>;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

export interface ContactsTable {
  id: string;
  account_id: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  /** Closing roles (migration 014): at most one of each per account, never both on one contact. */
  docusign_signer: Generated<boolean>;
  aws_admin: Generated<boolean>;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}
