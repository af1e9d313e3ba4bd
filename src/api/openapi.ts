import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { pruneUnusedComponents } from './openapi-components.js';
import { spellOutEnumRecords } from './openapi-records.js';
import { withShellProblems } from './openapi-shell-problems.js';
import { DOCS_PREFIX } from './security-headers.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/** Tags group the docs; add one here with each new resource. */
const TAGS = [
  { name: 'playbook', description: 'The selling playbook in force: pipelines, stages, criteria' },
  {
    name: 'opportunities',
    description:
      'Deals: fields, qualification (the playbook framework, criteria), gated stage changes, history',
  },
  {
    name: 'poc',
    description:
      'The POC method: plan, sessions, success criteria, benchmarks, TCO, sign-off, readout; win milestones',
  },
  {
    name: 'closing',
    description:
      "The closing flow: offers on deals (versions, pricing options), approvals bound to a version, presentation, the customer's choice, the quote of the chosen option (PDF); the approvals inbox",
  },
  {
    name: 'forecast',
    description:
      "The forecast roll-up by period and category, the rates to the company currency, quotas, the AEs' submissions and RVPs' adjustments; snapshots of the open pipeline, what changed between two dates, the funnel; revenue: bookings by category and GRR / NRR",
  },
  { name: 'accounts', description: 'Companies with their geography, segment and contacts' },
  {
    name: 'exports',
    description: 'Data out: CSV of accounts, opportunities and stage history (what the caller may read)',
  },
  {
    name: 'imports',
    description:
      'Data in: Salesforce data-export CSVs with a mapping file (dry run, all-or-nothing or good rows only), runs with progress and errors by line',
  },
  {
    name: 'territories',
    description:
      'The territory model: versions (draft, active, archived), the coverage proof, routing, the reassignment preview and activation',
  },
  {
    name: 'activities',
    description:
      'Calls, meetings, emails and notes on deals and accounts; conversation criteria derive from them',
  },
  {
    name: 'auth',
    description:
      'Sign-in: a session cookie plus `x-csrf-token` on changes (browsers), or `Authorization: Bearer` API tokens',
  },
  { name: 'users', description: 'The people of the org: roles, regions, managers (admins change them)' },
  { name: 'tokens', description: 'API tokens for integrations (admins)' },
  { name: 'audit', description: 'The append-only audit log (admins)' },
  {
    name: 'integrations',
    description:
      "Vendors' machines calling in: DocuSign Connect (HMAC-signed) and AWS Marketplace events (EventBridge)",
  },
  {
    name: 'webhooks',
    description:
      'Outbound webhooks from the outbox: subscriptions, Standard Webhooks signatures, the delivery log, replays',
  },
];

/**
 * OpenAPI 3.1 generated from the routes' zod schemas. Schemas given an id with `.meta({ id })` become
 * components (`Foo` in responses, `FooInput` in request bodies); the rest are inlined.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Closepath API',
        version: '1',
        description:
          'The sales-process engine: every deal run, gated, scored and forecast against the playbook. ' +
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'The Closepath server that serves this document' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'closepath_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token: cpt_…' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: (input) =>
      jsonSchemaTransform({ ...input, schema: withShellProblems(input.schema, input.route) }),
    transformObject: (document) =>
      pruneUnusedComponents(spellOutEnumRecords(jsonSchemaTransformObject(document))),
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
}
