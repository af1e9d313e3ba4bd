import type { RequestBodyOf, ResponseOf, Schemas } from './schema-types';

/** GET /fx-rates: the rates to the company currency. */
export type FxRates = Schemas['FxRates'];
/** The body of PUT /fx-rates: the whole table. */
export type FxRatesInput = RequestBodyOf<'setFxRates'>;
/** GET /quotas: owners' quotas of a range of periods. */
export type Quotas = Schemas['Quotas'];
/** The body of PUT /quotas. */
export type QuotasInput = RequestBodyOf<'setQuotas'>;
/** What POST /quotas/import answers: the quotas set and their owners. */
export type QuotaImportResult = ResponseOf<'importQuotas'>;
