import type { FastifyReply } from 'fastify';
import type { AppError } from '../app/app-error.js';
import type { OfferView } from '../app/closing/offer-view.js';
import type { Result } from '../domain/result.js';
import { etagFor } from './concurrency.js';
import { unwrap } from './errors/unwrap.js';

/** Answers an offer read or change with the offer view and its ETag (the offer's own concurrency version). */
export function sendOfferView(reply: FastifyReply, result: Result<OfferView, AppError>, status = 200) {
  const view = unwrap(result);
  reply.header('etag', etagFor(view.version));
  return reply.code(status).send(view);
}

/** Who may call the deal side of an offer (drafting, editing, submitting, presenting, recording the choice). */
export const DEAL_SIDE =
  'Who may: whoever may edit the deal (its owning AE, their RVP in the region, RevOps), as a signed-in person.';

/** What an offer change answers, and how If-Match applies. */
export const OFFER_CHANGE_NOTES =
  'If-Match (optional) is the offer ETag you read; a stale one answers 412. A refused change answers 400, 403 ' +
  'or 409 with `refusal` (the rule and its sentence) and changes nothing. The answer is the offer with its new ETag.';
