import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../api';
import { toMinor } from '../../shared/money-input';
import { defaultOwner, defaultSource, onlyFit, typeChoices, typeHelp } from './deal-form';

const playbook = {
  defaultCurrency: 'USD',
  leadSources: [
    { key: 'ae', name: 'Account Executive' },
    { key: 'inbound', name: 'Inbound' },
  ],
  opportunityTypes: [
    { key: 'new_business', name: 'New Business', pipeline: 'new_business', description: '' },
    { key: 'upsell', name: 'Upsell', pipeline: 'new_business', description: '' },
    {
      key: 'renewal',
      name: 'Renewal',
      pipeline: 'renewal',
      description: '',
      renewsContract: { graceDays: 60 },
    },
  ],
} as unknown as Playbook;

const prospect = [
  { key: 'new_business', name: 'New Business', fits: true, message: 'New Business suits a New Prospect.' },
  { key: 'upsell', name: 'Upsell', fits: false, message: 'Upsell is for a Commit Customer; …' },
  { key: 'renewal', name: 'Renewal', fits: false, message: 'Renewal is for a Commit Customer; …' },
];

describe('the new deal form', () => {
  it('lists every type with its fit, or only the pipeline’s, and preselects the only one that fits', () => {
    const all = typeChoices(prospect, playbook, null);
    expect(all.map((choice) => [choice.key, choice.fits])).toEqual([
      ['new_business', true],
      ['upsell', false],
      ['renewal', false],
    ]);
    expect(all[1]?.message).toMatch(/^Upsell is for a Commit Customer/);
    expect(typeChoices(prospect, playbook, 'renewal').map((choice) => choice.key)).toEqual(['renewal']);
    expect(onlyFit(all)).toBe('new_business');
    expect(onlyFit(typeChoices(prospect, playbook, 'renewal'))).toBeNull();
    expect(onlyFit(all.map((choice) => ({ ...choice, fits: true })))).toBeNull();
  });

  it('explains the types with the playbook’s customer classes', () => {
    const classes = (...names: string[]) =>
      ({ customerClasses: names.map((name) => ({ key: name, name })) }) as unknown as Playbook;
    expect(typeHelp(classes('Prospect', 'Customer'))).toBe(
      'Which deal types the account may have depends on its customer class today (Prospect or Customer): the ' +
        'others are listed with the reason.',
    );
    expect(typeHelp(classes('New Prospect', 'PLG Customer', 'Commit Customer'))).toMatch(
      /today \(New Prospect, PLG Customer or Commit Customer\):/,
    );
    expect(typeHelp(undefined)).toMatch(/customer class today: the others/);
  });

  it('sends the amount typed in whole units as integer cents', () => {
    expect(toMinor(120_000)).toBe(12_000_000);
    expect(toMinor(19.99)).toBe(1999);
    expect(toMinor(0.1 + 0.2)).toBe(30);
    expect(toMinor('1,250.5')).toBe(125_050);
    expect(toMinor('')).toBeNull();
    expect(toMinor('abc')).toBeNull();
  });

  it('starts with the account’s owner for those who assign deals, else with the caller', () => {
    const me = 'u_me';
    expect(defaultOwner(me, [{ id: me }], 'u_other')).toBe(me);
    expect(defaultOwner(me, [{ id: me }, { id: 'u_other' }], 'u_other')).toBe('u_other');
    expect(defaultOwner(me, [{ id: me }, { id: 'u_other' }], 'u_stranger')).toBe(me);
    expect(defaultOwner(me, [{ id: me }, { id: 'u_other' }], null)).toBe(me);
    expect(defaultOwner(me, [{ id: 'u_other' }], null)).toBeNull();
  });

  it('starts with the source a role’s deals come from, when the playbook has it', () => {
    expect(defaultSource('ae', playbook)).toBe('ae');
    expect(defaultSource('sdr', playbook)).toBeNull();
    expect(defaultSource('rvp', playbook)).toBeNull();
  });
});
