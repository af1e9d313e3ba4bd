import type { AppError } from '../app-error.js';

/** The vendors Closepath talks to on the closing path. */
export type IntegrationName = 'docusign' | 'aws_marketplace';

/**
 * Why an integration did not do what it was asked: not set up on this server (with the variables to set),
 * refused by the vendor (their error code and message, as they sent it), or not reachable / failing on their
 * side (retry later). Values, not exceptions: the use case that calls a port explains the refusal.
 */
export type IntegrationError =
  | { code: 'integration_not_configured'; integration: IntegrationName; variables: string[]; message: string }
  | {
      code: 'integration_refused';
      integration: IntegrationName;
      vendorCode: string;
      status: number | null;
      message: string;
    }
  | { code: 'integration_unavailable'; integration: IntegrationName; message: string };

/**
 * Whether a port can work on this server: configured, or the variables still to set (and what is wrong with
 * those set). Every port carries it, so a screen can say so before anyone tries (the offer's permissions).
 */
export type IntegrationSetup =
  | { configured: true }
  | { configured: false; variables: string[]; reasons: string[] };

/** Why a port cannot be used here, as the sentence its calls answer; null when it is configured. */
export const unconfiguredMessage = (integration: IntegrationName, setup: IntegrationSetup): string | null =>
  setup.configured ? null : notConfigured(integration, setup.variables, setup.reasons).message;

export function notConfigured(
  integration: IntegrationName,
  variables: string[],
  reasons: string[] = [],
): IntegrationError {
  const label = integration === 'docusign' ? 'DocuSign' : 'AWS Marketplace';
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return {
    code: 'integration_not_configured',
    integration,
    variables,
    message: `The ${label} integration is not configured on this server: set ${variables.join(', ')}${why}.`,
  };
}

/** An integration's failure as the app's error: not configured and unreachable → 503, refused → 409. */
export function integrationAppError(error: IntegrationError): AppError {
  switch (error.code) {
    case 'integration_not_configured':
      return { ...error };
    case 'integration_refused':
      return {
        code: error.code,
        message: error.message,
        integration: error.integration,
        vendorCode: error.vendorCode,
      };
    case 'integration_unavailable':
      return { ...error };
  }
}
