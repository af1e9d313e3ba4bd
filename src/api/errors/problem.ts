import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppErrorCode } from '../../app/app-error.js';
import { OFFER_REFUSAL_KINDS, type OfferRefusalCode } from '../../domain/closing/offer-refusal.js';
import { coverageReportSchema } from '../schemas/coverage-schema.js';
import { missingRequirementSchema } from '../schemas/missing-requirement-schema.js';

/**
 * The one error shape of the API: RFC 9457 problem details, sent as `application/problem+json`.
 * `code` is machine-readable and stable; `title` is the same for every problem of a code.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem codes that come from HTTP itself rather than from a use case. */
export type HttpProblemCode =
  | 'malformed_request'
  | 'bad_request'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'unsupported_media_type'
  | 'idempotency_key_reused'
  | 'unauthorized'
  | 'csrf_failed'
  | 'rate_limited'
  | 'server_busy'
  | 'internal_error';
export type ProblemCode = AppErrorCode | HttpProblemCode;

export const PROBLEM_TITLES = {
  not_found: 'Not found',
  validation_failed: 'The request is not valid',
  precondition_failed: 'The record changed since you read it',
  conflict: 'Conflict',
  forbidden: 'Forbidden',
  unknown_stage: 'Unknown stage',
  illegal_transition: 'This stage change is not allowed',
  override_not_allowed: 'You may not override a stage gate',
  gate_blocked: 'The stage gate is not met',
  type_not_for_customer: 'This deal type does not suit the customer',
  integration_not_configured: 'The integration is not configured on this server',
  integration_refused: 'The vendor refused the request',
  integration_unavailable: 'The vendor is not reachable; retry later',
  territory_model_invalid: 'The territory model is not valid',
  activation_refused: 'The territory model may not be activated',
  territory_rule: 'The territory model does not allow this',
  rate_missing: 'A currency has no rate to the company currency',
  malformed_request: 'The request could not be read',
  bad_request: 'Bad request',
  payload_too_large: 'The request body is too large',
  headers_too_large: 'The request headers are too large',
  unsupported_media_type: 'Unsupported media type',
  idempotency_key_reused: 'This Idempotency-Key was used for another request',
  unauthorized: 'Sign in first',
  csrf_failed: 'The request did not prove it comes from this site',
  rate_limited: 'Too many requests',
  server_busy: 'The server is busy',
  internal_error: 'Internal server error',
} as const satisfies Record<ProblemCode, string>;

/** The status of each problem that comes from HTTP itself (use-case codes: APP_ERROR_STATUS). */
export const HTTP_PROBLEM_STATUS = {
  malformed_request: 400,
  bad_request: 400,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unauthorized: 401,
  csrf_failed: 403,
  rate_limited: 429,
  server_busy: 503,
  internal_error: 500,
} as const satisfies Record<HttpProblemCode, number>;

const PROBLEM_CODES = Object.keys(PROBLEM_TITLES) as [ProblemCode, ...ProblemCode[]];

/** Problem types are URNs: stable identifiers, not links (nothing to fetch). */
export const problemTypeFor = (code: ProblemCode): string => `urn:closepath:problem:${code}`;

const REFUSAL_CODES = Object.keys(OFFER_REFUSAL_KINDS) as [OfferRefusalCode, ...OfferRefusalCode[]];

export const refusalSchema = z
  .object({
    code: z.enum(REFUSAL_CODES).describe('The rule that refused, finer than the problem `code`'),
    message: z.string().describe('What is wrong and what is missing, for a person'),
  })
  .meta({
    id: 'Refusal',
    description:
      'Why a business rule refused the change (offers and approvals: self_approval, step_out_of_order, offer_locked, …)',
  });

export const fieldErrorSchema = z
  .object({
    path: z.string().describe('Where the field is, dotted: body.amountMinor, query.limit, headers.if-match'),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES),
    instance: z.string().optional().describe('The request path'),
    requestId: z.string().describe('Also in the x-request-id header; quote it when reporting a problem'),
    errors: z.array(fieldErrorSchema).optional().describe('validation_failed: every invalid field'),
    missing: z.array(missingRequirementSchema).optional().describe('gate_blocked: every unmet requirement'),
    currentVersion: z.number().int().optional().describe('precondition_failed: the version now stored'),
    refusal: refusalSchema
      .optional()
      .describe('validation_failed, conflict, forbidden: the business rule that refused, where one did'),
    reachable: z
      .object({ stage: z.string(), name: z.string() })
      .nullable()
      .optional()
      .describe('gate_blocked: the furthest stage the deal could move to now (null: none)'),
    customerClass: z
      .object({ key: z.string(), name: z.string() })
      .optional()
      .describe("type_not_for_customer: the account's customer class today"),
    allowedTypes: z
      .array(z.object({ key: z.string(), name: z.string() }))
      .optional()
      .describe('type_not_for_customer: the opportunity types that suit this account'),
    integration: z
      .string()
      .optional()
      .describe('integration_*: the vendor integration (docusign, aws_marketplace)'),
    variables: z
      .array(z.string())
      .optional()
      .describe('integration_not_configured: the environment variables to set'),
    vendorCode: z.string().optional().describe("integration_refused: the vendor's error code"),
    problems: z
      .array(
        z.object({
          path: z.string().describe('Where in the model, dotted: territories[2].rules[0].subdivisions[1]'),
          message: z.string(),
          line: z.number().int().optional().describe('The line in the imported file, when known'),
        }),
      )
      .optional()
      .describe('territory_model_invalid: every problem of the file or model'),
    currencies: z.array(z.string()).optional().describe('rate_missing: the currencies the rates table lacks'),
    refusals: z
      .array(z.string())
      .optional()
      .describe('activation_refused: why not, in words (gaps, overlaps, people)'),
    coverage: coverageReportSchema.optional().describe('activation_refused: the coverage proof'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemExtras = Pick<
  Problem,
  | 'errors'
  | 'missing'
  | 'reachable'
  | 'currentVersion'
  | 'customerClass'
  | 'allowedTypes'
  | 'refusal'
  | 'integration'
  | 'variables'
  | 'vendorCode'
  | 'problems'
  | 'refusals'
  | 'currencies'
  | 'coverage'
>;

/** A problem for this request: type, title, instance and request id filled in. */
export function buildProblem(
  request: FastifyRequest,
  code: ProblemCode,
  status: number,
  detail: string,
  extras: ProblemExtras = {},
): Problem {
  return {
    type: problemTypeFor(code),
    title: PROBLEM_TITLES[code],
    status,
    detail,
    code,
    instance: request.url.split('?', 1)[0],
    requestId: request.id,
    ...extras,
    ...(extras.errors && { errors: distinctErrors(extras.errors) }),
  };
}

/** Each field error once: two checks that find the same fault at the same field say it once. */
export function distinctErrors<T extends { path: string; message: string }>(errors: readonly T[]): T[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Answers an HTTP-level problem with its status from HTTP_PROBLEM_STATUS. */
export function sendHttpProblem(reply: FastifyReply, code: HttpProblemCode, detail: string): FastifyReply {
  return sendProblem(reply, buildProblem(reply.request, code, HTTP_PROBLEM_STATUS[code], detail));
}

/** Sends a problem pre-serialized, so no route response schema can reshape or reject it. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export type ProblemStatus = number | '4xx' | '5xx' | 'default';

/** OpenAPI response entries for the problems a route can answer: `...problemResponses(400, 404, 412)`. */
export function problemResponses<const S extends ProblemStatus>(...statuses: S[]) {
  const content = { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: 'Problem details (RFC 9457)', content }]),
  ) as Record<S, { description: string; content: typeof content }>;
}
