import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { draftOffer } from '../../app/closing/draft-offer.js';
import { offerTermsInput } from '../../app/closing/offer-inputs.js';
import { problemResponses } from '../errors/problem.js';
import { DEAL_SIDE, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idempotencyHeaders, idParams } from '../schemas/record-schemas.js';

export const draftOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/opportunities/:id/offers',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'draftOffer',
        tags: ['closing'],
        summary: 'Draft an offer on a deal: version 1, with its pricing options',
        description:
          "From the stage the playbook's `closing.offersFrom` names on (409 with `refusal: stage_too_early` before it). " +
          'Each option gives its term, price and list price per year and payment schedule; TCV and discount are ' +
          `derived. ${DEAL_SIDE}`,
        params: idParams,
        headers: idempotencyHeaders,
        body: offerTermsInput,
        response: { 201: offerViewSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await draftOffer(request.context, request.actor, request.params.id, request.body);
      if (result.ok) reply.header('location', `/api/v1/offers/${result.value.id}`);
      return sendOfferView(reply, result, 201);
    },
  );
};
