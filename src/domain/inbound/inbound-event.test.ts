import { describe, expect, it } from 'vitest';
import { envelopeCustomFields, offerVersionOfEnvelope } from './envelope-subject.js';
import { connectDedupKey, connectOccurredAt } from './inbound-event.js';

describe('connectOccurredAt', () => {
  const generated = '2026-03-01T10:00:05.1230000Z';
  it.each([
    ['envelope-completed', { completedDateTime: '2026-03-01T10:00:00Z' }, '2026-03-01T10:00:00Z'],
    ['envelope-delivered', { deliveredDateTime: '2026-03-01T09:00:00Z' }, '2026-03-01T09:00:00Z'],
    ['envelope-completed', { sentDateTime: '2026-03-01T08:00:00Z' }, generated],
    ['envelope-sent', undefined, generated],
    ['recipient-completed', { completedDateTime: '2026-03-01T10:00:00Z' }, generated],
  ] as const)('%s with %j → %s', (event, summary, expected) => {
    expect(connectOccurredAt(event, generated, summary)).toBe(expected);
  });
});

describe('connectDedupKey', () => {
  const delivery = {
    event: 'envelope-completed',
    envelopeId: 'env-1',
    recipientId: null,
    occurredAt: '2026-03-01T10:00:00Z',
  } as const;
  it('is the same for a retry of one fact and differs for another fact', () => {
    expect(connectDedupKey({ ...delivery })).toBe(connectDedupKey(delivery));
    expect(connectDedupKey({ ...delivery, event: 'envelope-delivered' })).not.toBe(connectDedupKey(delivery));
    expect(connectDedupKey({ ...delivery, recipientId: '1' })).not.toBe(connectDedupKey(delivery));
    expect(connectDedupKey({ ...delivery, occurredAt: '2026-03-01T10:00:01Z' })).not.toBe(
      connectDedupKey(delivery),
    );
  });
});

describe('offerVersionOfEnvelope', () => {
  it('reads back the fields the adapter sets', () => {
    const fields = envelopeCustomFields({ offerId: 'off_1', versionNumber: 3, quoteNumber: 'Q-2026-0007' });
    expect(offerVersionOfEnvelope(fields)).toEqual({ offerId: 'off_1', offerVersion: 3 });
  });
  it.each([
    [[]],
    [[{ name: 'closepathOfferId', value: 'off_1' }]],
    [
      [
        { name: 'closepathOfferId', value: 'off_1' },
        { name: 'closepathOfferVersion', value: '0' },
      ],
    ],
    [
      [
        { name: 'closepathOfferId', value: ' ' },
        { name: 'closepathOfferVersion', value: '2' },
      ],
    ],
    [
      [
        { name: 'closepathOfferId', value: 'off_1' },
        { name: 'closepathOfferVersion', value: '2x' },
      ],
    ],
  ])('names no offer version for %j', (fields) => {
    expect(offerVersionOfEnvelope(fields)).toBeNull();
  });
});
