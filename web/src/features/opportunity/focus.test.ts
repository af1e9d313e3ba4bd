import { describe, expect, it } from 'vitest';
import type { Criterion, Pipeline } from '../../api';
import { derivedFix, elementIdOf, fixFocus, logLabel, tabOfFocus } from './focus';

const pipeline = {
  key: 'new_business',
  name: 'New Business',
  stages: [
    {
      key: 'created',
      name: 'Opportunity Created',
      entrance: [{ key: 'nb_lead_captured', text: 'Lead captured', source: { kind: 'attested' } }],
      exit: [
        {
          key: 'nb_call_notes',
          text: 'Call notes in Salesforce',
          source: { kind: 'derived', rule: 'activity_logged', kinds: ['call', 'meeting'], atLeast: 1 },
        },
        {
          key: 'nb_champion_emerging',
          text: 'Champion emerging',
          source: {
            kind: 'derived',
            rule: 'qualification_element',
            element: 'champion',
            atLeast: 'identified',
          },
        },
      ],
    },
    {
      key: 'discover',
      name: 'Discover',
      entrance: [],
      exit: [
        {
          key: 'nb_poc_signed',
          text: 'POC plan signed',
          source: { kind: 'derived', rule: 'poc_plan_signed_off' },
        },
      ],
    },
  ],
} as unknown as Pipeline;

describe('where the workspace fixes what the gate misses', () => {
  it('opens the tab that holds each focus', () => {
    expect(tabOfFocus('criterion:nb_lead_captured')).toBe('overview');
    expect(tabOfFocus('field:type')).toBe('overview');
    expect(tabOfFocus('meddpicc:champion')).toBe('qualification');
    expect(tabOfFocus('poc')).toBe('poc');
    expect(tabOfFocus('log:call')).toBe('activity');
    expect(tabOfFocus('activity:act_1')).toBe('activity');
    expect(tabOfFocus('nonsense')).toBeNull();
    expect(tabOfFocus(null)).toBeNull();
  });

  it('scrolls to the element of each focus', () => {
    expect(elementIdOf('criterion:nb_lead_captured')).toBe('criterion-nb_lead_captured');
    expect(elementIdOf('customer_fit:type')).toBe('field-type');
    expect(elementIdOf('log:meeting')).toBe('log-activity');
    expect(elementIdOf('poc')).toBe('poc');
  });

  it('links each missing item to where it is met', () => {
    expect(fixFocus({ kind: 'criterion', key: 'nb_lead_captured' }, pipeline)).toBe(
      'criterion:nb_lead_captured',
    );
    expect(fixFocus({ kind: 'criterion', key: 'nb_call_notes' }, pipeline)).toBe('log:call');
    expect(fixFocus({ kind: 'criterion', key: 'nb_champion_emerging' }, pipeline)).toBe('meddpicc:champion');
    expect(fixFocus({ kind: 'criterion', key: 'nb_poc_signed' }, pipeline)).toBe('poc');
    expect(fixFocus({ kind: 'meddpicc', key: 'metrics' }, pipeline)).toBe('meddpicc:metrics');
    expect(fixFocus({ kind: 'customer_fit', key: 'type_fits_customer' }, pipeline)).toBe('field:type');
    expect(fixFocus({ kind: 'transition', key: 'x' }, pipeline)).toBeNull();
  });

  it('names the qualification by the playbook’s framework where a criterion is met', () => {
    const element = {
      key: 'need_named',
      text: 'Need written down',
      source: { kind: 'derived', rule: 'qualification_element', element: 'need', atLeast: 'identified' },
    } as Criterion;
    const levels = {
      key: 'bant_known',
      text: 'BANT filled in',
      source: { kind: 'derived', rule: 'qualification_stage_levels' },
    } as Criterion;
    expect(derivedFix(element, 'BANT')).toEqual({ focus: 'meddpicc:need', label: 'Qualify it in BANT' });
    expect(derivedFix(levels, 'MEDDPICC')).toEqual({ focus: 'qualification', label: 'Open MEDDPICC' });
  });

  it('offers to log the kinds a derived criterion counts', () => {
    expect(logLabel(['call'])).toBe('Log a call');
    expect(logLabel(['call', 'meeting'])).toBe('Log a call or meeting');
    expect(logLabel(['call', 'meeting', 'email'])).toBe('Log a call, meeting or email');
    expect(logLabel(['email'])).toBe('Log an email');
  });
});
