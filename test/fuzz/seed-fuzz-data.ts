import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../src/app/access/actors.js';
import { draftOffer } from '../../src/app/closing/draft-offer.js';
import { changeStage } from '../../src/app/opportunities/change-stage.js';
import type { User } from '../../src/db/repositories/users-repo.js';
import { forwardPath } from '../../src/domain/playbook/lookup.js';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { type ApiClient, signIn, TEST_PASSWORD } from '../support/api-client.js';
import {
  buildAccount,
  buildContact,
  buildContract,
  buildOpportunity,
  buildUser,
  logCall,
} from '../support/factories.js';
import { OFFER_TERMS } from '../support/offer-fixtures.js';
import { buildQuote } from '../support/quote-fixtures.js';
import { satisfyNextStage } from '../support/walk-deal.js';
import { FuzzCallers } from './fuzz-callers.js';
import { collectionOf, KnownValuePools, poolNameOf } from './known-values.js';
import type { Operation } from './operations.js';

/**
 * A small org with a record of every kind (users, accounts with contacts and a contract, deals, an
 * activity, a POC plan, an offer), the callers signed in, and the pools of real values harvested by calling every
 * GET operation of the document that the pools can fill.
 */
export async function seedFuzzData(app: FastifyInstance, operations: Operation[]) {
  const db = app.context.db;
  // Ids in order of creation, so lists that break ties by id list records alike in every run.
  app.context.newId = countingIds();
  const context = app.context;
  const user = (overrides: Partial<User>) => buildUser(db, { id: context.newId('user'), ...overrides });
  const admin = await user({ role: 'revops_admin', region: null, name: 'Fuzz Admin' });
  const rvp = await user({ role: 'rvp', region: 'emea', name: 'Rita RVP' });
  const ae = await user({ role: 'ae', region: 'emea', managerId: rvp.id, name: 'Ana AE' });
  const se = await user({ role: 'se', region: 'emea', managerId: rvp.id, name: 'Sam SE' });
  await user({ role: 'revops_admin', region: null, name: 'Second Admin' });
  const customer = await buildAccount(db, { id: context.newId('acc'), ownerId: ae.id, name: 'Globex' });
  await buildContract(db, customer.id, { id: context.newId('ctr') });
  const prospect = await buildAccount(db, {
    id: context.newId('acc'),
    ownerId: ae.id,
    name: 'Initech',
    country: 'DE',
    subdivision: 'DE-BE',
  });
  for (const account of [customer, prospect])
    await buildContact(db, account.id, { id: context.newId('con') });
  const deals = [
    await buildOpportunity(context, { ownerId: ae.id, accountId: prospect.id }),
    await buildOpportunity(context, { ownerId: ae.id, accountId: prospect.id, name: 'Initech — second' }),
    await buildOpportunity(context, { ownerId: se.id, accountId: prospect.id, name: 'Initech — SE' }),
    await buildOpportunity(context, { ownerId: ae.id, accountId: customer.id, type: 'upsell' }),
  ];
  for (const deal of deals) await logCall(context, actorFor(admin), deal.id);

  const callers = new FuzzCallers(app, { admin, ae });
  await callers.signInAll();
  const adminHeaders = callers.headersOf('admin-cookie', 0);
  const contact = await buildContact(db, prospect.id, { id: context.newId('con'), name: 'Carla Champion' });
  for (const deal of deals.slice(0, 2))
    await walkToPoc(await signIn(app, admin), app.context.playbook, deal.id, contact.id);
  // A deal with a quote (made by a VP Finance), so the quote operations meet a real offer, list and PDF.
  const quoted = await buildOpportunity(context, {
    ownerId: ae.id,
    accountId: prospect.id,
    name: 'Initech — quoted',
  });
  const quoteId = await buildQuote(app, { owner: ae, account: prospect, contact, deal: quoted });

  const offerId = await draftOfferAtPropose(app, admin, ae, prospect.id);

  const pools = new KnownValuePools();
  pools.add('offers', offerId);
  pools.add('email', ae.email);
  pools.add('password', TEST_PASSWORD);
  pools.add('quotes', quoteId);
  for (let round = 0; round < 2; round++) {
    for (const operation of operations.filter((candidate) => candidate.method === 'GET')) {
      const url = fillPath(operation.pathTemplate, pools);
      if (!url) continue;
      const answer = await app.inject({ method: 'GET', url: `${url}?limit=1`, headers: adminHeaders });
      // Only JSON answers hold values to harvest (a quote's PDF does not).
      if (answer.statusCode !== 200 || !/json/.test(String(answer.headers['content-type']))) continue;
      const body: unknown = answer.json();
      pools.harvest(body, collectionOf(operation.pathTemplate));
      const next = (body as { nextCursor?: unknown }).nextCursor;
      if (typeof next === 'string') pools.add('cursor', next);
    }
  }
  const tokens = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: adminHeaders });
  pools.protect(admin.id, ae.id, ...tokens.json().items.map((token: { id: string }) => token.id));
  return { callers, pools };
}

/** A deal moved to the offer stage (an admin override) with a draft offer by its AE: the offer operations' target. */
async function draftOfferAtPropose(app: FastifyInstance, admin: User, ae: User, accountId: string) {
  const { context } = app;
  const deal = await buildOpportunity(context, { ownerId: ae.id, accountId, name: 'Initech — offer' });
  const moved = await changeStage(context, actorFor(admin), deal.id, {
    to: 'propose',
    override: { justification: 'Fuzz set-up' },
  });
  if (!moved.ok) throw new Error(`fuzz set-up: ${moved.error.message}`);
  const drafted = await draftOffer(context, actorFor(ae), deal.id, OFFER_TERMS);
  if (!drafted.ok) throw new Error(`fuzz set-up: ${drafted.error.message}`);
  return drafted.value.id;
}

/** `opp_00000000000000000001`, `acc_00000000000000000002`, …: the shape of real ids, in order of creation. */
function countingIds(): (prefix: string) => string {
  let count = 0;
  return (prefix) => `${prefix}_${(++count).toString(16).padStart(20, '0')}`;
}

/** Moves the deal through its gates to the stage its playbook's POC method starts at, and creates its plan. */
async function walkToPoc(client: ApiClient, playbook: Playbook, dealId: string, contactId: string) {
  const start = playbook.inspection.poc?.availableFromStage;
  const deal = await client.call('GET', `/api/v1/opportunities/${dealId}`);
  const pipeline = playbook.pipelines.find((candidate) => candidate.key === deal.body.opportunity.pipeline);
  const path = pipeline ? forwardPath(pipeline).map((stage) => stage.key) : [];
  for (const stage of path.slice(1, path.indexOf(start ?? '') + 1)) {
    await satisfyNextStage(client, playbook, dealId, contactId);
    const moved = await client.call('POST', `/api/v1/opportunities/${dealId}/stage`, { to: stage });
    if (moved.status !== 200)
      throw new Error(`no move to ${stage}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  const created = await client.call('POST', `/api/v1/opportunities/${dealId}/poc`);
  if (created.status !== 201)
    throw new Error(`no POC plan: ${created.status} ${JSON.stringify(created.body)}`);
}

function fillPath(pathTemplate: string, pools: KnownValuePools): string | null {
  let missing = false;
  const url = pathTemplate.replace(/\{(\w+)\}/g, (_whole, parameter: string) => {
    const value = pools.lookup()(poolNameOf(pathTemplate, parameter))[0];
    if (typeof value !== 'string') missing = true;
    return encodeURIComponent(String(value));
  });
  return missing ? null : url;
}
