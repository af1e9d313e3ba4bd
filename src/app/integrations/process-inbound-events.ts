import type { Kysely } from 'kysely';
import {
  type ClaimedInboundEvent,
  claimUnprocessedEvent,
  findOfferIdByVendorId,
  listEnvelopeEvents,
  markInboundEventProcessed,
} from '../../db/repositories/inbound-processing-repo.js';
import { findOffer, saveOffer } from '../../db/repositories/offers-repo.js';
import type { Database, JsonValue } from '../../db/schema.js';
import { withCurrent } from '../../domain/closing/draft-offer.js';
import { ENVELOPE_EVENTS, type EnvelopeEvent } from '../../domain/closing/envelope-status.js';
import { type EvidenceOutcome, foldAgreement, foldEnvelope } from '../../domain/closing/fold-evidence.js';
import { currentVersion, type Offer, type OfferVersion } from '../../domain/closing/offer.js';
import { systemActor } from '../access/actors.js';
import { offerSummary } from '../closing/change-offer.js';
import { closeOnEvidenceIn } from '../closing/close-on-evidence.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';

const at = (value: JsonValue | undefined, ...path: string[]): JsonValue | undefined =>
  path.reduce<JsonValue | undefined>(
    (node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined),
    value,
  );
const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : null);

async function foldDocusign(trx: Kysely<Database>, event: ClaimedInboundEvent, version: OfferVersion) {
  const stored = await listEnvelopeEvents(trx, event.externalId);
  const facts = stored
    .filter((row) => (ENVELOPE_EVENTS as readonly string[]).includes(row.event_type))
    .map((row) => ({ event: row.event_type as EnvelopeEvent, occurredAtMs: row.occurred_at.getTime() }));
  const reasons = stored.map(
    (row) =>
      text(at(row.payload, 'data', 'envelopeSummary', 'voidedReason')) ??
      text(at(row.payload, 'data', 'envelopeSummary', 'declinedReason')),
  );
  return foldEnvelope(version, event.externalId, facts, reasons.find((reason) => reason) ?? null);
}

function foldAws(event: ClaimedInboundEvent, version: OfferVersion): EvidenceOutcome {
  return foldAgreement(version, {
    eventType: event.eventType,
    marketplaceOfferId: event.externalId,
    acceptorAccountId: text(at(event.payload, 'detail', 'acceptor', 'accountId')) ?? '',
    agreementId: text(at(event.payload, 'detail', 'agreement', 'id')),
    agreementStart: text(at(event.payload, 'detail', 'agreement', 'startTime')),
    occurredAt: event.occurredAt.toISOString(),
  });
}

/** What an event did to the offer it names (locked): applied with the offer after it, or why not. */
async function applyEvent(
  context: AppContext,
  trx: Kysely<Database>,
  event: ClaimedInboundEvent,
): Promise<{ outcome: string; offer?: Offer; next?: Offer }> {
  const docusign = event.source === 'docusign';
  const offerId = await findOfferIdByVendorId(
    trx,
    docusign ? 'envelope_id' : 'marketplace_offer_id',
    event.externalId,
  );
  const offer = offerId && (await findOffer(trx, offerId, { lock: true }));
  if (!offer) return { outcome: `unmatched: no offer version has ${event.externalId}` };
  const version = currentVersion(offer);
  const folded = docusign ? await foldDocusign(trx, event, version) : foldAws(event, version);
  if (!folded.applied) return { outcome: `unmatched: ${folded.reason}` };
  const now = context.now();
  const next = withCurrent(offer, folded.version, now);
  await saveOffer(trx, next, offer);
  return { outcome: 'applied', offer, next };
}

/** One event, in its own transaction: false when none is left to take. */
export async function processNextInboundEvent(context: AppContext, skip: string[]): Promise<boolean> {
  return context.db.transaction().execute(async (trx) => {
    const event = await claimUnprocessedEvent(trx, skip);
    if (!event) return false;
    skip.push(event.id);
    const { outcome, offer, next } = await applyEvent(context, trx, event);
    const actor = systemActor(`${event.source}-events`);
    if (offer && next)
      await recordEvent(trx, actor, context.now(), {
        entityType: 'opportunity',
        entityId: offer.opportunityId,
        action: 'opportunity.offer_evidence_received',
        before: offerSummary(offer),
        after: {
          ...offerSummary(next),
          inboundEventId: event.id,
          eventType: event.eventType,
          externalId: event.externalId,
        },
      });
    const closed = offer ? `; ${await closeOnEvidenceIn(context, trx, actor, offer.opportunityId)}` : '';
    await markInboundEventProcessed(trx, event.id, context.now(), `${outcome}${closed}`);
    return true;
  });
}

/**
 * Processes the unprocessed inbound events, oldest by their own time (called after a receiver stored one, and
 * by the periodic job for any missed): each matched to the current offer version by its envelope or
 * Marketplace offer and folded into its evidence, or marked processed with why it had no effect. Idempotent:
 * a processed event is never taken again, and a fold that changes nothing is not applied.
 */
export async function processInboundEvents(context: AppContext, limit = 100): Promise<{ processed: number }> {
  const skip: string[] = [];
  let processed = 0;
  while (processed < limit && (await processNextInboundEvent(context, skip))) processed += 1;
  return { processed };
}
