import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENVELOPE_EVENTS, type EnvelopeEventFact, envelopeStatusAfter } from './envelope-status.js';

const at = (event: EnvelopeEventFact['event'], minute: number): EnvelopeEventFact => ({
  event,
  occurredAtMs: Date.UTC(2026, 0, 1, 10, minute),
});

describe('envelopeStatusAfter', () => {
  it.each([
    { name: 'no events', events: [], expected: null },
    { name: 'only a recipient event', events: [at('recipient-completed', 1)], expected: null },
    { name: 'sent', events: [at('envelope-sent', 1)], expected: 'sent' },
    {
      name: 'sent, delivered, completed in order',
      events: [at('envelope-sent', 1), at('envelope-delivered', 2), at('envelope-completed', 3)],
      expected: 'completed',
    },
    {
      name: 'completed, then a late delivered (arrives after, happened before)',
      events: [at('envelope-completed', 3), at('envelope-delivered', 2)],
      expected: 'completed',
    },
    {
      name: 'a delivered stamped after completed never moves it back',
      events: [at('envelope-completed', 3), at('envelope-delivered', 9)],
      expected: 'completed',
    },
    {
      name: 'the first final status wins: declined, then a later voided',
      events: [at('envelope-sent', 1), at('envelope-declined', 4), at('envelope-voided', 5)],
      expected: 'declined',
    },
    {
      name: 'voided before delivery',
      events: [at('envelope-voided', 2), at('envelope-sent', 1)],
      expected: 'voided',
    },
    {
      name: 'duplicates change nothing',
      events: [at('envelope-delivered', 2), at('envelope-delivered', 2), at('envelope-sent', 1)],
      expected: 'delivered',
    },
  ] as const)('$name → $expected', ({ events, expected }) => {
    expect(envelopeStatusAfter(events)).toBe(expected);
  });

  it('gives the same answer for any order and any duplication of the same events', () => {
    const fact = fc.record({
      event: fc.constantFrom(...ENVELOPE_EVENTS),
      occurredAtMs: fc.integer({ min: 0, max: 20 }),
    });
    const eventsAndReordering = fc
      .array(fact, { maxLength: 8 })
      .chain((events) =>
        fc.tuple(
          fc.constant(events),
          fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          fc.array(fc.nat({ max: 7 }), { maxLength: 4 }),
        ),
      );
    fc.assert(
      fc.property(eventsAndReordering, ([events, reordered, repeats]) => {
        const duplicated = [...reordered, ...repeats.flatMap((index) => events.slice(index, index + 1))];
        const expected = envelopeStatusAfter(events);
        expect(envelopeStatusAfter(reordered)).toBe(expected);
        expect(envelopeStatusAfter(duplicated)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
