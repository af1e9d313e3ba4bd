import { expect } from 'vitest';
import type { Principal } from '../../src/domain/access/principal.js';
import { closeOnEvidence } from '../../src/domain/closing/close-on-evidence.js';
import { closingFactsOf } from '../../src/domain/closing/closing-facts.js';
import type {
  EnvelopeEvent,
  EnvelopeEventFact,
  EnvelopeStatus,
} from '../../src/domain/closing/envelope-status.js';
import type { AgreementFact } from '../../src/domain/closing/fold-evidence.js';
import {
  type AwsOfferStatus,
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferStatus,
  type OfferTerms,
} from '../../src/domain/closing/offer.js';
import type { OfferRefusal } from '../../src/domain/closing/offer-refusal.js';
import { findPipeline } from '../../src/domain/playbook/lookup.js';
import type { Pipeline } from '../../src/domain/playbook/playbook.js';
import type { Result } from '../../src/domain/result.js';
import { OFFER_NOW, OFFER_TERMS, PEOPLE, PROPOSE_DEAL } from './offer-fixtures.js';
import { firebolt } from './playbook-fixtures.js';

/**
 * The model-based test of the closing flow (src/domain/closing/closing-flow.model.test.ts): the real system is
 * an offer and its deal advanced by the pure domain functions as the use cases call them; the model is a few
 * fields and rules written from decisions 013, 014 and 016, without the domain's code.
 */
export const PLAYBOOK = firebolt();
export const PIPELINE = findPipeline(PLAYBOOK, PROPOSE_DEAL.pipeline) as Pipeline;
export const BUYER_AWS_ACCOUNT = '123456789012';

const PEOPLE_POOL: Principal[] = [
  ...Object.values(PEOPLE),
  { id: 'user_fin_2', role: 'vp_finance', region: null, managerId: null },
];
export const person = (id: string): Principal => PEOPLE_POOL.find((each) => each.id === id) as Principal;

// ---- The reference model --------------------------------------------------------------------------------

/** The chain for every offer on the deal (EMEA, owned by the AE): who holds each step, in order. */
export const STEPS = [
  { key: 'regional_vp', holders: ['user_rvp', 'user_rvp_2'] },
  { key: 'finance', holders: ['user_fin', 'user_fin_2'] },
];
export const FINANCE = ['user_fin', 'user_fin_2'];
export const OPTIONS = ['Three years', 'One year'];

export type AgreementKind = 'Created' | 'Ended' | 'Amended';

export interface ModelAws {
  status: AwsOfferStatus;
  /** The id AWS gives the private offer, and whether Closepath knows it yet. */
  marketplaceId: string;
  known: boolean;
  option: string;
  ended: boolean;
}

export interface Model {
  /** The deal's owner (an AE, or an RVP who holds the first step themselves). */
  owner: string;
  /** 0: no offer yet. */
  version: number;
  status: OfferStatus | null;
  author: string;
  /** Which terms the current version says (termsOf). */
  variant: number;
  /** Who approved the current version's steps, in order. */
  approvers: string[];
  chosen: string | null;
  /** Every quote issued (its id is `quote_<index + 1>`). */
  quotes: Array<{ version: number }>;
  envelope: { id: string; status: EnvelopeStatus } | null;
  envelopesSent: number;
  /** Envelope and Marketplace ids this offer had before (older versions, or an earlier envelope). */
  oldEnvelopes: string[];
  oldMarketplaceIds: string[];
  /** The Connect facts received, by envelope: the model's own store. */
  events: Map<string, Array<{ event: EnvelopeEvent; at: number }>>;
  delivered: Array<{ envelopeId: string; event: EnvelopeEvent; at: number }>;
  aws: ModelAws | null;
  lastAgreement: { kind: AgreementKind; fact: AgreementFact } | null;
  won: boolean;
}

export const initialModel = (owner: string): Model => ({
  owner,
  version: 0,
  status: null,
  author: '',
  variant: 0,
  approvers: [],
  chosen: null,
  quotes: [],
  envelope: null,
  envelopesSent: 0,
  oldEnvelopes: [],
  oldMarketplaceIds: [],
  events: new Map(),
  delivered: [],
  aws: null,
  lastAgreement: null,
  won: false,
});

/** A new current version (an edit, a rejection): nothing of the old one carries over but what is named. */
export function newModelVersion(m: Model, author: string, variant: number) {
  if (m.envelope) m.oldEnvelopes.push(m.envelope.id);
  if (m.aws) m.oldMarketplaceIds.push(m.aws.marketplaceId);
  Object.assign(m, { version: m.version + 1, status: 'draft', author, variant, approvers: [], chosen: null });
  Object.assign(m, { envelope: null, aws: null });
}

/** Who may decide the waiting step: a holder of it, not the author, not the owner, not a decider of an earlier step. */
export function mayDecide(m: Readonly<Model>, who: string, stepKey?: string): boolean {
  const step = STEPS[m.approvers.length];
  if (m.won || m.status !== 'in_approval' || !step) return false;
  if (stepKey !== undefined && stepKey !== step.key) return false;
  const excluded = [m.author, m.owner, ...m.approvers];
  return step.holders.includes(who) && !excluded.includes(who);
}

/**
 * A person for a decision, named by id or by their place: `right` (may decide the waiting step), `author` (of the
 * version), `owner` (of the deal), `earlier` (decided the step before), `later` (holds the step after the waiting one).
 */
export function approverFor(m: Readonly<Model>, who: string): string {
  const waiting = m.approvers.length;
  if (who === 'right') return STEPS[waiting]?.holders.find((id) => mayDecide(m, id)) ?? 'user_rvp';
  if (who === 'author') return m.author;
  if (who === 'owner') return m.owner;
  if (who === 'earlier') return m.approvers.at(-1) ?? 'user_rvp';
  if (who === 'later') return STEPS[waiting + 1]?.holders[0] ?? 'user_fin';
  return who;
}

/** DocuSign's envelope status from its events: the earliest final status by their own clock, else the furthest. */
export function envelopeStatusOf(events: ReadonlyArray<{ event: EnvelopeEvent; at: number }>) {
  const reported = events.flatMap(({ event, at }) =>
    event.startsWith('envelope-') ? [{ status: event.slice(9) as EnvelopeStatus, at }] : [],
  );
  const finals = reported
    .filter(({ status }) => ['completed', 'declined', 'voided'].includes(status))
    .sort((a, b) => a.at - b.at || a.status.localeCompare(b.status));
  if (finals[0]) return finals[0].status;
  if (reported.some(({ status }) => status === 'delivered')) return 'delivered';
  return reported.length > 0 ? 'sent' : null;
}

/** Closed Won: the approved, presented, chosen version, its quote signed and its private offer accepted. */
export const modelReady = (m: Readonly<Model>): boolean =>
  m.status === 'signed' &&
  m.approvers.length === STEPS.length &&
  m.chosen !== null &&
  m.envelope?.status === 'completed' &&
  m.aws?.status === 'accepted' &&
  !m.aws.ended;

// ---- The real system ------------------------------------------------------------------------------------

export interface Real {
  offer: Offer | null;
  deal: OfferDeal;
  minute: number;
  /** The quotes issued, oldest first, with the option the document names. */
  quotes: Array<{ id: string; number: string; versionNumber: number; optionName: string }>;
  /** The option each version's AWS private offer was made of (what AWS holds). */
  awsOptionOf: Map<number, string>;
  /** inbound_events: the Connect facts, one per envelope, event and time. */
  envelopeEvents: Map<string, EnvelopeEventFact[]>;
  won: boolean;
}

export const initialReal = (owner: string): Real => ({
  offer: null,
  deal: { ...PROPOSE_DEAL, ownerId: owner },
  minute: 0,
  quotes: [],
  awsOptionOf: new Map(),
  envelopeEvents: new Map(),
  won: false,
});

export const nowOf = (r: Real) => new Date(OFFER_NOW.getTime() + r.minute * 60_000);
export const minuteMs = (minute: number) => OFFER_NOW.getTime() + minute * 60_000;

/** The terms of a variant: every variant prices its options differently. */
export const termsOf = (variant: number): OfferTerms => ({
  ...OFFER_TERMS,
  options: OFFER_TERMS.options.map((option) => ({
    ...option,
    pricePerYearMinor: option.pricePerYearMinor - variant * 1_000_00,
  })),
});

export const offerOf = (r: Real): Offer => {
  if (!r.offer) throw new Error('no offer yet');
  return r.offer;
};

/**
 * One decision on the real system: accepted exactly when the model expects it; when accepted, the same
 * decision on a closed deal is refused with `deal_closed` (the deal's state is what stops it). The value, or null.
 */
export function attempt<T>(
  r: Real,
  label: string,
  expected: boolean,
  decide: (deal: OfferDeal) => Result<T, OfferRefusal>,
): T | null {
  const result = decide(r.deal);
  if (result.ok !== expected) {
    const outcome = result.ok ? 'accepted it' : `refused it: ${result.error.code}, ${result.error.message}`;
    expect.fail(
      `${label}: the model expects ${expected ? 'acceptance' : 'a refusal'}; the domain ${outcome}`,
    );
  }
  if (!result.ok) return null;
  const closed = decide({ ...r.deal, open: false });
  expect(closed.ok ? 'accepted' : closed.error.code, `${label} on a closed deal`).toBe('deal_closed');
  return result.value;
}

/** After every command: the real system says what the model says, and Closed Won needs both evidences. */
export function agree(m: Model, r: Real) {
  const version = r.offer && currentVersion(r.offer);
  const real = {
    version: version?.number ?? 0,
    status: version?.status ?? null,
    approvals: version?.decisions.filter((decision) => decision.decision === 'approved').length ?? 0,
    chosen: version?.chosen?.optionName ?? null,
    envelope: version?.evidence.envelope?.envelopeStatus ?? null,
    aws: version?.awsOfferStatus ?? 'none',
    agreementEnded: Boolean(version?.evidence.awsOffer?.agreementEndedAt),
  };
  const model = {
    version: m.version,
    status: m.status,
    approvals: m.approvers.length,
    chosen: m.chosen,
    envelope: m.envelope?.status ?? null,
    aws: m.aws?.status ?? 'none',
    agreementEnded: m.aws?.ended ?? false,
  };
  if (JSON.stringify(real) !== JSON.stringify(model)) expect(real).toEqual(model);
  const ready = closeOnEvidence(PIPELINE, closingFactsOf(r.offer ? [r.offer] : [])).kind === 'ready';
  expect(ready, 'Closed Won from the evidence').toBe(modelReady(m));
  if (ready) expectBothEvidences(r);
  if (ready && !m.won) {
    m.won = true;
    r.won = true;
    r.deal = { ...r.deal, open: false };
  }
}

/** The version Closed Won judged: approved by its chain, presented, chosen, and both evidences of that choice. */
function expectBothEvidences(r: Real) {
  const version = currentVersion(offerOf(r));
  const { envelope, awsOffer } = version.evidence;
  const quote = r.quotes.find((each) => each.id === envelope?.quoteId);
  expect({
    approvedBy: version.decisions.map((decision) => `${decision.stepKey}:${decision.decision}`),
    presented: version.presentedAt !== null,
    envelope: envelope?.envelopeStatus,
    quoteOf: quote && `v${quote.versionNumber} ${quote.optionName}`,
    awsOfferOf: r.awsOptionOf.get(version.number),
    acceptedBy: awsOffer?.buyerAwsAccountId,
    agreementInForce: Boolean(awsOffer?.agreementId) && !awsOffer?.agreementEndedAt,
  }).toEqual({
    approvedBy: STEPS.map((step) => `${step.key}:approved`),
    presented: true,
    envelope: 'completed',
    quoteOf: `v${version.number} ${version.chosen?.optionName}`,
    awsOfferOf: version.chosen?.optionName,
    acceptedBy: BUYER_AWS_ACCOUNT,
    agreementInForce: true,
  });
}
