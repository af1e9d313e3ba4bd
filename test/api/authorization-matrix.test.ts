import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK_FILE } from '../../src/app/playbook/load-playbook.js';
import { fanOutOutbox } from '../../src/app/webhooks/fan-out-outbox.js';
import { insertImportRun } from '../../src/db/repositories/import-runs-repo.js';
import type { Role } from '../../src/domain/access/roles.js';
import { ROLES } from '../../src/domain/access/roles.js';
import type { TerritoryModel } from '../../src/domain/territory/territory-model.js';
import { type ApiClient, type CallResult, signIn, toCallResult } from '../support/api-client.js';
import {
  buildOwned,
  buildProofOrg,
  type Owned,
  PROOF_RELATIONS,
  type ProofRelation,
  signInAs,
} from '../support/authorization-org.js';
import { buildContract, T0 } from '../support/factories.js';
import { memoryClosingPorts } from '../support/memory-closing-ports.js';
import { OFFER_TERMS } from '../support/offer-fixtures.js';
import {
  buildAwsReadyOffer,
  buildChosenOffer,
  buildCreatedAwsOffer,
  buildQuote,
  buildQuoteToSign,
} from '../support/quote-fixtures.js';
import { coveredTerritoryModel, overlappingTerritoryModel } from '../support/territory-fixtures.js';
import { openTestApi, type TestApi } from '../support/test-api.js';

/**
 * Every API operation × every role × relation (own / same region / other region), with the expected answer.
 * 'sees' / 'hides': a list answers 200 and includes / leaves out the record. A single value holds for all three
 * relations. The suite fails when the API has an operation without a row here.
 */
type Expect = number | 'sees' | 'hides';
type Row = Record<Role, Expect | readonly [own: Expect, region: Expect, other: Expect]>;

const allRoles = (expect: Expect): Row =>
  Object.fromEntries(ROLES.map((role) => [role, expect])) as Record<Role, Expect>;
const adminOnly = (ok: number): Row => ({ ...allRoles(403), revops_admin: ok });
/** Territory models: RevOps keeps them; RVPs read them (whose accounts go where). */
const TERRITORY_READERS = (ok: number): Row => ({ ...adminOnly(ok), rvp: ok });

/** Reading a deal: who sees own / same-region / other-region deals (Finance sees none in Pipeline). */
const READ_DEAL = (ok: Expect, hidden: Expect): Row => ({
  ae: [ok, hidden, hidden],
  sdr: [ok, ok, hidden],
  se: [ok, ok, hidden],
  csm: [ok, ok, hidden],
  rvp: [ok, ok, hidden],
  vp_finance: hidden,
  revops_admin: ok,
  viewer: ok,
});
/** Editing or moving a deal. */
const EDIT_DEAL = (ok: number): Row => ({
  ae: [ok, 404, 404],
  sdr: [ok, 403, 404],
  se: [403, 403, 404],
  csm: [ok, 403, 404],
  rvp: [ok, ok, 404],
  vp_finance: 404,
  revops_admin: ok,
  viewer: 403,
});
/** Recording MEDDPICC and criteria. */
const QUALIFY_DEAL = (ok: number): Row => ({ ...EDIT_DEAL(ok), se: [ok, ok, 404] });
/** Creating a deal or an account owned by the relation's owner. */
const CREATE_FOR = (ok: number): Row => ({
  ae: [ok, 400, 400],
  sdr: [ok, ok, 400],
  se: 403,
  csm: [ok, 400, 400],
  rvp: [ok, ok, 400],
  vp_finance: 403,
  revops_admin: ok,
  viewer: 403,
});
const READ_ACCOUNT = (ok: Expect, hidden: Expect): Row => ({
  ae: [ok, hidden, hidden],
  sdr: [ok, ok, hidden],
  se: [ok, ok, hidden],
  csm: [ok, ok, hidden],
  rvp: [ok, ok, hidden],
  vp_finance: ok,
  revops_admin: ok,
  viewer: ok,
});
const EDIT_ACCOUNT: Row = {
  ae: [200, 404, 404],
  sdr: [200, 403, 404],
  se: [403, 403, 404],
  csm: [200, 403, 404],
  rvp: [200, 200, 404],
  vp_finance: 403,
  revops_admin: 200,
  viewer: 403,
};
/** Keeping contacts: editors, and deal-creating roles that can read the account. */
const KEEP_CONTACTS = (ok: number): Row => ({
  ae: [ok, 404, 404],
  sdr: [ok, ok, 404],
  se: [403, 403, 404],
  csm: [ok, ok, 404],
  rvp: [ok, ok, 404],
  vp_finance: 403,
  revops_admin: ok,
  viewer: 403,
});

/** Recording a contract: Finance and RevOps, on any account they read; the deal owners' side reads only. */
const RECORD_CONTRACT: Row = {
  ae: [403, 404, 404],
  sdr: [403, 403, 404],
  se: [403, 403, 404],
  csm: [403, 403, 404],
  rvp: [403, 403, 404],
  vp_finance: 201,
  revops_admin: 201,
  viewer: 403,
};

/** Correcting or ending a contract: as recording one (the contract's account judged), answering 200. */
const CHANGE_CONTRACT: Row = { ...RECORD_CONTRACT, vp_finance: 200, revops_admin: 200 };

/** The deal's side of an offer on a deal at Propose (Finance reads it there, by its forecast category). */
const OFFER_DEAL_SIDE = (ok: number): Row => ({ ...EDIT_DEAL(ok), vp_finance: 403 });

/**
 * Deciding the first step (the RVP of the deal's region) of an offer an admin wrote: the deal's owner is refused
 * (self_approval, 403), whoever else sees it and is outside the chain too (not_an_approver, 403), VP Finance is
 * out of order (409), another region's RVP does not see it (404).
 */
const DECIDE_FIRST_STEP: Row = {
  ae: [403, 404, 404],
  sdr: [403, 403, 404],
  se: [403, 403, 404],
  csm: [403, 403, 404],
  rvp: [403, 200, 404],
  vp_finance: [403, 409, 409],
  revops_admin: 403,
  viewer: 403,
};

/**
 * Quotes on a deal at Propose: Finance reads it there (Best Case) and alone issues them; whoever reads the
 * deal otherwise is refused (403), anyone else does not see it (404).
 */
const ISSUE_QUOTE: Row = {
  ae: [403, 404, 404],
  sdr: [403, 403, 404],
  se: [403, 403, 404],
  csm: [403, 403, 404],
  rvp: [403, 403, 404],
  vp_finance: 201,
  revops_admin: 403,
  viewer: 403,
};
const READ_QUOTES: Row = { ...READ_DEAL(200, 404), vp_finance: 200 };

/** The forecast's rates and quotas: RevOps and VP Finance. */
const FORECAST_SETTINGS = (ok: number): Row => ({ ...adminOnly(ok), vp_finance: ok });
/** Adjusting an owner's call: their region's RVP; whoever else sees the owner is refused, the rest do not. */
const ADJUST_FORECAST: Row = {
  ae: [403, 404, 404],
  sdr: [403, 403, 404],
  se: [403, 403, 404],
  csm: [403, 403, 404],
  rvp: [403, 201, 404],
  vp_finance: 403,
  revops_admin: 403,
  viewer: 403,
};
const FORECAST_CALL = {
  periodKind: 'quarter',
  periodStart: '2026-02-01',
  commitMinor: 100,
  bestCaseMinor: 200,
};

interface Target extends Owned {
  me: ApiClient;
  label: string;
}

interface Operation {
  expected: Row;
  run: (target: Target) => Promise<CallResult>;
  /** For lists: whether the answer includes the target. */
  includes?: (result: CallResult, target: Target) => boolean;
  /**
   * The run is one GET and no set-up: it writes nothing, so the target it reads is as fresh as a new one would
   * be. The cells of one role and relation of such operations share one target (built at the first of them)
   * instead of building a record set each; every operation that writes, or sets anything up, gets its own.
   */
  readOnly?: true;
}

const dealInput = (t: Target) => ({
  accountId: t.account.id,
  name: `Deal ${t.label}`,
  type: 'new_business',
  amountMinor: 1000,
  currency: 'EUR',
  closeDate: '2027-06-30',
  ownerId: t.owner.id,
  source: 'ae',
});
const hasItem = (id: (t: Target) => string) => (result: CallResult, t: Target) =>
  (result.body.items as Array<{ id: string }>).some((item) => item.id === id(t));

/** A CSV export's answer, its rows' Id column read as the items of a list. */
/** A CSV export as a list: each row's `column` as an item's id, for `includes`. */
const csvItems = async (t: Target, url: string, column = 'Id'): Promise<CallResult> => {
  const answer = await t.me.inject({ method: 'GET', url });
  const ok = answer.statusCode === 200;
  const rows: Array<Record<string, string>> = ok ? parse(answer.body, { columns: true }) : [];
  return {
    status: answer.statusCode,
    headers: answer.headers,
    body: { items: rows.map((row) => ({ id: row[column] })) },
  };
};

const OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/opportunities': {
    readOnly: true,
    expected: READ_DEAL('sees', 'hides'),
    run: (t) => t.me.call('GET', `/api/v1/opportunities?accountId=${t.account.id}`),
    includes: hasItem((t) => t.deal.id),
  },
  'GET /api/v1/exports/opportunities.csv': {
    readOnly: true,
    expected: READ_DEAL('sees', 'hides'),
    run: (t) => csvItems(t, `/api/v1/exports/opportunities.csv?accountId=${t.account.id}`),
    includes: hasItem((t) => t.deal.id),
  },
  'GET /api/v1/exports/accounts.csv': {
    readOnly: true,
    expected: READ_ACCOUNT('sees', 'hides'),
    run: (t) => csvItems(t, `/api/v1/exports/accounts.csv?search=${encodeURIComponent(t.account.name)}`),
    includes: hasItem((t) => t.account.id),
  },
  'GET /api/v1/exports/history.csv': {
    readOnly: true,
    expected: READ_DEAL('sees', 'hides'),
    run: (t) => csvItems(t, `/api/v1/exports/history.csv?opportunityId=${t.deal.id}`, 'OpportunityId'),
    includes: hasItem((t) => t.deal.id),
  },
  'GET /api/v1/exports/forecast.csv': {
    expected: READ_DEAL('sees', 'hides'),
    run: async (t) => {
      await rateEveryCurrency();
      const month = await monthOfItsOwn(t.deal.id);
      return csvItems(
        t,
        `/api/v1/exports/forecast.csv?period=month&from=${month}-01&to=${month}-28`,
        'OwnerId',
      );
    },
    includes: hasItem((t) => t.owner.id),
  },
  'POST /api/v1/opportunities': {
    expected: CREATE_FOR(201),
    run: (t) => t.me.call('POST', '/api/v1/opportunities', dealInput(t)),
  },
  'GET /api/v1/opportunities/{id}': {
    readOnly: true,
    expected: READ_DEAL(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/opportunities/${t.deal.id}`),
  },
  'PATCH /api/v1/opportunities/{id}': {
    expected: EDIT_DEAL(200),
    run: (t) => t.me.call('PATCH', `/api/v1/opportunities/${t.deal.id}`, { nextStep: 'Call back' }),
  },
  'POST /api/v1/opportunities/{id}/stage': {
    expected: EDIT_DEAL(200),
    run: (t) =>
      t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/stage`, {
        to: 'closed_lost',
        lossReason: 'budget',
      }),
  },
  'PUT /api/v1/opportunities/{id}/meddpicc/{element}': {
    expected: QUALIFY_DEAL(200),
    run: (t) =>
      t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/meddpicc/metrics`, {
        level: 'identified',
        summary: 'x',
      }),
  },
  'PUT /api/v1/opportunities/{id}/criteria/{criterion}': {
    expected: QUALIFY_DEAL(200),
    run: (t) => t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/criteria/nb_icp_fit`, { note: 'fit' }),
  },
  'DELETE /api/v1/opportunities/{id}/criteria/{criterion}': {
    expected: QUALIFY_DEAL(204),
    run: (t) => t.me.call('DELETE', `/api/v1/opportunities/${t.deal.id}/criteria/nb_icp_fit`),
  },
  'POST /api/v1/opportunities/{id}/poc': {
    expected: QUALIFY_DEAL(201),
    run: async (t) => {
      await advanceAsAdmin(t, 'discover');
      return t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/poc`);
    },
  },
  'GET /api/v1/opportunities/{id}/poc': {
    expected: READ_DEAL(200, 404),
    run: async (t) => {
      await pocAsAdmin(t);
      return t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/poc`);
    },
  },
  'POST /api/v1/opportunities/{id}/poc/sessions': {
    expected: QUALIFY_DEAL(201),
    run: async (t) => {
      await pocAsAdmin(t);
      return t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/poc/sessions`, {
        templateKey: 'hands_on',
      });
    },
  },
  'PATCH /api/v1/opportunities/{id}/poc/sessions/{sessionId}': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      const plan = await pocAsAdmin(t);
      return t.me.call('PATCH', `/api/v1/opportunities/${t.deal.id}/poc/sessions/${plan.sessions[0].id}`, {
        status: 'completed',
      });
    },
  },
  'PATCH /api/v1/opportunities/{id}/poc/criteria/{criterionId}': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      const plan = await pocAsAdmin(t);
      return t.me.call('PATCH', `/api/v1/opportunities/${t.deal.id}/poc/criteria/${plan.criteria[0].id}`, {
        target: 'p95 < 1 s',
      });
    },
  },
  'POST /api/v1/opportunities/{id}/poc/benchmarks': {
    expected: QUALIFY_DEAL(201),
    run: async (t) => {
      await pocAsAdmin(t);
      return t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/poc/benchmarks`, BENCHMARK);
    },
  },
  'PUT /api/v1/opportunities/{id}/poc/benchmarks/{benchmarkId}': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await pocAsAdmin(t);
      const added = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/poc/benchmarks`, BENCHMARK);
      const id = added.body.plan.benchmarks[0].id;
      return t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/poc/benchmarks/${id}`, BENCHMARK);
    },
  },
  'DELETE /api/v1/opportunities/{id}/poc/benchmarks/{benchmarkId}': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await pocAsAdmin(t);
      const added = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/poc/benchmarks`, BENCHMARK);
      const id = added.body.plan.benchmarks[0].id;
      return t.me.call('DELETE', `/api/v1/opportunities/${t.deal.id}/poc/benchmarks/${id}`);
    },
  },
  'PUT /api/v1/opportunities/{id}/poc/tco': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await pocAsAdmin(t);
      return t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/poc/tco`, {
        baselineAnnualMinor: 100,
        ourAnnualMinor: 50,
        currency: 'USD',
      });
    },
  },
  'PUT /api/v1/opportunities/{id}/poc/sign-off': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await pocAsAdmin(t);
      return t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/poc/sign-off`, {
        contactId: t.contact.id,
        evidenceUrl: 'https://docs.example.com/plan',
      });
    },
  },
  'DELETE /api/v1/opportunities/{id}/poc/sign-off': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await pocAsAdmin(t);
      await admin.call('PUT', `/api/v1/opportunities/${t.deal.id}/poc/sign-off`, {
        contactId: t.contact.id,
        evidenceUrl: 'https://docs.example.com/plan',
      });
      return t.me.call('DELETE', `/api/v1/opportunities/${t.deal.id}/poc/sign-off`);
    },
  },
  'PUT /api/v1/opportunities/{id}/poc/readout': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      const plan = await pocAsAdmin(t);
      const validation = plan.sessions.find((s: { templateKey: string }) => s.templateKey === 'validation');
      await admin.call('PATCH', `/api/v1/opportunities/${t.deal.id}/poc/sessions/${validation.id}`, {
        status: 'completed',
      });
      return t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/poc/readout`, {});
    },
  },
  'PUT /api/v1/opportunities/{id}/milestones/{milestone}': {
    expected: QUALIFY_DEAL(200),
    run: async (t) => {
      await advanceAsAdmin(t, 'poc');
      return t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/milestones/tech_win`, {
        evidenceUrl: 'https://docs.example.com/tech-win',
      });
    },
  },
  'DELETE /api/v1/opportunities/{id}/milestones/{milestone}': {
    expected: QUALIFY_DEAL(204),
    run: async (t) => {
      await advanceAsAdmin(t, 'poc');
      await admin.call('PUT', `/api/v1/opportunities/${t.deal.id}/milestones/tech_win`, {});
      return t.me.call('DELETE', `/api/v1/opportunities/${t.deal.id}/milestones/tech_win`);
    },
  },
  'GET /api/v1/opportunities/{id}/history': {
    readOnly: true,
    expected: READ_DEAL(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/history`),
  },
  'GET /api/v1/opportunities/{id}/activities': {
    readOnly: true,
    expected: READ_DEAL(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/activities`),
  },
  'POST /api/v1/opportunities/{id}/activities': {
    expected: QUALIFY_DEAL(201),
    run: (t) =>
      t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/activities`, {
        kind: 'call',
        summary: 'Discovery',
      }),
  },
  'PATCH /api/v1/activities/{id}': {
    // Logged by someone else (an admin): whoever sees the deal is refused, only admins may change it.
    expected: { ...READ_DEAL(403, 404), revops_admin: 200 },
    run: async (t) => {
      const logged = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/activities`, {
        kind: 'note',
        summary: 'Prep',
      });
      return t.me.call('PATCH', `/api/v1/activities/${logged.body.id}`, { summary: 'Changed' });
    },
  },
  'DELETE /api/v1/activities/{id}': {
    // An account's activity: whoever reads the account (Finance reads them all) is refused.
    expected: { ...READ_ACCOUNT(403, 404), revops_admin: 204 },
    run: async (t) => {
      const logged = await admin.call('POST', `/api/v1/accounts/${t.account.id}/activities`, {
        kind: 'email',
        summary: 'Sent the deck',
      });
      return t.me.call('DELETE', `/api/v1/activities/${logged.body.id}`);
    },
  },
  'GET /api/v1/opportunities/{id}/inspection': {
    readOnly: true,
    expected: READ_DEAL(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/inspection`),
  },
  'PUT /api/v1/opportunities/{id}/snooze': {
    expected: EDIT_DEAL(200),
    run: (t) =>
      t.me.call('PUT', `/api/v1/opportunities/${t.deal.id}/snooze`, {
        until: '2027-01-10',
        reason: 'Budget freeze',
      }),
  },
  'DELETE /api/v1/opportunities/{id}/snooze': {
    expected: EDIT_DEAL(204),
    run: (t) => t.me.call('DELETE', `/api/v1/opportunities/${t.deal.id}/snooze`),
  },
  'GET /api/v1/opportunities/{id}/offers': {
    readOnly: true,
    expected: READ_DEAL(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/offers`),
  },
  'POST /api/v1/opportunities/{id}/offers': {
    expected: OFFER_DEAL_SIDE(201),
    run: async (t) => {
      await advanceAsAdmin(t, 'propose');
      return t.me.call('POST', `/api/v1/opportunities/${t.deal.id}/offers`, OFFER_TERMS);
    },
  },
  'GET /api/v1/offers/{id}': {
    expected: { ...READ_DEAL(200, 404), vp_finance: 200 },
    run: async (t) => t.me.call('GET', `/api/v1/offers/${await offerAsAdmin(t)}`),
  },
  'POST /api/v1/offers/{id}/versions': {
    expected: OFFER_DEAL_SIDE(201),
    run: async (t) =>
      t.me.call('POST', `/api/v1/offers/${await offerAsAdmin(t)}/versions`, { ...OFFER_TERMS, notes: 'v2' }),
  },
  'POST /api/v1/offers/{id}/submit': {
    expected: OFFER_DEAL_SIDE(200),
    run: async (t) => t.me.call('POST', `/api/v1/offers/${await offerAsAdmin(t)}/submit`),
  },
  'POST /api/v1/offers/{id}/decisions': {
    expected: DECIDE_FIRST_STEP,
    run: async (t) =>
      t.me.call('POST', `/api/v1/offers/${await offerAsAdmin(t, 'submitted')}/decisions`, {
        versionNumber: 1,
        decision: 'approve',
      }),
  },
  'POST /api/v1/offers/{id}/presented': {
    expected: OFFER_DEAL_SIDE(200),
    run: async (t) =>
      t.me.call('POST', `/api/v1/offers/${await offerAsAdmin(t, 'approved')}/presented`, {
        versionNumber: 1,
      }),
  },
  'POST /api/v1/offers/{id}/choice': {
    expected: OFFER_DEAL_SIDE(200),
    run: async (t) =>
      t.me.call('POST', `/api/v1/offers/${await offerAsAdmin(t, 'presented')}/choice`, {
        versionNumber: 1,
        optionName: OFFER_TERMS.options[0]?.name,
        contactId: t.contact.id,
        confirmedAt: T0.toISOString(),
      }),
  },
  'GET /api/v1/approvals': {
    // Only the RVP of the deal's region, who is not its owner, is waited for (VP Finance comes second).
    expected: { ...allRoles('hides'), rvp: ['hides', 'sees', 'hides'] },
    run: async (t) => {
      await offerAsAdmin(t, 'submitted');
      return t.me.call('GET', '/api/v1/approvals');
    },
    includes: (result, t) =>
      (result.body.items as Array<{ deal: { id: string } }>).some((item) => item.deal.id === t.deal.id),
  },
  'GET /api/v1/approvals/count': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/approvals/count'),
  },
  'POST /api/v1/offers/{id}/quotes': {
    expected: ISSUE_QUOTE,
    run: async (t) => {
      const offerId = await buildChosenOffer(api.app, t);
      return t.me.call('POST', `/api/v1/offers/${offerId}/quotes`, { versionNumber: 1 });
    },
  },
  'POST /api/v1/offers/{id}/signature': {
    expected: ISSUE_QUOTE,
    run: async (t) => {
      const { offerId, quoteId } = await buildQuoteToSign(api.app, t);
      return t.me.call('POST', `/api/v1/offers/${offerId}/signature`, { quoteId });
    },
  },
  'POST /api/v1/offers/{id}/aws-offer': {
    expected: ISSUE_QUOTE,
    run: async (t) => t.me.call('POST', `/api/v1/offers/${await buildAwsReadyOffer(api.app, t)}/aws-offer`),
  },
  'POST /api/v1/offers/{id}/aws-offer/release': {
    expected: ISSUE_QUOTE,
    run: async (t) =>
      t.me.call('POST', `/api/v1/offers/${await buildCreatedAwsOffer(api.app, t)}/aws-offer/release`),
  },
  'GET /api/v1/opportunities/{id}/quotes': {
    expected: READ_QUOTES,
    run: async (t) => {
      await buildQuote(api.app, t);
      return t.me.call('GET', `/api/v1/opportunities/${t.deal.id}/quotes`);
    },
  },
  'GET /api/v1/quotes/{id}/pdf': {
    expected: READ_QUOTES,
    run: async (t) => t.me.call('GET', `/api/v1/quotes/${await buildQuote(api.app, t)}/pdf`),
  },
  'GET /api/v1/deals-at-risk': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/deals-at-risk?sort=amount'),
  },
  'GET /api/v1/pipelines/{pipeline}/board': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/pipelines/new_business/board'),
  },
  'GET /api/v1/forecast': {
    expected: READ_DEAL('sees', 'hides'),
    run: async (t) => {
      await rateEveryCurrency();
      // The owners are shared by the cells, and other cells move their deals: the target's deal closes in a
      // month of its own, so the forecast of that month holds the target's deal and nothing else of its owner.
      const month = await monthOfItsOwn(t.deal.id);
      return t.me.call('GET', `/api/v1/forecast?period=month&from=${month}-01&to=${month}-28`);
    },
    includes: (result, t) =>
      (result.body.owners as Array<{ id: string }>).some((owner) => owner.id === t.owner.id),
  },
  'GET /api/v1/fx-rates': {
    readOnly: true,
    expected: FORECAST_SETTINGS(200),
    run: (t) => t.me.call('GET', '/api/v1/fx-rates'),
  },
  'PUT /api/v1/fx-rates': {
    expected: FORECAST_SETTINGS(200),
    run: async (t) => t.me.call('PUT', '/api/v1/fx-rates', { rates: await ratesForEveryCurrency() }),
  },
  'GET /api/v1/quotas': {
    readOnly: true,
    expected: FORECAST_SETTINGS(200),
    run: (t) => t.me.call('GET', '/api/v1/quotas?period=quarter&from=2026-02-01&to=2026-04-30'),
  },
  'PUT /api/v1/quotas': {
    expected: FORECAST_SETTINGS(200),
    run: (t) =>
      t.me.call('PUT', '/api/v1/quotas', {
        quotas: [
          { ownerId: t.owner.id, periodKind: 'quarter', periodStart: '2026-02-01', amountMinor: 1000 },
        ],
      }),
  },
  'POST /api/v1/quotas/import': {
    expected: FORECAST_SETTINGS(200),
    run: (t) =>
      t.me.call('POST', '/api/v1/quotas/import', {
        csv: `OwnerEmail,Period,PeriodStart,Amount\n${t.owner.email},quarter,2026-02-01,10.00\n`,
      }),
  },
  'POST /api/v1/forecast/submissions': {
    expected: { ...allRoles(403), ae: 201 },
    run: (t) => t.me.call('POST', '/api/v1/forecast/submissions', FORECAST_CALL),
  },
  'POST /api/v1/forecast/adjustments': {
    expected: ADJUST_FORECAST,
    run: (t) =>
      t.me.call('POST', '/api/v1/forecast/adjustments', {
        ...FORECAST_CALL,
        ownerId: t.owner.id,
        note: 'Pushed',
      }),
  },
  'GET /api/v1/forecast/calls': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/forecast/calls?period=quarter&periodStart=2026-02-01'),
  },
  'POST /api/v1/forecast/snapshots': {
    expected: adminOnly(201),
    run: (t) => t.me.call('POST', '/api/v1/forecast/snapshots'),
  },
  'GET /api/v1/forecast/changes': {
    expected: READ_DEAL('sees', 'hides'),
    run: async (t) => {
      const taken = await admin.call('POST', '/api/v1/forecast/snapshots');
      if (taken.status !== 201) throw new Error(`matrix set-up: ${JSON.stringify(taken.body)}`);
      const day = String(taken.body.takenAt).slice(0, 10);
      const period = t.deal.closeDate.slice(0, 4);
      return t.me.call('GET', `/api/v1/forecast/changes?from=${day}&to=${day}&period=${period}`);
    },
    includes: (result, t) =>
      (result.body.changes as Array<{ opportunityId: string }>).some(
        (change) => change.opportunityId === t.deal.id,
      ),
  },
  'GET /api/v1/funnel': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/funnel?pipeline=new_business'),
  },
  'GET /api/v1/revenue': {
    // Everyone reads revenue, narrowed to the won deals and accounts they may read (test/api/revenue-api.test.ts).
    readOnly: true,
    expected: allRoles(200),
    run: async (t) => {
      await rateEveryCurrency();
      return t.me.call('GET', '/api/v1/revenue?period=quarter&from=2026-02-01&to=2026-04-30');
    },
  },
  'POST /api/v1/imports/uploads': {
    expected: adminOnly(201),
    run: async (t) =>
      toCallResult(
        await t.me.inject({
          method: 'POST',
          url: '/api/v1/imports/uploads?file=accounts',
          headers: { 'content-type': 'text/csv' },
          payload: 'Id,Name\n001000000000001,Acme\n',
        }),
      ),
  },
  'POST /api/v1/imports': {
    expected: adminOnly(202),
    run: (t) =>
      t.me.call('POST', '/api/v1/imports', {
        mode: 'dry_run',
        mapping: readFileSync('imports/salesforce-mapping.example.yaml', 'utf8'),
        opportunities: 'Id,AccountId,Name,StageName,Amount,CloseDate\n',
      }),
  },
  'GET /api/v1/imports': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/imports?limit=5'),
  },
  'GET /api/v1/imports/mapping-template': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/imports/mapping-template'),
  },
  'GET /api/v1/imports/{id}': {
    expected: adminOnly(200),
    run: async (t) => {
      const id = `imp_matrix_${t.label.replace(/\W/g, '_')}_${Math.random().toString(36).slice(2)}`;
      await insertImportRun(api.database.db, {
        id,
        kind: 'salesforce',
        source: 'salesforce',
        mode: 'dry_run',
        status: 'succeeded',
        rowsTotal: 0,
        startedAt: T0,
        byUser: t.owner.id,
      });
      return t.me.call('GET', `/api/v1/imports/${id}`);
    },
  },
  'GET /api/v1/accounts': {
    readOnly: true,
    expected: READ_ACCOUNT('sees', 'hides'),
    run: (t) => t.me.call('GET', `/api/v1/accounts?search=${encodeURIComponent(t.account.name)}`),
    includes: hasItem((t) => t.account.id),
  },
  'POST /api/v1/accounts': {
    expected: CREATE_FOR(201),
    run: (t) =>
      t.me.call('POST', '/api/v1/accounts', {
        name: `New ${t.label}`,
        segment: 'smb',
        country: 'DE',
        ownerId: t.owner.id,
      }),
  },
  'GET /api/v1/accounts/{id}': {
    readOnly: true,
    expected: READ_ACCOUNT(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/accounts/${t.account.id}`),
  },
  'PATCH /api/v1/accounts/{id}': {
    expected: EDIT_ACCOUNT,
    run: (t) => t.me.call('PATCH', `/api/v1/accounts/${t.account.id}`, { city: 'Lyon' }),
  },
  'POST /api/v1/accounts/{id}/contacts': {
    expected: KEEP_CONTACTS(201),
    run: (t) => t.me.call('POST', `/api/v1/accounts/${t.account.id}/contacts`, { name: 'New Contact' }),
  },
  'GET /api/v1/accounts/{id}/activities': {
    readOnly: true,
    expected: READ_ACCOUNT(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/accounts/${t.account.id}/activities`),
  },
  'POST /api/v1/accounts/{id}/activities': {
    expected: KEEP_CONTACTS(201),
    run: (t) =>
      t.me.call('POST', `/api/v1/accounts/${t.account.id}/activities`, { kind: 'meeting', summary: 'QBR' }),
  },
  'GET /api/v1/accounts/{id}/contracts': {
    readOnly: true,
    expected: READ_ACCOUNT(200, 404),
    run: (t) => t.me.call('GET', `/api/v1/accounts/${t.account.id}/contracts`),
  },
  'POST /api/v1/accounts/{id}/contracts': {
    expected: RECORD_CONTRACT,
    run: (t) =>
      t.me.call('POST', `/api/v1/accounts/${t.account.id}/contracts`, {
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        tcvMinor: 240_000_00,
        currency: 'EUR',
      }),
  },
  'PATCH /api/v1/contracts/{id}': {
    expected: CHANGE_CONTRACT,
    run: async (t) => {
      const contract = await buildContract(api.app.context.db, t.account.id);
      return t.me.call('PATCH', `/api/v1/contracts/${contract.id}`, { tcvMinor: 210_000_00 });
    },
  },
  'POST /api/v1/contracts/{id}/end': {
    expected: CHANGE_CONTRACT,
    run: async (t) => {
      const contract = await buildContract(api.app.context.db, t.account.id);
      return t.me.call('POST', `/api/v1/contracts/${contract.id}/end`, {
        endedOn: '2026-12-31',
        reason: 'acquired by a customer with its own contract',
      });
    },
  },
  'PATCH /api/v1/contacts/{id}': {
    expected: KEEP_CONTACTS(200),
    run: (t) => t.me.call('PATCH', `/api/v1/contacts/${t.contact.id}`, { title: 'CTO' }),
  },
  'GET /api/v1/playbook': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/playbook'),
  },
  'GET /api/v1/playbook/versions': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/playbook/versions'),
  },
  'POST /api/v1/playbook/preview': {
    expected: adminOnly(200),
    run: (t) =>
      t.me.call('POST', '/api/v1/playbook/preview', { source: readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8') }),
  },
  'GET /api/v1/territory-models': {
    readOnly: true,
    expected: TERRITORY_READERS(200),
    run: (t) => t.me.call('GET', '/api/v1/territory-models'),
  },
  'POST /api/v1/territory-models': {
    expected: adminOnly(201),
    run: (t) =>
      t.me.call('POST', '/api/v1/territory-models', { source: JSON.stringify(coveredTerritoryModel()) }),
  },
  'GET /api/v1/territory-models/{id}': {
    expected: TERRITORY_READERS(200),
    run: async (t) =>
      t.me.call('GET', `/api/v1/territory-models/${(await territoryDraft(coveredTerritoryModel())).id}`),
  },
  'PUT /api/v1/territory-models/{id}': {
    expected: adminOnly(200),
    run: async (t) => {
      const draft = await territoryDraft(coveredTerritoryModel());
      return t.me.call('PUT', `/api/v1/territory-models/${draft.id}`, {
        model: { ...coveredTerritoryModel(), name: `Edited by ${t.label}` },
        rowVersion: draft.rowVersion,
      });
    },
  },
  'GET /api/v1/territory-models/{id}/preview': {
    expected: adminOnly(200),
    run: async (t) =>
      t.me.call(
        'GET',
        `/api/v1/territory-models/${(await territoryDraft(coveredTerritoryModel())).id}/preview`,
      ),
  },
  'POST /api/v1/territory-models/{id}/activate': {
    // An overlapping draft: the RevOps admin's activation is refused (422, nothing written); no cell changes
    // which model routes the matrix's accounts.
    expected: adminOnly(422),
    run: async (t) => {
      const draft = await territoryDraft(overlappingTerritoryModel());
      return t.me.call('POST', `/api/v1/territory-models/${draft.id}/activate`, {
        rowVersion: draft.rowVersion,
      });
    },
  },
  'POST /api/v1/territories/route': {
    // No model is active in the matrix's database: everyone who may ask is told so.
    expected: allRoles(404),
    run: (t) =>
      t.me.call('POST', '/api/v1/territories/route', { country: 'US', subdivision: 'US-TX', segment: 'smb' }),
  },
  'GET /api/v1/users': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/users'),
  },
  'POST /api/v1/users': {
    expected: adminOnly(201),
    run: (t) =>
      t.me.call('POST', '/api/v1/users', {
        email: `new.${t.label}@example.com`,
        name: 'New Person',
        role: 'ae',
        region: 'emea',
      }),
  },
  'PATCH /api/v1/users/{id}': {
    expected: adminOnly(200),
    run: (t) => t.me.call('PATCH', `/api/v1/users/${t.owner.id}`, { region: t.owner.region }),
  },
  'GET /api/v1/tokens': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/tokens'),
  },
  'POST /api/v1/tokens': {
    expected: adminOnly(201),
    run: (t) =>
      t.me.call('POST', '/api/v1/tokens', { userId: t.owner.id, name: `token ${t.label}`, scope: 'read' }),
  },
  'DELETE /api/v1/tokens/{id}': {
    expected: adminOnly(204),
    run: async (t) => {
      const created = await tokenFor(t);
      return t.me.call('DELETE', `/api/v1/tokens/${created}`);
    },
  },
  'GET /api/v1/audit': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/audit'),
  },
  'GET /api/v1/webhooks/event-types': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/webhooks/event-types'),
  },
  'GET /api/v1/webhooks/subscriptions': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/webhooks/subscriptions'),
  },
  'POST /api/v1/webhooks/subscriptions': {
    expected: adminOnly(201),
    run: (t) =>
      t.me.call('POST', '/api/v1/webhooks/subscriptions', {
        url: `http://127.0.0.1:9/${t.label}`,
        eventTypes: ['opportunity.stage_changed'],
      }),
  },
  'PATCH /api/v1/webhooks/subscriptions/{id}': {
    expected: adminOnly(200),
    run: async (t) => {
      const id = await subscriptionFor(t);
      return t.me.call('PATCH', `/api/v1/webhooks/subscriptions/${id}`, { active: false });
    },
  },
  'POST /api/v1/webhooks/subscriptions/{id}/rotate-secret': {
    expected: adminOnly(200),
    run: async (t) => {
      const id = await subscriptionFor(t);
      return t.me.call('POST', `/api/v1/webhooks/subscriptions/${id}/rotate-secret`);
    },
  },
  'GET /api/v1/webhooks/deliveries': {
    readOnly: true,
    expected: adminOnly(200),
    run: (t) => t.me.call('GET', '/api/v1/webhooks/deliveries?status=dead'),
  },
  'GET /api/v1/webhooks/deliveries/{id}': {
    expected: adminOnly(200),
    run: async (t) => t.me.call('GET', `/api/v1/webhooks/deliveries/${await deadDeliveryFor(t)}`),
  },
  'POST /api/v1/webhooks/deliveries/{id}/replay': {
    expected: adminOnly(200),
    run: async (t) => t.me.call('POST', `/api/v1/webhooks/deliveries/${await deadDeliveryFor(t)}/replay`),
  },
  'POST /api/v1/auth/login': {
    expected: allRoles(401),
    run: (t) =>
      t.me.call('POST', '/api/v1/auth/login', { email: t.me.user.email, password: 'not the password' }),
  },
  'GET /api/v1/auth/me': {
    readOnly: true,
    expected: allRoles(200),
    run: (t) => t.me.call('GET', '/api/v1/auth/me'),
  },
  'GET /api/v1/auth/demo-users': {
    readOnly: true,
    expected: allRoles(404),
    run: (t) => t.me.call('GET', '/api/v1/auth/demo-users'),
  },
  // Vendors' machine endpoints: a signed-in caller's cookie proves nothing there; unsigned is 401 for all.
  'POST /api/v1/integrations/docusign/connect': {
    expected: allRoles(401),
    run: (t) => t.me.call('POST', '/api/v1/integrations/docusign/connect', { event: 'envelope-completed' }),
  },
  'POST /api/v1/integrations/aws-marketplace/events': {
    expected: allRoles(401),
    run: (t) => t.me.call('POST', '/api/v1/integrations/aws-marketplace/events', { id: 'evt-1' }),
  },
  'POST /api/v1/auth/logout': {
    expected: allRoles(204),
    run: async (t) => (await signInAgain(t)).call('POST', '/api/v1/auth/logout'),
  },
};

const BENCHMARK = {
  workload: 'Dashboard p95',
  baselineLatencyMs: 900,
  ourLatencyMs: 120,
  baselineCostMinor: 500,
  ourCostMinor: 200,
  currency: 'USD',
};

/** The admin forces the deal forward (an audited override) so POC and milestone calls apply. */
async function advanceAsAdmin(t: Target, to: string) {
  const moved = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/stage`, {
    to,
    override: { justification: 'Authorization matrix set-up' },
  });
  if (moved.status !== 200) throw new Error(`matrix set-up: ${JSON.stringify(moved.body)}`);
}

/** A deal in Discover with a POC plan made by the admin; returns the plan. */
async function pocAsAdmin(t: Target) {
  await advanceAsAdmin(t, 'discover');
  const created = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/poc`);
  if (created.status !== 201) throw new Error(`matrix set-up: ${JSON.stringify(created.body)}`);
  return created.body.plan;
}

/**
 * An offer the admin drafts on the deal at Propose, taken as far as `stage`: submitted, approved by the RVP of
 * the owner's region and VP Finance, presented. Returns its id.
 */
async function offerAsAdmin(t: Target, stage: 'draft' | 'submitted' | 'approved' | 'presented' = 'draft') {
  await advanceAsAdmin(t, 'propose');
  const steps: Array<[ApiClient, string, unknown]> = [];
  if (stage !== 'draft') steps.push([admin, 'submit', undefined]);
  if (stage === 'approved' || stage === 'presented') {
    const rvp = t.owner.region === 'americas' ? approvers.rvpUs : approvers.rvpEmea;
    const approve = { versionNumber: 1, decision: 'approve' };
    steps.push([rvp, 'decisions', approve], [approvers.finance, 'decisions', approve]);
  }
  if (stage === 'presented') steps.push([admin, 'presented', { versionNumber: 1 }]);
  const drafted = await admin.call('POST', `/api/v1/opportunities/${t.deal.id}/offers`, OFFER_TERMS);
  if (drafted.status !== 201) throw new Error(`matrix set-up: ${JSON.stringify(drafted.body)}`);
  for (const [client, action, body] of steps) {
    const done = await client.call('POST', `/api/v1/offers/${drafted.body.id}/${action}`, body);
    if (done.status !== 200) throw new Error(`matrix set-up (${action}): ${JSON.stringify(done.body)}`);
  }
  return drafted.body.id as string;
}

let api: TestApi;
let org: Awaited<ReturnType<typeof buildProofOrg>>;
let admin: ApiClient;
/** The approvers the offer set-up uses: the RVPs of both regions and a VP Finance (none of them a caller). */
const approvers = {} as Record<'rvpEmea' | 'rvpUs' | 'finance', ApiClient>;
/** The server's OpenAPI document: the operations this build has (read once; every case asks it). */
let spec: { paths: Record<string, Record<string, unknown>> };
const clients = new Map<Role, ApiClient>();

/** A territory-model draft imported by the admin: its id and row version. */
/** A rate for every currency the deals use, so the forecast never waits for one (the matrix writes deals in many). */
async function ratesForEveryCurrency(): Promise<Array<{ currency: string; rate: string }>> {
  const rows = await api.database.db.selectFrom('opportunities').select('currency').distinct().execute();
  return rows.filter((row) => row.currency !== 'USD').map((row) => ({ currency: row.currency, rate: '1.5' }));
}
let monthsTaken = 0;
/** Moves a deal's close date into a month no other deal closes in (from 2090 on); answers it as YYYY-MM. */
async function monthOfItsOwn(dealId: string): Promise<string> {
  monthsTaken += 1;
  const month = `${2090 + Math.floor(monthsTaken / 12)}-${String(1 + (monthsTaken % 12)).padStart(2, '0')}`;
  await api.database.db
    .updateTable('opportunities')
    .set({ close_date: `${month}-15` })
    .where('id', '=', dealId)
    .execute();
  return month;
}

async function rateEveryCurrency(): Promise<void> {
  const set = await admin.call('PUT', '/api/v1/fx-rates', { rates: await ratesForEveryCurrency() });
  if (set.status !== 200) throw new Error(`matrix set-up: ${JSON.stringify(set.body)}`);
}

async function territoryDraft(model: TerritoryModel): Promise<{ id: string; rowVersion: number }> {
  const created = await admin.call('POST', '/api/v1/territory-models', { source: JSON.stringify(model) });
  if (created.status !== 201) throw new Error(`matrix set-up: ${JSON.stringify(created.body)}`);
  return created.body;
}

async function tokenFor(t: Target): Promise<string> {
  const created = await admin.call('POST', '/api/v1/tokens', {
    userId: t.owner.id,
    name: `revoke ${t.label}`,
    scope: 'read',
  });
  return created.body.token?.id ?? created.body.id;
}

/** A subscription made by the admin (the set-up of the calls on one). */
async function subscriptionFor(t: Target): Promise<string> {
  const created = await admin.call('POST', '/api/v1/webhooks/subscriptions', {
    url: `http://127.0.0.1:9/${t.label}`,
    eventTypes: ['account.updated'],
  });
  if (created.status !== 201) throw new Error(`matrix set-up: ${JSON.stringify(created.body)}`);
  return created.body.subscription.id;
}

/** A dead delivery: a change fanned out to a new subscription, its retries taken as spent. */
async function deadDeliveryFor(t: Target): Promise<string> {
  const subscriptionId = await subscriptionFor(t);
  const updated = await admin.call('PATCH', `/api/v1/accounts/${t.account.id}`, { city: 'Cork' });
  if (updated.status !== 200) throw new Error(`matrix set-up: ${JSON.stringify(updated.body)}`);
  // Every change so far is fanned out (the matrix writes thousands), the account's among them.
  while ((await fanOutOutbox(api.app.context, 500)).messages > 0);
  const delivery = await api.database.db
    .updateTable('webhook_deliveries')
    .set({ status: 'dead' })
    .where('subscription_id', '=', subscriptionId)
    .returning('id')
    .executeTakeFirstOrThrow();
  return delivery.id;
}

const signInAgain = (t: Target): Promise<ApiClient> => signIn(api.app, t.me.user);

beforeAll(async () => {
  api = await openTestApi();
  api.app.context.integrations = memoryClosingPorts().ports;
  org = await buildProofOrg(api.app);
  admin = await signInAs(api.app, 'revops_admin', org.rvpEmea);
  for (const role of ROLES) clients.set(role, await signInAs(api.app, role, org.rvpEmea));
  approvers.rvpEmea = await signIn(api.app, org.rvpEmea);
  approvers.rvpUs = await signIn(api.app, org.rvpUs);
  approvers.finance = await signInAs(api.app, 'vp_finance', org.rvpEmea);
  const answer = await admin.call('GET', '/api/v1/openapi.json');
  if (answer.status !== 200) throw new Error(`matrix set-up: openapi.json answered ${answer.status}`);
  spec = answer.body;
});
afterAll(() => api.close());

function expectedFor(row: Row, role: Role, relation: ProofRelation): Expect {
  const cell = row[role];
  if (typeof cell !== 'object') return cell;
  const value = cell[PROOF_RELATIONS.indexOf(relation)];
  if (value === undefined) throw new Error('matrix row without this relation');
  return value;
}

describe('the authorization matrix', () => {
  it('has a row for every operation of the API', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((operation) => !(operation in OPERATIONS))).toEqual([]);
  });

  const cells = Object.keys(OPERATIONS).flatMap((operation) =>
    ROLES.flatMap((role) => PROOF_RELATIONS.map((relation) => ({ operation, role, relation }))),
  );
  let counter = 0;
  const newTarget = async (me: ApiClient, relation: ProofRelation, label: string): Promise<Target> => {
    const owner =
      relation === 'own' ? { ...me.user } : relation === 'region' ? org.regionColleague : org.abroad;
    return { me, label, ...(await buildOwned(api.app, owner, label)) };
  };
  /** The target the read-only operations' cells of one role and relation share, built once. */
  const sharedTargets = new Map<string, Promise<Target>>();
  const sharedTarget = (me: ApiClient, role: Role, relation: ProofRelation): Promise<Target> => {
    const label = `${role}-${relation}-reads`;
    let target = sharedTargets.get(label);
    if (!target) {
      target = newTarget(me, relation, label);
      sharedTargets.set(label, target);
    }
    return target;
  };

  it.each(cells)('$operation as $role on a $relation record', async ({ operation, role, relation }) => {
    const op = OPERATIONS[operation];
    const me = clients.get(role);
    if (!op || !me) throw new Error('matrix setup');
    const [method, path] = operation.split(' ') as [string, string];
    if (!spec.paths[path]?.[method.toLowerCase()]) return; // an operation this build does not have
    if (op.readOnly && method !== 'GET') throw new Error(`${operation}: only a GET may share its target`);
    const target = op.readOnly
      ? await sharedTarget(me, role, relation)
      : await newTarget(me, relation, `${role}-${relation}-${++counter}`);
    const expected = expectedFor(op.expected, role, relation);
    const result = await op.run(target);
    if (expected === 'sees' || expected === 'hides') {
      expect(result.status).toBe(200);
      expect(op.includes?.(result, target)).toBe(expected === 'sees');
    } else {
      expect(result.status, JSON.stringify(result.body)).toBe(expected);
    }
  });
});
