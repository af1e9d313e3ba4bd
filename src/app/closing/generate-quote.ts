import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findAccount, findContact } from '../../db/repositories/accounts-repo.js';
import { saveOffer } from '../../db/repositories/offers-repo.js';
import {
  drawQuoteSequence,
  insertQuote,
  type ListedQuote,
  type QuoteRecord,
} from '../../db/repositories/quotes-repo.js';
import { findUser } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { OfferVersion } from '../../domain/closing/offer.js';
import { checkQuotable, formatQuoteNumber, issueQuote, type QuoteParty } from '../../domain/closing/quote.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { offerSummary } from './change-offer.js';
import { lockOfferForApprover } from './offer-access.js';
import { offerError } from './offer-errors.js';
import type { GenerateQuoteInput } from './offer-inputs.js';
import { renderQuotePdf } from './render-quote-pdf.js';

/** The customer as the quote names it: the deal's account, and the contact who confirmed the choice. */
async function customerOf(
  db: Kysely<Database>,
  deal: Opportunity,
  version: OfferVersion,
): Promise<QuoteParty> {
  const account = await findAccount(db, deal.accountId);
  const contact = version.chosen && (await findContact(db, version.chosen.confirmedByContactId));
  const place = [account?.city, account?.postalCode, account?.country].filter(Boolean).join(', ');
  const attention = contact && [contact.name, contact.title].filter(Boolean).join(', ');
  return {
    name: account?.name ?? deal.accountId,
    details: [place, attention ? `Attn: ${attention}` : '', contact?.email ?? ''].filter(Boolean),
  };
}

/** The names of the people a quote shows: its issuer and the version's approvers. */
async function namesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) names.set(id, (await findUser(db, id))?.name ?? id);
  return names;
}

/**
 * VP Finance issues the quote of the option the customer chose: lock the deal then the offer (404 unseen, 412
 * stale), decide (domain: the right, the version, the choice, the validity), draw the number, render and hash
 * the PDF, store it with the version `quoted`, and audit `opportunity.offer_quoted` (with its outbox row) — one
 * transaction, so a refused or failed quote leaves neither a number nor a row behind.
 */
export function generateQuote(
  context: AppContext,
  actor: Actor,
  offerId: string,
  input: GenerateQuoteInput,
  expectedVersion?: number,
): Promise<Result<ListedQuote & { offerVersion: number }, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOfferForApprover(trx, actor, offerId, expectedVersion);
    if (!locked.ok) return locked;
    const { offer, deal, offerDeal } = locked.value;
    const now = context.now();
    const quotable = checkQuotable(offer, offerDeal, input.versionNumber, actor.principal, now);
    if (!quotable.ok) return err(offerError(quotable.error));
    const { version } = quotable.value;
    const names = await namesOf(trx, [actor.id, ...version.decisions.map((decision) => decision.decidedBy)]);
    const year = now.getUTCFullYear();
    const issued = issueQuote(
      offer,
      quotable.value,
      {
        id: context.newId('quote'),
        number: formatQuoteNumber(year, await drawQuoteSequence(trx, year)),
        dealName: deal.name,
        seller: { name: context.playbook.company, details: [] },
        customer: await customerOf(trx, deal, version),
        issuedBy: { id: actor.id, name: names.get(actor.id) ?? actor.id },
        names,
      },
      now,
    );
    const { quote } = issued;
    const pdf = await renderQuotePdf(quote);
    const record: QuoteRecord = {
      id: quote.id,
      number: quote.number,
      offerId: quote.offerId,
      versionNumber: quote.versionNumber,
      opportunityId: quote.opportunityId,
      optionName: quote.option.name,
      currency: quote.currency,
      tcvMinor: quote.totals.tcvMinor,
      validUntil: quote.validUntil,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      byteSize: pdf.byteLength,
      createdBy: actor.id,
      createdAt: now,
    };
    await saveOffer(trx, issued.offer, offer);
    await insertQuote(trx, { ...record, pdf });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: deal.id,
      action: 'opportunity.offer_quoted',
      before: offerSummary(offer),
      after: {
        ...offerSummary(issued.offer),
        quoteId: record.id,
        quoteNumber: record.number,
        option: record.optionName,
        sha256: record.sha256,
      },
    });
    return ok({ ...record, createdByName: quote.issuedBy.name, offerVersion: issued.offer.version });
  });
}
