import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { offerTermsInput } from '../../app/closing/offer-inputs.js';
import { reviseOffer } from '../../app/closing/revise-offer.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { DEAL_SIDE, OFFER_CHANGE_NOTES, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const reviseOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/versions',
    {
      schema: {
        operationId: 'reviseOffer',
        tags: ['closing'],
        summary: 'Revise an offer: a new draft version with these terms',
        description:
          'The version it replaces is superseded, and its approvals with it. Refused while in approval ' +
          `(\`offer_locked\`), once quoted (\`offer_in_closing\`) and when nothing changes (\`no_change\`). ${DEAL_SIDE} ` +
          OFFER_CHANGE_NOTES,
        params: idParams,
        headers: ifMatchHeaders,
        body: offerTermsInput,
        response: { 201: offerViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { context, actor, params, body } = request;
      const result = await reviseOffer(context, actor, params.id, body, expectedVersionFrom(request));
      return sendOfferView(reply, result, 201);
    },
  );
};
