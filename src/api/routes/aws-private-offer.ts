import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createAwsPrivateOffer } from '../../app/closing/create-aws-private-offer.js';
import { releaseAwsPrivateOffer } from '../../app/closing/release-aws-private-offer.js';
import { etagFor, expectedVersionFrom } from '../concurrency.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { awsOfferStepSchema } from '../schemas/closing-step-schemas.js';
import { idempotencyHeaders, idParams, ifMatchHeaders } from '../schemas/record-schemas.js';

const headers = idempotencyHeaders.extend(ifMatchHeaders.shape);
const responses = { 201: awsOfferStepSchema, ...problemResponses(400, 403, 404, 409, 412, 503) };

export const createAwsPrivateOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/aws-offer',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createAwsPrivateOffer',
        tags: ['closing'],
        summary: 'Create the AWS Marketplace private offer of the chosen option (VP Finance)',
        description:
          "For the buyer's AWS account recorded on the account, accepted by its contact marked as the AWS admin " +
          '(not the DocuSign signer): StartChangeSet with the offer terms, TCV, term and payment schedule; the ' +
          "version's private offer becomes `created`. 403 for anyone but Finance; 409 without a choice, an AWS " +
          'account id or an AWS admin, or when the version has its private offer already; 503 when AWS ' +
          'Marketplace is not configured or not reachable.',
        params: idParams,
        headers,
        response: responses,
      },
    },
    async (request, reply) => {
      const made = unwrap(
        await createAwsPrivateOffer(
          request.context,
          request.actor,
          request.params.id,
          expectedVersionFrom(request),
        ),
      );
      reply.code(201).header('etag', etagFor(made.offerVersion));
      return made;
    },
  );
};

export const releaseAwsPrivateOfferRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/offers/:id/aws-offer/release',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'releaseAwsPrivateOffer',
        tags: ['closing'],
        summary: 'Release the created AWS private offer to the buyer (VP Finance)',
        description:
          "StartChangeSet releasing the Marketplace offer; the version's private offer becomes `released` and " +
          "the buyer's AWS admin may accept it (the agreement event is the offer-acceptance evidence). 409 " +
          'before it is created or while AWS still applies the create change set.',
        params: idParams,
        headers,
        response: responses,
      },
    },
    async (request, reply) => {
      const made = unwrap(
        await releaseAwsPrivateOffer(
          request.context,
          request.actor,
          request.params.id,
          expectedVersionFrom(request),
        ),
      );
      reply.code(201).header('etag', etagFor(made.offerVersion));
      return made;
    },
  );
};
