import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { submitOfferForApproval } from '../../app/closing/submit-offer-for-approval.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { DEAL_SIDE, OFFER_CHANGE_NOTES, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const submitOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/submit',
    {
      schema: {
        operationId: 'submitOffer',
        tags: ['closing'],
        summary: 'Submit the current draft for approval',
        description:
          'Resolves the approval chain of the playbook for this version (the RVP of the deal’s region, VP Finance, ' +
          `steps whose threshold an option is above) and locks the version until it is approved or rejected. ${DEAL_SIDE} ` +
          OFFER_CHANGE_NOTES,
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: offerViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { context, actor, params } = request;
      return sendOfferView(
        reply,
        await submitOfferForApproval(context, actor, params.id, expectedVersionFrom(request)),
      );
    },
  );
};
