import { describe, expect, it } from 'vitest';
import type { Playbook } from '../api';
import { companyOf, frameworkOf, indicatorName } from './words';

const meddpicc = {
  company: 'Firebolt',
  qualification: {
    framework: 'MEDDPICC',
    elements: [
      { key: 'champion', name: 'Champion', role: 'champion' },
      { key: 'decision_process', name: 'Decision Process', role: 'decision_process' },
    ],
  },
} as unknown as Playbook;

const bant = {
  company: 'Northwind Robotics',
  qualification: {
    framework: 'BANT',
    elements: [
      { key: 'authority', name: 'Authority', role: 'economic_buyer' },
      { key: 'timeline', name: 'Timeline', role: 'decision_process' },
    ],
  },
} as unknown as Playbook;

describe('the playbook’s words', () => {
  it('names the framework and the company of the playbook in force', () => {
    expect(frameworkOf(meddpicc)).toBe('MEDDPICC');
    expect(frameworkOf(bant)).toBe('BANT');
    expect(frameworkOf(undefined)).toBe('Qualification');
    expect(companyOf(bant)).toBe('Northwind Robotics');
  });

  it('names the health indicators in the playbook’s terms', () => {
    expect(indicatorName('incomplete_qualification', meddpicc)).toBe('Incomplete MEDDPICC');
    expect(indicatorName('qualification_complete', meddpicc)).toBe('MEDDPICC complete');
    expect(indicatorName('incomplete_qualification', bant)).toBe('Incomplete BANT');
    expect(indicatorName('qualification_complete', bant)).toBe('BANT complete');
    // A role is named by the element that plays it; a role no element plays keeps the engine's word.
    expect(indicatorName('champion_strength', meddpicc)).toBe('Champion strength');
    expect(indicatorName('decision_process_clarity', meddpicc)).toBe('Decision Process clarity');
    expect(indicatorName('decision_process_clarity', bant)).toBe('Timeline clarity');
    expect(indicatorName('champion_strength', bant)).toBe('Champion strength');
    expect(indicatorName('poc_success', bant)).toBe('POC success');
    expect(indicatorName('some_new_qualification_rule', bant)).toBe('Some new BANT rule');
  });
});
