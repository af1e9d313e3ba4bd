import type { ForecastSettings, Playbook } from '../playbook/playbook.js';

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = {
  fiscalYearStartMonth: 1,
  companyCurrency: 'USD',
};

/** The playbook's forecast calendar and currency, or the defaults (calendar year, USD). */
export const forecastSettings = (playbook: Playbook): ForecastSettings =>
  playbook.forecast ?? DEFAULT_FORECAST_SETTINGS;
