import type { Result } from '../../domain/result.js';
import type { IntegrationError, IntegrationSetup } from './integration-error.js';

/**
 * The port the closing use cases send a quote for signature through (the adapter: src/integrations/docusign).
 * The quote PDF must carry SIGNATURE_ANCHOR where the signer signs (the signHere tab is anchored to it).
 */
export const SIGNATURE_ANCHOR = '/cp-sign-here/';

export interface SendEnvelopeInput {
  documentPdf: Uint8Array;
  /** The file name the signer sees, e.g. `Quote Q-2026-0007.pdf`. */
  documentName: string;
  /** DocuSign's document id within the envelope: a positive integer, as text ("1"). */
  documentId: string;
  /** The account's contact marked as the DocuSign signer. */
  signer: { name: string; email: string; contactId: string };
  emailSubject: string;
  quoteNumber: string;
  offerId: string;
  versionNumber: number;
}

export interface SentEnvelope {
  envelopeId: string;
  /** DocuSign's status of the new envelope ("sent"). */
  status: string;
  statusAt: string | null;
}

export interface ESignature {
  /** Configured on this server, or the variables to set (every call then answers integration_not_configured). */
  readonly setup: IntegrationSetup;
  sendEnvelope(input: SendEnvelopeInput): Promise<Result<SentEnvelope, IntegrationError>>;
}
