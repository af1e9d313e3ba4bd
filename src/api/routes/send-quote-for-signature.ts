import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendForSignatureInput } from '../../app/closing/offer-inputs.js';
import { sendQuoteForSignature } from '../../app/closing/send-quote-for-signature.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { sentForSignatureSchema } from '../schemas/closing-step-schemas.js';
import { idempotencyHeaders, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const sendQuoteForSignatureRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/signature',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'sendQuoteForSignature',
        tags: ['closing'],
        summary: 'Send the quote for signature through DocuSign (VP Finance)',
        description:
          "The latest quote of the current, quoted version goes to the account's contact marked as the DocuSign " +
          'signer, in an envelope whose Connect events come back to Closepath; the version becomes ' +
          '`sent_for_signature` with the envelope id. 403 for anyone but Finance; 409 when the version is not ' +
          'quoted, the quote is not its latest, the account has no signer, or DocuSign refused; 503 when ' +
          "DocuSign is not configured (the variables to set) or not reachable. If-Match (optional) is the offer's " +
          'version; the answer carries its new one.',
        params: idParams,
        headers: idempotencyHeaders.extend(ifMatchHeaders.shape),
        body: sendForSignatureInput,
        response: { 201: sentForSignatureSchema, ...problemResponses(400, 403, 404, 409, 412, 503) },
      },
    },
    async (request, reply) => {
      const sent = unwrap(
        await sendQuoteForSignature(
          request.context,
          request.actor,
          request.params.id,
          request.body.quoteId,
          expectedVersionFrom(request),
        ),
      );
      reply.code(201).header('etag', etagFor(sent.offerVersion));
      return sent;
    },
  );
};
