import { saveOffer } from '../../db/repositories/offers-repo.js';
import { findQuote, listQuotes } from '../../db/repositories/quotes-repo.js';
import { checkSendable, markSentForSignature } from '../../domain/closing/send-for-signature.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { eSignatureOf } from '../integrations/closing-ports.js';
import { integrationAppError } from '../integrations/integration-error.js';
import { recordEvent } from '../shared/record-event.js';
import { offerSummary } from './change-offer.js';
import { closingParty } from './closing-parties.js';
import { lockOfferForApprover } from './offer-access.js';
import { offerError } from './offer-errors.js';

export interface SentForSignature {
  envelopeId: string;
  quoteId: string;
  quoteNumber: string;
  signerContactId: string;
  offerVersion: number;
}

/**
 * Finance sends the latest quote of the current, quoted version to the account's DocuSign signer: lock the
 * deal then the offer (404 unseen, 412 stale), decide (domain), find the signer (409 naming where to mark
 * one), send the envelope through the port (not configured: 503 with the variables; refused: 409), then store
 * the envelope on the version (`sent_for_signature`) and audit `opportunity.offer_sent_for_signature` with its
 * outbox row — one transaction, held across the call so two senders never make two envelopes.
 */
export function sendQuoteForSignature(
  context: AppContext,
  actor: Actor,
  offerId: string,
  quoteId: string,
  expectedVersion?: number,
): Promise<Result<SentForSignature, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOfferForApprover(trx, actor, offerId, expectedVersion);
    if (!locked.ok) return locked;
    const { offer, deal, offerDeal } = locked.value;
    const quote = await findQuote(trx, quoteId);
    if (!quote || quote.offerId !== offerId) return err(notFound('Quote', quoteId));
    const [latest] = (await listQuotes(trx, { opportunityId: deal.id, offerId })).filter(
      (each) => each.versionNumber === quote.versionNumber,
    );
    const sendable = checkSendable(offer, offerDeal, quote, latest?.id ?? null, actor.principal);
    if (!sendable.ok) return err(offerError(sendable.error));
    const party = await closingParty(trx, deal, 'docusign_signer');
    if (!party.ok) return party;
    const { contact } = party.value;
    const sent = await eSignatureOf(context).sendEnvelope({
      documentPdf: quote.pdf,
      documentName: `Quote ${quote.number}.pdf`,
      documentId: '1',
      signer: { name: contact.name, email: contact.email ?? '', contactId: contact.id },
      emailSubject: `Please sign quote ${quote.number} (${deal.name})`,
      quoteNumber: quote.number,
      offerId,
      versionNumber: quote.versionNumber,
    });
    if (!sent.ok) return err(integrationAppError(sent.error));
    const now = context.now();
    const next = markSentForSignature(
      offer,
      sendable.value,
      {
        quoteId: quote.id,
        quoteNumber: quote.number,
        envelopeId: sent.value.envelopeId,
        signerContactId: contact.id,
        sentBy: actor.id,
        sentAt: now.toISOString(),
        envelopeStatus: 'sent',
        completedAt: null,
        endedReason: null,
      },
      now,
    );
    await saveOffer(trx, next, offer);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: deal.id,
      action: 'opportunity.offer_sent_for_signature',
      before: offerSummary(offer),
      after: {
        ...offerSummary(next),
        quoteId: quote.id,
        quoteNumber: quote.number,
        envelopeId: sent.value.envelopeId,
        signerContactId: contact.id,
      },
    });
    return ok({
      envelopeId: sent.value.envelopeId,
      quoteId: quote.id,
      quoteNumber: quote.number,
      signerContactId: contact.id,
      offerVersion: next.version,
    });
  });
}
