import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../support/test-api.js';
import type { FuzzCallers } from './fuzz-callers.js';
import { caseArbitrary } from './fuzz-cases.js';
import { describeFinding, type Finding, FuzzTally, faultsOf, misplacedFaults } from './fuzz-report.js';
import { collectionOf, type KnownValuePools } from './known-values.js';
import { type OpenApiDocument, type Operation, operationsOf } from './operations.js';
import { seedFuzzData } from './seed-fuzz-data.js';
import { requestOf } from './send-case.js';

/**
 * Requests for every operation of the server's own OpenAPI document, generated from its schemas with a
 * fixed seed: valid ones, values at and past every limit, wrong types, odd text, bad ids and cursors, odd
 * bodies and queries, from signed-in and anonymous callers. No answer may be a 5xx; every 4xx is
 * problem+json with a code; every validation failure names its fields. FUZZ_CASES sets the cases per
 * operation (100 in `npm test`; `npm run fuzz` runs 2000), FUZZ_SEED the seed.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

let api: TestApi;
let operations: Operation[];
let callers: FuzzCallers;
let pools: KnownValuePools;

beforeAll(async () => {
  api = await openTestApi();
  operations = operationsOf(api.app.swagger() as unknown as OpenApiDocument);
  ({ callers, pools } = await seedFuzzData(api.app, operations));
});
afterAll(() => api?.close());

/** A seed per operation, so adding one operation leaves every other's cases as they were. */
const seedOf = (label: string) =>
  [...label].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);

describe('the OpenAPI fuzz', () => {
  const title = `answers ${CASES} generated cases per operation with no 5xx, and every 4xx as a problem`;
  it(title, { timeout: 60_000 + CASES * 2_000 }, async () => {
    const tally = new FuzzTally();
    const findings: Finding[] = [];
    const started = performance.now();
    for (const operation of operations) {
      const cases = fc.sample(caseArbitrary(operation, pools), {
        seed: seedOf(operation.label),
        numRuns: CASES,
      });
      for (const fuzzCase of cases) {
        const request = requestOf(
          operation,
          fuzzCase,
          callers.headersOf(fuzzCase.caller, fuzzCase.callerPick),
        );
        const response = await api.app.inject(request);
        tally.count(operation.label, fuzzCase, response);
        const faults = [...faultsOf(response), ...misplacedFaults(fuzzCase, response)];
        if (response.statusCode < 300) pools.harvestAnswer(response, collectionOf(operation.pathTemplate));
        if (faults.length > 0) {
          findings.push({
            operation: operation.label,
            kind: fuzzCase.kind,
            caller: fuzzCase.caller,
            request,
            status: response.statusCode,
            body: response.body,
            faults,
          });
        }
        if (response.statusCode === 401 && callers.signedIn(fuzzCase.caller))
          await callers.renew(fuzzCase.caller);
      }
    }
    console.log(
      `${tally.table()}\n(${Math.round((performance.now() - started) / 1000)} s for the cases; seed ${SEED}; ` +
        `${callers.renewals} sign-ins renewed after a case ended a session)`,
    );
    if (findings.length > 0) console.log(findings.slice(0, 40).map(describeFinding).join('\n\n'));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(tally.casesOf(operation.label)).toBe(CASES);
    expect(findings.map((finding) => `${finding.operation}: ${finding.faults.join('; ')}`)).toEqual([]);
  });
});
