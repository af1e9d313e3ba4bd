import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { DEFAULT_PLAYBOOK_FILE, parsePlaybook } from './load-playbook.js';

const source = readFileSync(DEFAULT_PLAYBOOK_FILE, 'utf8');
const withForecast = (forecast: unknown) => {
  const doc = parseDocument(source);
  if (forecast === undefined) doc.delete('forecast');
  else doc.set('forecast', forecast);
  return parsePlaybook(doc.toString(), 'p.yaml');
};

describe("the playbook's forecast section", () => {
  it('ships a fiscal year from February in USD', () => {
    const parsed = parsePlaybook(source, 'firebolt.yaml');
    expect(parsed.ok && parsed.value.forecast).toEqual({ fiscalYearStartMonth: 2, companyCurrency: 'USD' });
  });

  it('defaults to the calendar year and USD, in the section and without it', () => {
    const empty = withForecast({});
    expect(empty.ok && empty.value.forecast).toEqual({ fiscalYearStartMonth: 1, companyCurrency: 'USD' });
    const absent = withForecast(undefined);
    expect(absent.ok && forecastSettings(absent.value)).toEqual({
      fiscalYearStartMonth: 1,
      companyCurrency: 'USD',
    });
  });

  it('refuses a month outside 1..12 and a currency that is not ISO 4217-shaped, at the field', () => {
    const bad = withForecast({ fiscalYearStartMonth: 13, companyCurrency: 'usd' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['forecast.fiscalYearStartMonth', 'forecast.companyCurrency']),
    );
  });
});
