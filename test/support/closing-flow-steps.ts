import { expect } from 'vitest';
import {
  checkAwsOfferCreatable,
  checkAwsOfferReleasable,
  withAwsOffer,
} from '../../src/domain/closing/aws-offer.js';
import { decideApproval, submitForApproval } from '../../src/domain/closing/decide-approval.js';
import { draftOffer, reviseOffer, withCurrent } from '../../src/domain/closing/draft-offer.js';
import type { EnvelopeEvent } from '../../src/domain/closing/envelope-status.js';
import { foldAgreement, foldEnvelope } from '../../src/domain/closing/fold-evidence.js';
import { type AwsOfferStatus, currentVersion, type OfferStatus } from '../../src/domain/closing/offer.js';
import { chooseOfferOption, markOfferPresented } from '../../src/domain/closing/present-offer.js';
import { checkQuotable, formatQuoteNumber, issueQuote } from '../../src/domain/closing/quote.js';
import { checkSendable, markSentForSignature } from '../../src/domain/closing/send-for-signature.js';
import { ok } from '../../src/domain/result.js';
import {
  type AgreementKind,
  approverFor,
  attempt,
  BUYER_AWS_ACCOUNT,
  envelopeStatusOf,
  FINANCE,
  type Model,
  mayDecide,
  minuteMs,
  newModelVersion,
  nowOf,
  OPTIONS,
  offerOf,
  PLAYBOOK,
  person,
  type Real,
  STEPS,
  termsOf,
} from './closing-flow-model.js';

/**
 * The commands of the closing-flow model test (src/domain/closing/closing-flow.model.test.ts), each run on both
 * sides: on the real system the domain functions the use cases call, with what they pass (src/app/closing and
 * src/app/integrations/process-inbound-events.ts); on the model its own rule for whether the command is
 * accepted and what it changes. `attempt` checks that the two agree.
 */
const IN_CLOSING: Array<OfferStatus | null> = ['in_approval', 'quoted', 'sent_for_signature', 'signed'];
const CHOSEN_ON: Array<OfferStatus | null> = ['option_chosen', 'quoted', 'sent_for_signature', 'signed'];
export type Op = (m: Model, r: Real) => void;

export const draft: Op = (m, r) => {
  const terms = termsOf(0);
  const offer = attempt(r, 'draft', !m.won, (deal) =>
    draftOffer(PLAYBOOK, deal, { offerId: 'offer_1', authorId: m.owner, terms }, nowOf(r)),
  );
  if (!offer) return;
  r.offer = offer;
  newModelVersion(m, m.owner, 0);
};

export const revise =
  (by: string, variant: number): Op =>
  (m, r) => {
    const editable = !m.won && !IN_CLOSING.includes(m.status) && variant !== m.variant;
    const offer = attempt(r, `revise by ${by}`, editable, (deal) =>
      reviseOffer(PLAYBOOK, offerOf(r), deal, { authorId: by, terms: termsOf(variant) }, nowOf(r)),
    );
    if (!offer) return;
    r.offer = offer;
    newModelVersion(m, by, variant);
  };

export const submit: Op = (m, r) => {
  const offer = attempt(r, 'submit', !m.won && m.status === 'draft', (deal) =>
    submitForApproval(PLAYBOOK, offerOf(r), deal, 'user_ae', nowOf(r)),
  );
  if (offer) [r.offer, m.status] = [offer, 'in_approval'];
};

export const approve =
  (who: string, stepKey: string | undefined, stale: boolean): Op =>
  (m, r) => {
    const by = approverFor(m, who);
    const request = { versionNumber: m.version - Number(stale), decision: 'approve' as const, comment: null };
    const offer = attempt(r, `approve by ${by}`, !stale && mayDecide(m, by, stepKey), (deal) =>
      decideApproval(offerOf(r), deal, { ...request, ...(stepKey && { stepKey }) }, person(by), nowOf(r)),
    );
    if (!offer) return;
    r.offer = offer;
    m.approvers.push(by);
    if (m.approvers.length === STEPS.length) m.status = 'approved';
  };

export const reject =
  (who: string, comment: string | null): Op =>
  (m, r) => {
    const by = approverFor(m, who);
    const request = { versionNumber: m.version, decision: 'reject' as const, comment };
    const offer = attempt(r, `reject by ${by}`, mayDecide(m, by) && Boolean(comment?.trim()), (deal) =>
      decideApproval(offerOf(r), deal, request, person(by), nowOf(r)),
    );
    if (!offer) return;
    r.offer = offer;
    newModelVersion(m, m.author, m.variant);
  };

export const present =
  (stale: boolean): Op =>
  (m, r) => {
    const expected = !stale && !m.won && m.status === 'approved';
    const offer = attempt(r, 'present', expected, (deal) =>
      markOfferPresented(offerOf(r), deal, m.version - Number(stale), 'user_ae', nowOf(r)),
    );
    if (offer) [r.offer, m.status] = [offer, 'presented'];
  };

export const choose =
  (option: string, contact: string, otherChosen: boolean): Op =>
  (m, r) => {
    const named = OPTIONS.find((each) => each.toLowerCase() === option.trim().toLowerCase()) ?? null;
    const choosable = ['presented', 'option_chosen'].includes(m.status ?? '') && named !== null;
    const facts = contact === 'con_buyer' && !otherChosen;
    // Once a private offer is made of an option, the buyer may accept it: the choice stays that option.
    const expected = !m.won && choosable && facts && (m.aws === null || m.aws.option === named);
    const choice = {
      versionNumber: m.version,
      optionName: option,
      contactId: contact,
      confirmedAt: nowOf(r),
    };
    const known = {
      accountContactIds: new Set(['con_buyer']),
      otherChosenOfferId: otherChosen ? 'o2' : null,
    };
    const offer = attempt(r, `choose ${option}`, expected, (deal) =>
      chooseOfferOption(offerOf(r), deal, choice, known, 'user_ae', nowOf(r)),
    );
    if (offer) [r.offer, m.status, m.chosen] = [offer, 'option_chosen', named];
  };

export const quote =
  (by: string, stale: boolean): Op =>
  (m, r) => {
    const expected =
      FINANCE.includes(by) && !stale && !m.won && ['option_chosen', 'quoted'].includes(m.status ?? '');
    const id = `quote_${r.quotes.length + 1}`;
    const facts = {
      id,
      number: formatQuoteNumber(2026, r.quotes.length + 1),
      dealName: 'Deal',
      names: new Map(),
    };
    const party = { name: 'Party', details: [] };
    const issued = attempt(r, `quote by ${by}`, expected, (deal) => {
      const quotable = checkQuotable(offerOf(r), deal, m.version - Number(stale), person(by), nowOf(r));
      if (!quotable.ok) return quotable;
      const more = { seller: party, customer: party, issuedBy: { id: by, name: by } };
      return ok(issueQuote(offerOf(r), quotable.value, { ...facts, ...more }, nowOf(r)));
    });
    if (!issued) return;
    const { versionNumber, option } = issued.quote;
    r.quotes.push({ id, number: facts.number, versionNumber, optionName: option.name });
    [r.offer, m.status] = [issued.offer, 'quoted'];
    m.quotes.push({ version: m.version });
  };

export const send =
  (which: 'latest' | 'earlier', by: string): Op =>
  (m, r) => {
    const index = which === 'latest' ? m.quotes.length - 1 : Math.max(0, m.quotes.length - 2);
    const latest = m.quotes.map((each) => each.version).lastIndexOf(m.version);
    const ofCurrent = m.quotes[index]?.version === m.version && index === latest;
    const expected = FINANCE.includes(by) && !m.won && m.status === 'quoted' && ofCurrent;
    const quoted = r.quotes[index];
    if (!quoted) return;
    const latestId =
      r.quotes.filter((each) => each.versionNumber === quoted.versionNumber).at(-1)?.id ?? null;
    const version = attempt(r, `send quote ${index + 1} by ${by}`, expected, (deal) =>
      checkSendable(offerOf(r), deal, quoted, latestId, person(by)),
    );
    if (!version) return;
    const envelopeId = `env_${++m.envelopesSent}`;
    const sent = {
      quoteId: quoted.id,
      quoteNumber: quoted.number,
      envelopeId,
      signerContactId: 'con_signer',
    };
    const more = { sentBy: by, sentAt: nowOf(r).toISOString(), completedAt: null, endedReason: null };
    const envelope = { ...sent, ...more, envelopeStatus: 'sent' as const };
    r.offer = markSentForSignature(offerOf(r), version, envelope, nowOf(r));
    if (m.envelope) m.oldEnvelopes.push(m.envelope.id);
    [m.envelope, m.status] = [{ id: envelopeId, status: 'sent' }, 'sent_for_signature'];
  };

export type Target = 'current' | 'older' | 'foreign';

/** A Connect event as DocuSign delivers it (`dup`: one delivered before, again); stored once per fact. */
export const connect =
  (target: Target, event: EnvelopeEvent, minute: number, dup: number | null, processed: boolean): Op =>
  (m, r) => {
    const older = m.oldEnvelopes[minute % Math.max(1, m.oldEnvelopes.length)] ?? 'env_of_offer_2';
    const envelopeId = { current: m.envelope?.id ?? 'env_unsent', older, foreign: 'env_of_offer_2' }[target];
    const fact = (dup !== null && m.delivered[dup % m.delivered.length]) || {
      envelopeId,
      event,
      at: minuteMs(minute),
    };
    m.delivered.push(fact);
    const known = m.events.get(fact.envelopeId) ?? [];
    if (!known.some((each) => each.event === fact.event && each.at === fact.at)) known.push(fact);
    m.events.set(fact.envelopeId, known);
    const stored = r.envelopeEvents.get(fact.envelopeId) ?? [];
    if (!stored.some((each) => each.event === fact.event && each.occurredAtMs === fact.at))
      stored.push({ event: fact.event, occurredAtMs: fact.at });
    r.envelopeEvents.set(fact.envelopeId, stored);
    if (!processed) return; // stored; its envelope's next processed event folds it in
    const status = envelopeStatusOf(known);
    const envelope = m.envelope?.id === fact.envelopeId ? m.envelope : null;
    const applies =
      envelope !== null && m.status === 'sent_for_signature' && status !== null && status !== envelope.status;
    const folded = r.offer && foldEnvelope(currentVersion(r.offer), fact.envelopeId, stored, null);
    expect(folded?.applied ?? false, `${fact.event} of ${fact.envelopeId} applied`).toBe(applies);
    if (folded?.applied) r.offer = withCurrent(offerOf(r), folded.version, nowOf(r));
    if (!applies || !envelope || !status) return;
    envelope.status = status;
    if (status !== 'sent' && status !== 'delivered') m.status = status === 'completed' ? 'signed' : 'quoted';
  };

export const createAws =
  (by: string, named: boolean): Op =>
  (m, r) => {
    const expected = FINANCE.includes(by) && !m.won && CHOSEN_ON.includes(m.status) && m.aws === null;
    const creatable = attempt(r, `create AWS offer by ${by}`, expected, (deal) =>
      checkAwsOfferCreatable(offerOf(r), deal, person(by)),
    );
    if (!creatable) return;
    const { version, option } = creatable;
    const marketplaceId = `mkt_v${version.number}`;
    const made = {
      buyerAwsAccountId: BUYER_AWS_ACCOUNT,
      adminContactId: 'con_admin',
      createChangeSetId: 'cs_1',
    };
    const awsOffer = { ...made, marketplaceOfferId: named ? marketplaceId : null, createdBy: by };
    const rest = { createdAt: nowOf(r).toISOString(), releaseChangeSetId: null, releasedAt: null };
    const none = { agreementId: null, agreementStart: null, acceptedAt: null, agreementEndedAt: null };
    r.offer = withAwsOffer(offerOf(r), version, { ...awsOffer, ...rest, ...none }, 'created', nowOf(r));
    r.awsOptionOf.set(version.number, option.name);
    m.aws = { status: 'created', marketplaceId, known: named, option: m.chosen ?? '?', ended: false };
  };

export const releaseAws =
  (by: string): Op =>
  (m, r) => {
    const expected =
      FINANCE.includes(by) && !m.won && CHOSEN_ON.includes(m.status) && m.aws?.status === 'created';
    const releasable = attempt(r, `release AWS offer by ${by}`, expected, (deal) =>
      checkAwsOfferReleasable(offerOf(r), deal, person(by)),
    );
    if (!releasable || !m.aws) return;
    const { version, awsOffer } = releasable;
    // DescribeChangeSet names the offer by now when the create did not.
    const marketplaceOfferId = awsOffer.marketplaceOfferId ?? `mkt_v${version.number}`;
    const released = {
      ...awsOffer,
      marketplaceOfferId,
      releaseChangeSetId: 'cs_2',
      releasedAt: nowOf(r).toISOString(),
    };
    r.offer = withAwsOffer(offerOf(r), version, released, 'released', nowOf(r));
    Object.assign(m.aws, { status: 'released', known: true });
  };

/** An EventBridge agreement event (`dup`: the last one again, as a redelivery). */
export const agreement =
  (kind: AgreementKind, target: Target, buyer: boolean, minute: number, dup: boolean): Op =>
  (m, r) => {
    const older = m.oldMarketplaceIds[minute % Math.max(1, m.oldMarketplaceIds.length)] ?? 'mkt_of_offer_2';
    const marketplaceOfferId = {
      current: m.aws?.marketplaceId ?? `mkt_v${m.version}`,
      older,
      foreign: 'mkt_of_offer_2',
    };
    const fresh = {
      kind,
      fact: {
        eventType: `Purchase Agreement ${kind} - Proposer`,
        marketplaceOfferId: marketplaceOfferId[target],
        acceptorAccountId: buyer ? BUYER_AWS_ACCOUNT : '999999999999',
        agreementId: 'agmt_1',
        agreementStart: '2026-12-01T00:00:00Z',
        occurredAt: new Date(minuteMs(minute)).toISOString(),
      },
    };
    const { kind: what, fact } = (dup && m.lastAgreement) || fresh;
    m.lastAgreement = { kind: what, fact };
    const aws = m.aws?.known && m.aws.marketplaceId === fact.marketplaceOfferId ? m.aws : null;
    const ours = aws !== null && fact.acceptorAccountId === BUYER_AWS_ACCOUNT;
    const applies = ours && (what === 'Created' ? aws.status === 'released' : what === 'Ended' && !aws.ended);
    const folded = r.offer && foldAgreement(currentVersion(r.offer), fact);
    expect(folded?.applied ?? false, `${fact.eventType} of ${fact.marketplaceOfferId} applied`).toBe(applies);
    if (folded?.applied) r.offer = withCurrent(offerOf(r), folded.version, nowOf(r));
    if (applies && what === 'Created') aws.status = 'accepted';
    if (applies && what === 'Ended') aws.ended = true;
  };

export interface Next {
  /** The AWS track first once an option is chosen. */
  aws: boolean;
  /** Who acts on the waiting approval step: mostly the right person, sometimes one the rules keep off it. */
  approver: string;
  option: number;
  named: boolean;
  /** Finance regenerates the quote before sending it. */
  again: boolean;
  /** What DocuSign reports next of the envelope out, how many minutes from now (its clock), processed now or not. */
  event: EnvelopeEvent;
  later: number;
  processed: boolean;
}

/** The next step of the happy path from the model's state (DocuSign may report any event of the envelope). */
export const advance =
  (p: Next): Op =>
  (m, r) => {
    if (m.version === 0) return draft(m, r);
    const byStatus: Partial<Record<OfferStatus, Op>> = {
      draft: submit,
      in_approval: approve(p.approver, undefined, false),
      approved: present(false),
      presented: choose(OPTIONS[p.option] ?? 'One year', 'con_buyer', false),
      option_chosen: quote('user_fin', false),
      quoted: p.again ? quote('user_fin', false) : send('latest', 'user_fin'),
      sent_for_signature: connect('current', p.event, r.minute + p.later, null, p.processed),
    };
    const awsSteps: Partial<Record<AwsOfferStatus, Op>> = {
      none: createAws('user_fin', p.named),
      created: releaseAws('user_fin'),
      released: agreement('Created', 'current', true, r.minute, false),
    };
    const awsNext = awsSteps[m.aws?.status ?? 'none'];
    const document = m.status ? byStatus[m.status] : undefined;
    const chosen = CHOSEN_ON.includes(m.status);
    const next = p.aws && chosen ? (awsNext ?? document) : (document ?? (chosen ? awsNext : undefined));
    (next ?? present(false))(m, r);
  };
