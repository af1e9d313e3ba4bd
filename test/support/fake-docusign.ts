import { createPublicKey, randomUUID, verify } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
import { type EnvelopeRequest, envelopeDefinitionShape, tokenRequestShape } from './fake-docusign-shapes.js';
import { makeTestCertificate, type TestCertificate, trustInThisProcess } from './fake-tls.js';

export interface FakeDocusignOptions {
  accountId: string;
  integrationKey: string;
  userId: string;
  /** The integration key's public key: the JWT assertions must verify with it. */
  publicKeyPem: string;
}

export interface DocusignError {
  status: number;
  errorCode: string;
  message: string;
}

export interface FakeDocusign {
  basePath: string;
  oauthHost: string;
  /** The fake's throwaway certificate (PEM): another process trusts it through NODE_EXTRA_CA_CERTS. */
  certificatePem: string;
  tokenRequests: Array<{ claims: Record<string, unknown> }>;
  envelopeRequests: Array<{ authorization: string | undefined; body: EnvelopeRequest }>;
  /** Answers the next envelope request with this DocuSign error instead. */
  failNextEnvelope(error: DocusignError): void;
  close(): Promise<void>;
}

const base64url = (part: string) => Buffer.from(part, 'base64url');
const decodeJson = (part: string): Record<string, unknown> => JSON.parse(base64url(part).toString('utf8'));

/** Why a JWT-bearer assertion is not one DocuSign accepts (RS256, iss/sub/aud/scope, time), or null. */
function assertionProblem(assertion: string, options: FakeDocusignOptions, audience: string): string | null {
  const [header = '', payload = '', signature = ''] = assertion.split('.');
  const head = decodeJson(header);
  if (head.alg !== 'RS256') return `alg is ${String(head.alg)}, not RS256`;
  const key = createPublicKey(options.publicKeyPem);
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, base64url(signature)))
    return 'the signature does not verify with the integration key';
  const claims = decodeJson(payload);
  if (claims.iss !== options.integrationKey) return 'iss is not the integration key';
  if (claims.sub !== options.userId) return 'sub is not the user id';
  if (claims.aud !== audience) return `aud is ${String(claims.aud)}, not ${audience}`;
  const scopes = String(claims.scope ?? '').split(' ');
  if (!scopes.includes('signature') || !scopes.includes('impersonation'))
    return 'scope must include signature and impersonation';
  const now = Math.floor(Date.now() / 1000);
  if (
    typeof claims.exp !== 'number' ||
    typeof claims.iat !== 'number' ||
    claims.exp <= now ||
    claims.iat > now + 60
  )
    return 'iat/exp do not make a current assertion';
  return null;
}

const docusignError = (reply: FastifyReply, error: DocusignError) =>
  reply.code(error.status).send({ errorCode: error.errorCode, message: error.message });

/**
 * A loopback stand-in for DocuSign's OAuth host and eSignature REST API (HTTPS: the SDK insists), checking
 * each request against the documented shapes: `POST /oauth/token` (JWT grant) and
 * `POST /restapi/v2.1/accounts/{accountId}/envelopes`. It records what it accepted and answers bad requests
 * the way DocuSign does (OAuth `{ error, error_description }`, REST `{ errorCode, message }`).
 */
export async function startFakeDocusign(options: FakeDocusignOptions): Promise<FakeDocusign> {
  const certificate: TestCertificate = makeTestCertificate();
  trustInThisProcess(certificate);
  const app = Fastify({
    https: { key: certificate.key, cert: certificate.cert },
    bodyLimit: 10 * 1024 * 1024,
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const tokens = new Set<string>();
  let nextFailure: DocusignError | null = null;
  const fake = {
    tokenRequests: [] as FakeDocusign['tokenRequests'],
    envelopeRequests: [] as FakeDocusign['envelopeRequests'],
  };
  let oauthHost = '';

  app.post('/oauth/token', async (request, reply) => {
    const form = tokenRequestShape.safeParse(request.body);
    if (!form.success)
      return reply.code(400).send({ error: 'invalid_request', error_description: form.error.message });
    const problem = assertionProblem(form.data.assertion, options, oauthHost);
    if (problem) return reply.code(400).send({ error: 'invalid_grant', error_description: problem });
    fake.tokenRequests.push({ claims: decodeJson(form.data.assertion.split('.')[1] ?? '') });
    const token = `fake-token-${randomUUID()}`;
    tokens.add(token);
    return { access_token: token, token_type: 'Bearer', expires_in: 3600 };
  });

  app.post<{ Params: { accountId: string } }>(
    '/restapi/v2.1/accounts/:accountId/envelopes',
    async (request, reply) => {
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!bearer || !tokens.has(bearer))
        return docusignError(reply, {
          status: 401,
          errorCode: 'AUTHORIZATION_INVALID_TOKEN',
          message: 'The access token provided is expired, revoked or malformed.',
        });
      if (request.params.accountId !== options.accountId)
        return docusignError(reply, {
          status: 400,
          errorCode: 'INVALID_ACCOUNT_ID',
          message: 'Invalid account ID.',
        });
      const body = envelopeDefinitionShape.safeParse(request.body);
      if (!body.success)
        return docusignError(reply, {
          status: 400,
          errorCode: 'INVALID_REQUEST_BODY',
          message: body.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        });
      if (nextFailure) {
        const failure = nextFailure;
        nextFailure = null;
        return docusignError(reply, failure);
      }
      fake.envelopeRequests.push({ authorization: request.headers.authorization, body: body.data });
      const envelopeId = randomUUID();
      return reply.code(201).send({
        envelopeId,
        status: 'sent',
        statusDateTime: new Date().toISOString(),
        uri: `/envelopes/${envelopeId}`,
      });
    },
  );

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  oauthHost = `127.0.0.1:${port}`;
  return {
    ...fake,
    basePath: `https://127.0.0.1:${port}/restapi`,
    oauthHost,
    certificatePem: certificate.cert,
    failNextEnvelope: (error) => {
      nextFailure = error;
    },
    close: () => app.close(),
  };
}
