import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgreementKind,
  agree,
  initialModel,
  initialReal,
  type Model,
  type Real,
} from '../../../test/support/closing-flow-model.js';
import {
  advance,
  agreement,
  approve,
  choose,
  connect,
  createAws,
  draft,
  type Op,
  present,
  quote,
  reject,
  releaseAws,
  revise,
  send,
  submit,
  type Target,
} from '../../../test/support/closing-flow-steps.js';
import { ENVELOPE_EVENTS } from './envelope-status.js';

/**
 * Issue 12's closing flow as a state machine (decisions 013, 014, 016): random interleavings of edits,
 * approvals, the presentation and the choice, quotes, DocuSign envelopes and their Connect events, the AWS
 * private offer and its agreement events — duplicated, out of order, for older versions and other offers —
 * run on the pure domain functions the use cases call, beside an independent model
 * (test/support/closing-flow-model.ts; the commands: closing-flow-steps.ts). After each command they agree (a
 * refusal exactly when the model expects one, and every decision accepted on an open deal refused on a closed
 * one), and the deal closes from the evidence only with a signed quote and an accepted private offer of the
 * approved, presented version's chosen option; once it does, the deal is won and closed. `advance` takes the
 * model's next happy-path step (the noise around it undoes progress), so that a fifth of the runs reach Closed
 * Won. It found a customer's choice changed after the private offer was made of another option (fixed in
 * chooseOfferOption). `MODEL_RUNS=<n>` runs more and prints how many reached Closed Won; `FC_SEED` another seed.
 */
const step = (label: string, op: Op, check: (m: Readonly<Model>) => boolean = (m) => m.version > 0) =>
  ({
    check,
    run: (m: Model, r: Real) => {
      r.minute += 1;
      op(m, r);
      agree(m, r);
    },
    toString: () => label,
  }) satisfies fc.Command<Model, Real>;

const ADVANCE_WEIGHT = 12;
const some = <T>(...values: T[]) => fc.constantFrom(...values);
const boolean = (trueOneIn: number) => fc.nat(trueOneIn - 1).map((n) => n === 0);

/** Each command's arbitrary and its weight: the happy path's `advance` often, the DocuSign events next. */
const COMMANDS: Array<[number, fc.Arbitrary<fc.Command<Model, Real>>]> = [
  [1, fc.constant(step('draft', draft, (m) => m.version === 0))],
  [
    1,
    fc
      .record({ by: some('user_ae', 'user_rvp'), variant: fc.nat(3) })
      .map(({ by, variant }) => step(`revise(${by}, ${variant})`, revise(by, variant))),
  ],
  [1, fc.constant(step('submit', submit))],
  [
    4,
    fc
      .record({
        who: some('right', 'author', 'owner', 'earlier', 'later', 'user_rvp_us', 'user_admin'),
        stepKey: some(undefined, undefined, 'regional_vp', 'finance'),
        stale: boolean(4),
      })
      .map(({ who, stepKey, stale }) =>
        step(`approve(${who}, ${stepKey}, stale ${stale})`, approve(who, stepKey, stale)),
      ),
  ],
  [
    1,
    fc
      .record({
        who: some('right', 'author', 'later', 'user_rvp_us'),
        comment: some(null, '', '  ', 'Too dear'),
      })
      .map(({ who, comment }) => step(`reject(${who}, ${JSON.stringify(comment)})`, reject(who, comment))),
  ],
  [1, boolean(3).map((stale) => step(`present(stale ${stale})`, present(stale)))],
  [
    3,
    fc
      .record({
        option: some('Three years', 'One year', ' one YEAR ', 'Five years'),
        contact: some('con_buyer', 'con_buyer', 'con_stranger'),
        other: boolean(4),
      })
      .map(({ option, contact, other }) =>
        step(`choose(${option}, ${contact}, other ${other})`, choose(option, contact, other)),
      ),
  ],
  [
    2,
    fc
      .record({ by: some('user_fin', 'user_fin_2', 'user_ae', 'user_admin'), stale: boolean(3) })
      .map(({ by, stale }) => step(`quote(${by}, stale ${stale})`, quote(by, stale))),
  ],
  [
    2,
    fc
      .record({
        which: some('latest' as const, 'earlier' as const),
        by: some('user_fin', 'user_fin', 'user_rvp'),
      })
      .map(({ which, by }) => step(`send(${which}, ${by})`, send(which, by), (m) => m.quotes.length > 0)),
  ],
  [
    4,
    fc
      .record({
        target: some<Target>('current', 'current', 'current', 'older', 'foreign'),
        event: some(...ENVELOPE_EVENTS),
        minute: fc.nat(60),
        dup: fc.option(fc.nat(), { freq: 3 }),
        processed: boolean(3).map((stored) => !stored),
      })
      .map(({ target, event, minute, dup, processed }) =>
        step(
          `connect(${target}, ${event}, ${minute}, dup ${dup}, processed ${processed})`,
          connect(target, event, minute, dup, processed),
        ),
      ),
  ],
  [
    1,
    fc
      .record({ by: some('user_fin', 'user_fin', 'user_ae'), named: fc.boolean() })
      .map(({ by, named }) => step(`createAws(${by}, named ${named})`, createAws(by, named))),
  ],
  [1, some('user_fin', 'user_fin', 'user_admin').map((by) => step(`releaseAws(${by})`, releaseAws(by)))],
  [
    3,
    fc
      .record({
        kind: some<AgreementKind>('Created', 'Ended', 'Amended'),
        target: some<Target>('current', 'current', 'older', 'foreign'),
        buyer: boolean(3).map((stranger) => !stranger),
        minute: fc.nat(60),
        dup: boolean(3),
      })
      .map(({ kind, target, buyer, minute, dup }) =>
        step(
          `agreement(${kind}, ${target}, buyer ${buyer}, ${minute}, dup ${dup})`,
          agreement(kind, target, buyer, minute, dup),
        ),
      ),
  ],
  [
    ADVANCE_WEIGHT,
    fc
      .record({
        aws: fc.boolean(),
        approver: fc.oneof(
          { weight: 3, arbitrary: fc.constant('right') },
          { weight: 1, arbitrary: some('author', 'owner', 'earlier', 'later', 'user_rvp_us', 'user_admin') },
        ),
        option: fc.nat(1),
        named: fc.boolean(),
        again: boolean(4),
        event: fc.oneof(
          { weight: 3, arbitrary: fc.constant('envelope-completed' as const) },
          { weight: 2, arbitrary: some(...ENVELOPE_EVENTS) },
        ),
        later: fc.nat(20),
        processed: boolean(4).map((stored) => !stored),
      })
      .map((next) => step(`advance(${JSON.stringify(next)})`, advance(next), () => true)),
  ],
];
const WEIGHTED = COMMANDS.flatMap(([weight, arbitrary]) => Array.from({ length: weight }, () => arbitrary));
const RUNS = Number(process.env.MODEL_RUNS ?? 300);
const MAX_COMMANDS = { maxCommands: 50, size: 'max' } as const;

describe('the closing flow (model-based)', () => {
  it('agrees with its model under any interleaving, and closes only on both evidences of the chosen version', () => {
    let won = 0;
    fc.assert(
      fc.property(some('user_ae', 'user_rvp_2'), fc.commands(WEIGHTED, MAX_COMMANDS), (owner, commands) => {
        const setup = { model: initialModel(owner), real: initialReal(owner) };
        fc.modelRun(() => setup, commands);
        if (setup.real.won) won += 1;
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a meaningful share of the runs reaches Closed Won (and then meets a closed deal).
    if (process.env.MODEL_RUNS) console.log(`${RUNS} runs, ${won} reached Closed Won`);
    expect(won / RUNS).toBeGreaterThanOrEqual(0.05);
  });
});
