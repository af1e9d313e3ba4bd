import type { FastifyInstance } from 'fastify';
import type { User } from '../../src/db/repositories/users-repo.js';
import type { Account, Contact } from '../../src/domain/account/account.js';
import type { Opportunity } from '../../src/domain/opportunity/opportunity.js';
import { type ApiClient, signIn } from './api-client.js';
import { buildAccount, buildContact, buildOpportunity, buildUser, testContext } from './factories.js';

/** The three relations the authorization proof checks: the caller's own record, a same-region one, another region's. */
export const PROOF_RELATIONS = ['own', 'region', 'other'] as const;
export type ProofRelation = (typeof PROOF_RELATIONS)[number];

export interface Owned {
  owner: User;
  account: Account;
  contact: Contact;
  deal: Opportunity;
}

/**
 * An organisation around an EMEA caller: their RVP, a same-region colleague under ANOTHER manager (so
 * "region", not "team"), and an Americas AE.
 */
export async function buildProofOrg(app: FastifyInstance) {
  const db = app.context.db;
  const rvpEmea = await buildUser(db, { role: 'rvp', region: 'emea', name: 'RVP EMEA' });
  const rvpEmeaSouth = await buildUser(db, { role: 'rvp', region: 'emea', name: 'RVP EMEA South' });
  const rvpUs = await buildUser(db, { role: 'rvp', region: 'americas', name: 'RVP Americas' });
  const regionColleague = await buildUser(db, { role: 'ae', region: 'emea', managerId: rvpEmeaSouth.id });
  const abroad = await buildUser(db, { role: 'ae', region: 'americas', managerId: rvpUs.id });
  return { rvpEmea, rvpUs, regionColleague, abroad };
}

/** A user of `role` in EMEA (reporting to the EMEA RVP unless they are one), signed in. */
export async function signInAs(app: FastifyInstance, role: User['role'], rvpEmea: User): Promise<ApiClient> {
  const managerId = role === 'rvp' || role === 'revops_admin' ? null : rvpEmea.id;
  const user = await buildUser(app.context.db, { role, region: 'emea', managerId, name: `Me (${role})` });
  return signIn(app, user);
}

/** A fresh account with a contact and an open deal, all owned by `owner`. */
export async function buildOwned(app: FastifyInstance, owner: User, label: string): Promise<Owned> {
  const { context } = testContext(app.context.db);
  const account = await buildAccount(app.context.db, { ownerId: owner.id, name: `Acct ${label}` });
  const contact = await buildContact(app.context.db, account.id);
  const deal = await buildOpportunity(context, { ownerId: owner.id, accountId: account.id });
  return { owner, account, contact, deal };
}
