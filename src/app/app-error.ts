import type { OfferRefusalCode } from '../domain/closing/offer-refusal.js';
import type { MissingRequirement } from '../domain/gates/requirement-check.js';
import type { CoverageReport } from '../domain/territory/territory-model.js';

export interface FieldIssue {
  /** Dotted path of the offending field in the request, e.g. `meddpicc.champion.contactId`. */
  path: string;
  message: string;
}

/** Every expected failure of a use case. The API maps `code` to an HTTP status in one table. */
/**
 * `refusal`: the domain's own machine code where a pure decision refused (closing: `self_approval`,
 * `step_out_of_order`, …), finer than the HTTP-facing `code`.
 */
export type AppError =
  | { code: 'not_found'; message: string }
  | { code: 'validation_failed'; message: string; issues: FieldIssue[]; refusal?: OfferRefusalCode }
  | { code: 'precondition_failed'; message: string; currentVersion: number }
  | { code: 'conflict'; message: string; refusal?: OfferRefusalCode }
  | { code: 'forbidden'; message: string; refusal?: OfferRefusalCode }
  | { code: 'unknown_stage'; message: string }
  | { code: 'illegal_transition'; message: string }
  | { code: 'override_not_allowed'; message: string }
  | {
      code: 'gate_blocked';
      message: string;
      missing: MissingRequirement[];
      /** The furthest stage the deal could reach now, if any. */
      reachable?: { stage: string; name: string } | null;
    }
  | {
      /** A vendor integration is not set up on this server: the variables to set (503). */
      code: 'integration_not_configured';
      message: string;
      integration: string;
      variables: string[];
    }
  | { code: 'integration_refused'; message: string; integration: string; vendorCode: string }
  | { code: 'integration_unavailable'; message: string; integration: string }
  | {
      code: 'type_not_for_customer';
      message: string;
      /** The account's class today and the types the playbook has for it. */
      customerClass: { key: string; name: string };
      allowedTypes: Array<{ key: string; name: string }>;
    }
  | {
      /** A territory model (a file imported, a draft edited) that does not parse or validate (422). */
      code: 'territory_model_invalid';
      message: string;
      problems: Array<{ path: string; message: string; line?: number }>;
    }
  | {
      /** A territory model that may not be activated: gaps, overlaps, people who do not resolve (422). */
      code: 'activation_refused';
      message: string;
      refusals: string[];
      coverage: CoverageReport;
    }
  | {
      /** The forecast needs a rate to the company currency that the admins' table does not have (422). */
      code: 'rate_missing';
      message: string;
      currencies: string[];
    }
  | {
      /** The active territory model refuses the change at these fields (an unroutable account, an AE's region). */
      code: 'territory_rule';
      message: string;
      issues: FieldIssue[];
    };

export type AppErrorCode = AppError['code'];

export const notFound = (what: string, id: string): AppError => ({
  code: 'not_found',
  message: `${what} ${id} not found`,
});

export const forbidden = (message: string): AppError => ({ code: 'forbidden', message });

export const invalid = (issues: FieldIssue[]): AppError => ({
  code: 'validation_failed',
  message: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
  issues,
});

export const stale = (currentVersion: number): AppError => ({
  code: 'precondition_failed',
  message: `The record changed since you read it (now version ${currentVersion}); reload and retry.`,
  currentVersion,
});

/** A forecast or revenue figure needs a rate to the company currency that the rates table lacks (422). */
export const rateMissing = (companyCurrency: string, currencies: string[]): AppError => ({
  code: 'rate_missing',
  message: `No rate to ${companyCurrency} for ${currencies.join(', ')}: an admin sets it under the rates.`,
  currencies,
});
