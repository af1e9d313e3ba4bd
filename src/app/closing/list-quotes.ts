import { type ListedQuote, listQuotes as listStoredQuotes } from '../../db/repositories/quotes-repo.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import type { ListQuotesQuery } from './offer-inputs.js';
import { dealOfQuotes } from './quote-access.js';

/** The quotes of a deal (or of one of its offers), newest first: number, hash, size, who and when. */
export async function listQuotes(
  context: AppContext,
  actor: Actor,
  opportunityId: string,
  query: ListQuotesQuery = {},
): Promise<Result<ListedQuote[], AppError>> {
  const scope = { offerId: query.offerId, what: 'Opportunity', id: opportunityId };
  const deal = await dealOfQuotes(context.db, actor, opportunityId, scope);
  if (!deal.ok) return deal;
  return ok(await listStoredQuotes(context.db, { opportunityId, offerId: query.offerId }));
}
