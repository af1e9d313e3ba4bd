import type { RequestBodyOf, Schemas } from './schema-types';

/** GET /forecast: the roll-up owner → region → company, per period, in the company currency. */
export type Forecast = Schemas['Forecast'];
export type ForecastFigures = Schemas['ForecastFigures'];
export type ForecastCall = Schemas['ForecastCall'];
/** The body of POST /forecast/submissions. */
export type ForecastSubmissionInput = RequestBodyOf<'submitForecast'>;
/** The body of POST /forecast/adjustments. */
export type ForecastAdjustmentInput = RequestBodyOf<'adjustForecast'>;
