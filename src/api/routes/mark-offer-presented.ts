import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markOfferPresented } from '../../app/closing/mark-offer-presented.js';
import { presentOfferInput } from '../../app/closing/offer-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { DEAL_SIDE, OFFER_CHANGE_NOTES, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const markOfferPresentedRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/presented',
    {
      schema: {
        operationId: 'markOfferPresented',
        tags: ['closing'],
        summary: 'Record that the customer was shown the approved version',
        description:
          'Internal approval comes before the customer: only a fully approved, unexpired version is presented ' +
          `(409 \`not_fully_approved\`, \`offer_expired\` otherwise). ${DEAL_SIDE} ${OFFER_CHANGE_NOTES}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: presentOfferInput,
        response: { 200: offerViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { context, actor, params, body } = request;
      const result = await markOfferPresented(context, actor, params.id, body, expectedVersionFrom(request));
      return sendOfferView(reply, result);
    },
  );
};
