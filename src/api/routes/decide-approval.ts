import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideApproval } from '../../app/closing/decide-approval.js';
import { approvalDecisionInput } from '../../app/closing/offer-inputs.js';
import { expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { OFFER_CHANGE_NOTES, sendOfferView } from '../offer-reply.js';
import { offerViewSchema } from '../schemas/offer-schemas.js';
import { idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

export const decideApprovalRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/decisions',
    {
      schema: {
        operationId: 'decideApproval',
        tags: ['closing'],
        summary: 'Approve or reject the step waiting on an offer version',
        description:
          'The decision names the version read (`versionNumber`: approvals bind to it) and optionally the `step` ' +
          'meant; a rejection needs a `comment` and returns the offer to a new draft version. Who may: a holder of ' +
          "the waiting step's role (of the deal's region where regional) other than the version's author, the deal's " +
          'owner and whoever decided an earlier step; refused with `self_approval`, `not_an_approver` (403), ' +
          `\`step_out_of_order\`, \`version_not_current\` (409). ${OFFER_CHANGE_NOTES}`,
        params: idParams,
        headers: ifMatchHeaders,
        body: approvalDecisionInput,
        response: { 200: offerViewSchema, ...problemResponses(400, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { context, actor, params, body } = request;
      const result = await decideApproval(context, actor, params.id, body, expectedVersionFrom(request));
      return sendOfferView(reply, result);
    },
  );
};
