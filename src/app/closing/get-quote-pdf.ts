import { findQuote, type StoredQuote } from '../../db/repositories/quotes-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { dealOfQuotes } from './quote-access.js';

/** One quote's PDF with its stored hash; whoever may see the deal may download it (404 otherwise). */
export async function getQuotePdf(
  context: AppContext,
  actor: Actor,
  quoteId: string,
): Promise<Result<StoredQuote, AppError>> {
  const quote = await findQuote(context.db, quoteId);
  if (!quote) return err(notFound('Quote', quoteId));
  const scope = { offerId: quote.offerId, what: 'Quote', id: quoteId };
  const deal = await dealOfQuotes(context.db, actor, quote.opportunityId, scope);
  return deal.ok ? ok(quote) : deal;
}
