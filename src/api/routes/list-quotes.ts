import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listQuotes } from '../../app/closing/list-quotes.js';
import { listQuotesQuery } from '../../app/closing/offer-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { quoteBody, quoteListSchema } from '../schemas/quote-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const listQuotesRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/quotes',
    {
      schema: {
        operationId: 'listQuotes',
        tags: ['closing'],
        summary: "List a deal's quotes, newest first",
        description:
          'Number, hash, size, who made it and when, and where to download it; `offerId` narrows it.',
        params: idParams,
        querystring: listQuotesQuery,
        response: { 200: quoteListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const quotes = unwrap(
        await listQuotes(request.context, request.actor, request.params.id, request.query),
      );
      return { items: quotes.map(quoteBody) };
    },
  );
};
