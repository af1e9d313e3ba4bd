import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { generateQuote } from '../../app/closing/generate-quote.js';
import { generateQuoteInput } from '../../app/closing/offer-inputs.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { quoteBody, quoteGeneratedSchema } from '../schemas/quote-schemas.js';
import { idempotencyHeaders, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const generateQuoteRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/quotes',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'generateQuote',
        tags: ['closing'],
        summary: 'Generate the quote PDF of the option the customer chose (VP Finance)',
        description:
          'From the current version once its option is chosen (or again while quoted: a new quote with a new ' +
          'number; the old one stays). The PDF is stored immutably with its SHA-256; the version becomes ' +
          '`quoted`. 403 for anyone but Finance, 409 when the version has no choice, is expired or the deal is ' +
          "closed. If-Match (optional) is the offer's version; the answer carries its new one.",
        params: idParams,
        headers: idempotencyHeaders.extend(ifMatchHeaders.shape),
        body: generateQuoteInput,
        response: { 201: quoteGeneratedSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const generated = unwrap(
        await generateQuote(
          request.context,
          request.actor,
          request.params.id,
          request.body,
          expectedVersionFrom(request),
        ),
      );
      const { offerVersion, ...quote } = generated;
      const body = { quote: quoteBody(quote), offerVersion };
      reply.code(201).header('etag', etagFor(offerVersion)).header('location', body.quote.downloadUrl);
      return body;
    },
  );
};
