import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getOffer } from '../../app/closing/get-offer.js';
import { problemResponses } from '../errors/problem.js';
import { sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams } from '../schemas/record-schemas.js';

export const getOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/offers/:id',
    {
      schema: {
        operationId: 'getOffer',
        tags: ['closing'],
        summary: 'Read an offer with its versions, approvals and who acts next',
        description:
          'The ETag is the offer version: send it as If-Match with a change. Who may: whoever may read the deal, ' +
          'and the approvers its chain names (a VP Finance, the RVP of the deal’s region); 404 for anyone else.',
        params: idParams,
        response: { 200: offerViewSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) =>
      sendOfferView(reply, await getOffer(request.context, request.actor, request.params.id)),
  );
};
