import type { Playbook } from './playbook.js';
import type { PlaybookIssue } from './validate-playbook.js';

/** The forecast section: a month of the year and an ISO 4217 code (for playbooks not read from a file too). */
export function validateForecast(playbook: Playbook): PlaybookIssue[] {
  const forecast = playbook.forecast;
  if (!forecast) return [];
  const issues: PlaybookIssue[] = [];
  const month = forecast.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    issues.push({ path: ['forecast', 'fiscalYearStartMonth'], message: 'a month from 1 (January) to 12' });
  }
  if (!/^[A-Z]{3}$/.test(forecast.companyCurrency)) {
    issues.push({ path: ['forecast', 'companyCurrency'], message: 'an ISO 4217 code such as USD' });
  }
  return issues;
}
