import type { IntegrationError } from '../../app/integrations/integration-error.js';

interface HttpFailure {
  response?: { status?: number; data?: unknown };
  code?: string;
  message?: string;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * A failed SDK call as the port's error: DocuSign's own answer when it sent one — REST errors are
 * `{ errorCode, message }`, OAuth errors `{ error, error_description }` (consent_required, invalid_grant …) —
 * else the service was not reached or failed on its side.
 */
export function docusignFailure(thrown: unknown, during: 'token' | 'envelope'): IntegrationError {
  const failure = (thrown ?? {}) as HttpFailure;
  const status = failure.response?.status ?? null;
  const data = (failure.response?.data ?? {}) as Record<string, unknown>;
  const vendorCode = textOf(data.errorCode) ?? textOf(data.error);
  if (status !== null && status < 500 && vendorCode) {
    const detail = textOf(data.message) ?? textOf(data.error_description) ?? 'no message';
    const hint =
      vendorCode === 'consent_required'
        ? ' The DocuSign user must grant consent to the integration key once (scopes signature impersonation).'
        : '';
    const what = during === 'token' ? 'the JWT grant' : 'the envelope';
    return {
      code: 'integration_refused',
      integration: 'docusign',
      vendorCode,
      status,
      message: `DocuSign refused ${what}: ${vendorCode}: ${detail}.${hint}`,
    };
  }
  const reason = status !== null ? `answered ${status}` : (failure.code ?? failure.message ?? 'failed');
  return {
    code: 'integration_unavailable',
    integration: 'docusign',
    message: `DocuSign could not be reached or failed (${reason}); try again later.`,
  };
}
