import type { z } from 'zod';
import { accountListQuery } from '../accounts/account-inputs.js';
import { opportunityListQuery } from '../opportunities/opportunity-inputs.js';

/** Rows read per query while an export streams. */
export const EXPORT_PAGE = 1000;

/** The deals list's filters, without paging: an export is every matching deal. */
export const opportunityExportQuery = opportunityListQuery.omit({ limit: true, cursor: true });
export type OpportunityExportQuery = z.infer<typeof opportunityExportQuery>;

/** The accounts list's filters, without paging. */
export const accountExportQuery = accountListQuery.omit({ limit: true, cursor: true });
export type AccountExportQuery = z.infer<typeof accountExportQuery>;
