import { describe, expect, it } from 'vitest';
import { businessDaysSince } from '../../shared/format';
import { cardTitle } from './card-title';

describe('cardTitle', () => {
  it('drops the account name the card shows above the deal name', () => {
    expect(cardTitle('Redwood Observability — log analytics', 'Redwood Observability')).toBe('log analytics');
    expect(cardTitle('Acme – renewal #12', 'Acme')).toBe('renewal #12');
    expect(cardTitle('acme: expansion', 'Acme')).toBe('expansion');
  });

  it('keeps names that do not begin with the account name and a separator', () => {
    expect(cardTitle('Data platform for Acme', 'Acme')).toBe('Data platform for Acme');
    expect(cardTitle('Acmeville — pilot', 'Acme')).toBe('Acmeville — pilot');
    expect(cardTitle('Acme', 'Acme')).toBe('Acme');
    expect(cardTitle('Acme — ', 'Acme')).toBe('Acme — ');
  });
});

describe('businessDaysSince', () => {
  // 2027-01-01 is a Friday.
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  it('counts Monday to Friday after the start day, up to and including today', () => {
    expect(businessDaysSince('2027-01-01T09:00:00Z', at('2027-01-01'))).toBe(0);
    expect(businessDaysSince('2027-01-01T09:00:00Z', at('2027-01-03'))).toBe(0);
    expect(businessDaysSince('2027-01-01T09:00:00Z', at('2027-01-04'))).toBe(1);
    expect(businessDaysSince('2027-01-01T09:00:00Z', at('2027-01-08'))).toBe(5);
    expect(businessDaysSince('2027-01-01T09:00:00Z', at('2027-01-18'))).toBe(11);
    expect(businessDaysSince('2027-01-02T09:00:00Z', at('2027-01-04'))).toBe(1);
  });

  it('is never negative, before the epoch too', () => {
    expect(businessDaysSince('2027-01-08T09:00:00Z', at('2027-01-01'))).toBe(0);
    expect(businessDaysSince('1969-12-26T00:00:00Z', new Date('1970-01-02T00:00:00Z'))).toBe(5);
    expect(businessDaysSince('not a date', at('2027-01-01'))).toBe(0);
  });
});
