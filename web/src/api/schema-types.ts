import type { components, operations } from './openapi';

/**
 * The API's types, generated from its OpenAPI document into ./openapi.d.ts (`npm run api:types`; a test fails
 * when that file is stale). Alias these instead of writing the shapes again.
 */
export type Schemas = components['schemas'];

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON an operation answers with: `ResponseOf<'getPocPlan'>` (200), `ResponseOf<'createOpportunity', 201>`. */
export type ResponseOf<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]['responses'] = 200 & keyof operations[Operation]['responses'],
> = JsonOf<operations[Operation]['responses'][Status]>;

/** The JSON body an operation takes: `RequestBodyOf<'changeStage'>`. */
export type RequestBodyOf<Operation extends keyof operations> = JsonOf<
  NonNullable<operations[Operation]['requestBody']>
>;
