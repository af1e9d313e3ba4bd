import { describe, expect, it } from 'vitest';
import {
  confirmedInstant,
  draftFromVersion,
  draftIssues,
  newOfferDraft,
  optionHint,
  termsBody,
} from './offer-form';

describe('the offer form', () => {
  it('starts with one option in the deal currency, valid for 30 days', () => {
    const draft = newOfferDraft('EUR', 'annual', '2026-12-01');
    expect(draft).toMatchObject({ currency: 'EUR', validUntil: '2026-12-31', notes: '' });
    expect(draft.options).toHaveLength(1);
    expect(draft.options[0]).toMatchObject({ termMonths: 12, paymentSchedule: 'annual' });
  });

  it('says at each field what is missing, at the paths the API uses', () => {
    const draft = newOfferDraft('USD', 'upfront', '2026-12-01');
    draft.options[0] = { ...draft.options[0], name: ' ', termMonths: '' } as (typeof draft.options)[0];
    expect(Object.keys(draftIssues(draft)).sort()).toEqual([
      'options[0].listPricePerYearMinor',
      'options[0].name',
      'options[0].pricePerYearMinor',
      'options[0].termMonths',
    ]);
  });

  it('sends whole units as minor units and round-trips a version', () => {
    const version = {
      currency: 'USD',
      validUntil: '2027-01-15',
      notes: null,
      options: [
        {
          name: '3 years',
          termMonths: 36,
          pricePerYearMinor: 90_000_00,
          listPricePerYearMinor: 120_000_00,
          paymentSchedule: 'annual',
        },
      ],
    };
    const draft = draftFromVersion(version);
    expect(draft.options[0]?.pricePerYear).toBe(90_000);
    expect(draftIssues(draft)).toEqual({});
    expect(termsBody(draft)).toEqual(version);
  });

  it('hints the TCV and discount as the server computes them', () => {
    const hint = optionHint({
      name: 'x',
      termMonths: 18,
      pricePerYear: '100,000',
      listPricePerYear: 120_000,
      paymentSchedule: 'annual',
    });
    expect(hint).toEqual({ tcvMinor: 150_000_00, discountPercent: 16.66 });
    expect(
      optionHint({ name: 'x', termMonths: '', pricePerYear: 1, listPricePerYear: 1, paymentSchedule: 'a' }),
    ).toBeNull();
  });
});

describe('the time a choice was confirmed', () => {
  it('takes a time typed in the minute of the presentation as just now, and any other as typed', () => {
    const presented = '2026-12-01T22:25:42.032Z';
    const now = new Date('2026-12-01T22:26:10.000Z');
    expect(confirmedInstant('2026-12-01T22:25:00Z', presented, now)).toBe(now.toISOString());
    expect(confirmedInstant('2026-12-01T22:20:00Z', presented, now)).toBe('2026-12-01T22:20:00.000Z');
    expect(confirmedInstant('2026-12-01T23:00:00Z', presented, now)).toBe('2026-12-01T23:00:00.000Z');
    expect(confirmedInstant('2026-12-01T22:25:00Z', null, now)).toBe('2026-12-01T22:25:00.000Z');
  });
});
