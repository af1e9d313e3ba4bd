import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import { checkMilestoneAllowed, milestoneStage } from './milestones.js';

const playbook = firebolt();
const nb = playbook.pipelines.find((p) => p.key === 'new_business');
if (!nb) throw new Error('fixture');

describe('milestones', () => {
  it.each([
    ['tech_win', 'poc'],
    ['business_win', 'propose'],
    ['financial_win', 'propose'],
    ['legal_win', 'signature'],
  ])('%s belongs to %s', (milestone, stage) => {
    expect(milestoneStage(nb, milestone)?.key).toBe(stage);
  });

  it.each([
    ['tech_win', ['created', 'discover'], false],
    ['tech_win', ['created', 'discover', 'poc'], true],
    ['tech_win', ['created', 'discover', 'poc', 'closed_lost'], true],
    ['business_win', ['created', 'discover', 'poc'], false],
    ['business_win', ['negotiate'], true],
    ['legal_win', ['closed_won'], true],
    ['legal_win', ['created', 'closed_lost'], false],
    ['no_such_win', ['closed_won'], false],
  ] as const)('%s with stages %j reached → allowed %s', (milestone, reached, allowed) => {
    expect(checkMilestoneAllowed(nb, milestone, reached).ok).toBe(allowed);
  });
});
