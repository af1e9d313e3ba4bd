import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chooseOfferOption } from '../../app/closing/choose-offer-option.js';
import { chooseOptionInput } from '../../app/closing/offer-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { DEAL_SIDE, OFFER_CHANGE_NOTES, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const chooseOfferOptionRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/choice',
    {
      schema: {
        operationId: 'chooseOfferOption',
        tags: ['closing'],
        summary: 'Record the option the customer chose on the presented version',
        description:
          "The option by name, the customer's contact who confirmed it (a contact of the deal's account) and when " +
          '(between the presentation and now). It may be recorded again until a quote is made; one offer of a deal ' +
          `at most has a chosen option. ${DEAL_SIDE} ${OFFER_CHANGE_NOTES}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: chooseOptionInput,
        response: { 200: offerViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { context, actor, params, body } = request;
      const result = await chooseOfferOption(context, actor, params.id, body, expectedVersionFrom(request));
      return sendOfferView(reply, result);
    },
  );
};
