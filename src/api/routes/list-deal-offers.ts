import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOffersForDeal } from '../../app/closing/list-offers-for-deal.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { offerListSchema } from '../schemas/offer-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const listDealOffersRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/opportunities/:id/offers',
    {
      schema: {
        operationId: 'listDealOffers',
        tags: ['closing'],
        summary: "List a deal's offers, oldest first",
        description:
          'Each offer with its whole version history, the approval chain and who may act next, and what the caller ' +
          'may do with it (`permissions`). Who may: whoever may read the deal (404 otherwise).',
        params: idParams,
        response: { 200: offerListSchema, ...problemResponses(404) },
      },
    },
    async (request) => ({
      items: unwrap(await listOffersForDeal(request.context, request.actor, request.params.id)),
    }),
  );
};
