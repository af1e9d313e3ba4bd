import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * The Catalog API requests the fake checks, as the AWS Marketplace API Reference documents them
 * (StartChangeSet: Catalog, ChangeSet[] of ChangeType, Entity, Details or DetailsDocument, ClientRequestToken).
 */
const change = z
  .object({
    ChangeType: z.enum([
      'CreateOffer',
      'UpdateInformation',
      'UpdateTargeting',
      'UpdatePricingTerms',
      'UpdatePaymentScheduleTerms',
      'UpdateLegalTerms',
      'UpdateValidityTerms',
      'UpdateAvailability',
      'ReleaseOffer',
    ]),
    ChangeName: z
      .string()
      .regex(/^[A-Za-z0-9_]+$/)
      .max(100)
      .optional(),
    Entity: z.object({ Type: z.literal('Offer@1.0'), Identifier: z.string().min(1).max(255).optional() }),
    Details: z.string().optional(),
    DetailsDocument: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((item) => (item.Details === undefined) !== (item.DetailsDocument === undefined), {
    message: 'exactly one of Details and DetailsDocument',
  })
  .refine((item) => item.ChangeType === 'CreateOffer' || item.Entity.Identifier !== undefined, {
    message: 'every change but CreateOffer names its entity',
  });

export const startChangeSetShape = z.object({
  Catalog: z.literal('AWSMarketplace'),
  ChangeSet: z.array(change).min(1).max(20),
  ChangeSetName: z.string().max(100).optional(),
  ClientRequestToken: z.string().regex(/^[!-~]{1,36}$/),
});
export type StartChangeSetRequest = z.infer<typeof startChangeSetShape>;

/** SigV4 as the SDK signs for the Catalog API (signing name aws-marketplace). */
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/\d{8}\/[a-z0-9-]+\/aws-marketplace\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

export interface FakeMarketplace {
  endpoint: string;
  startRequests: StartChangeSetRequest[];
  /** Answers the next StartChangeSet with this AWS error (restJson: x-amzn-errortype + message). */
  failNext(error: { status: number; type: string; message: string }): void;
  close(): Promise<void>;
}

const awsError = (reply: FastifyReply, status: number, type: string, message: string) =>
  reply.code(status).header('x-amzn-errortype', type).send({ message });

/** A loopback stand-in for the Marketplace Catalog API: StartChangeSet and DescribeChangeSet. */
export async function startFakeMarketplace(): Promise<FakeMarketplace> {
  const app = Fastify();
  const startRequests: StartChangeSetRequest[] = [];
  const changeSets = new Map<string, { request: StartChangeSetRequest; offerId: string }>();
  const byToken = new Map<string, string>();
  let nextFailure: { status: number; type: string; message: string } | null = null;

  app.addHook('onRequest', async (request, reply) => {
    if (!SIGV4.test(request.headers.authorization ?? ''))
      return awsError(reply, 403, 'UnrecognizedClientException', 'The request is not signed with SigV4.');
  });

  app.post('/StartChangeSet', async (request, reply) => {
    const parsed = startChangeSetShape.safeParse(request.body);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return awsError(reply, 422, 'ValidationException', message);
    }
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = null;
      return awsError(reply, failure.status, failure.type, failure.message);
    }
    startRequests.push(parsed.data);
    const known = byToken.get(parsed.data.ClientRequestToken);
    const id = known ?? randomUUID().replace(/-/g, '').slice(0, 25);
    if (!known) {
      const offerId = parsed.data.ChangeSet[0]?.Entity.Identifier ?? `offer-${id.slice(0, 13)}`;
      changeSets.set(id, { request: parsed.data, offerId });
      byToken.set(parsed.data.ClientRequestToken, id);
    }
    return {
      ChangeSetId: id,
      ChangeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${id}`,
    };
  });

  app.get<{ Querystring: { catalog?: string; changeSetId?: string } }>(
    '/DescribeChangeSet',
    async (request, reply) => {
      const found = changeSets.get(request.query.changeSetId ?? '');
      if (request.query.catalog !== 'AWSMarketplace' || !found)
        return awsError(reply, 404, 'ResourceNotFoundException', 'The change set does not exist.');
      return {
        ChangeSetId: request.query.changeSetId,
        Status: 'SUCCEEDED',
        ChangeSet: found.request.ChangeSet.map((item) => ({
          ChangeType: item.ChangeType,
          Entity: { Type: 'Offer@1.0', Identifier: `${found.offerId}@1` },
          ErrorDetailList: [],
        })),
      };
    },
  );

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    startRequests,
    failNext: (error) => {
      nextFailure = error;
    },
    close: () => app.close(),
  };
}
