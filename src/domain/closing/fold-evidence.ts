import { type EnvelopeEventFact, envelopeStatusAfter } from './envelope-status.js';
import type { OfferVersion } from './offer.js';

/** What processing an event did to a version: the version after it, or why it had no effect. */
export type EvidenceOutcome = { applied: true; version: OfferVersion } | { applied: false; reason: string };

const none = (reason: string): EvidenceOutcome => ({ applied: false, reason });

/**
 * The version after every Connect event of its envelope (in any order, duplicated or not): completed →
 * `signed` (the signed-quote evidence); declined or voided → back to `quoted` with the reason, so the quote
 * may be sent again; sent and delivered only move the envelope's status.
 */
export function foldEnvelope(
  version: OfferVersion,
  envelopeId: string,
  events: readonly EnvelopeEventFact[],
  endedReason: string | null,
): EvidenceOutcome {
  const envelope = version.evidence.envelope;
  if (!envelope || envelope.envelopeId !== envelopeId)
    return none(`envelope ${envelopeId} is not the envelope of version ${version.number}`);
  if (version.status !== 'sent_for_signature')
    return none(
      `version ${version.number} is ${version.status.replaceAll('_', ' ')}, not sent for signature`,
    );
  const status = envelopeStatusAfter(events);
  if (!status || status === envelope.envelopeStatus)
    return none(`envelope ${envelopeId} is ${envelope.envelopeStatus} already`);
  const completed = status === 'completed';
  const completedAt = completed
    ? new Date(Math.max(...events.map((e) => e.occurredAtMs))).toISOString()
    : null;
  const ended = status === 'declined' || status === 'voided';
  const next = {
    ...envelope,
    envelopeStatus: status,
    completedAt,
    endedReason: ended ? (endedReason ?? `envelope ${status}`) : null,
  };
  const versionStatus = completed ? 'signed' : ended ? 'quoted' : version.status;
  return {
    applied: true,
    version: { ...version, status: versionStatus, evidence: { ...version.evidence, envelope: next } },
  };
}

export interface AgreementFact {
  eventType: string;
  marketplaceOfferId: string;
  acceptorAccountId: string;
  agreementId: string | null;
  agreementStart: string | null;
  occurredAt: string;
}

/**
 * The version after an AWS agreement event for its released private offer, by the buyer's account only:
 * created → `accepted` with the agreement and its start (the offer-acceptance evidence); ended → recorded.
 */
export function foldAgreement(version: OfferVersion, fact: AgreementFact): EvidenceOutcome {
  const awsOffer = version.evidence.awsOffer;
  if (!awsOffer || awsOffer.marketplaceOfferId !== fact.marketplaceOfferId)
    return none(
      `Marketplace offer ${fact.marketplaceOfferId} is not the private offer of version ${version.number}`,
    );
  if (awsOffer.buyerAwsAccountId !== fact.acceptorAccountId)
    return none(`the acceptor ${fact.acceptorAccountId} is not the buyer's AWS account`);
  if (fact.eventType.includes('Created')) {
    if (version.awsOfferStatus !== 'released')
      return none(`the private offer is ${version.awsOfferStatus}, not released`);
    const accepted = {
      ...awsOffer,
      agreementId: fact.agreementId,
      agreementStart: fact.agreementStart,
      acceptedAt: fact.occurredAt,
    };
    return {
      applied: true,
      version: {
        ...version,
        awsOfferStatus: 'accepted',
        evidence: { ...version.evidence, awsOffer: accepted },
      },
    };
  }
  if (fact.eventType.includes('Ended')) {
    if (awsOffer.agreementEndedAt) return none('the agreement ended already');
    const ended = { ...awsOffer, agreementEndedAt: fact.occurredAt };
    return { applied: true, version: { ...version, evidence: { ...version.evidence, awsOffer: ended } } };
  }
  return none(`${fact.eventType} changes nothing Closepath keeps`);
}
