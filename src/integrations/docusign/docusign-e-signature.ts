import type { ESignature, SendEnvelopeInput, SentEnvelope } from '../../app/integrations/e-signature.js';
import {
  type IntegrationError,
  type IntegrationSetup,
  notConfigured,
} from '../../app/integrations/integration-error.js';
import { err, ok, type Result } from '../../domain/result.js';
import { docusignFailure } from './docusign-failure.js';
import type { DocusignConfiguration, DocusignSettings } from './docusign-settings.js';
import { envelopeDefinitionFor } from './envelope-definition.js';

type DocusignSdk = typeof import('docusign-esign')['default'];
let sdk: Promise<DocusignSdk> | null = null;
/** The SDK takes seconds to load: only when the first envelope is sent, never at server start. */
const loadSdk = (): Promise<DocusignSdk> => {
  sdk ??= import('docusign-esign').then((module) => module.default);
  return sdk;
};

/** DocuSign's OAuth scopes for the JWT grant, as its documentation writes them. */
const SCOPES = 'signature impersonation'.split(' ');
const TOKEN_SECONDS = 3600;
/** A token is renewed this long before DocuSign says it expires. */
const RENEW_EARLY_MS = 5 * 60_000;

/**
 * The e-signature port over DocuSign's eSignature REST API v2.1, through the docusign-esign SDK: an access
 * token by the JWT grant (requestJWTUserToken, kept until shortly before it expires), then
 * EnvelopesApi.createEnvelope with the quote's envelope definition.
 */
class DocusignESignature implements ESignature {
  readonly setup = { configured: true } as const;
  private token: { value: string; renewAt: number } | null = null;

  constructor(
    private readonly settings: DocusignSettings,
    private readonly now: () => Date,
  ) {}

  private async client() {
    const docusign = await loadSdk();
    const client = new docusign.ApiClient();
    client.setBasePath(this.settings.basePath);
    client.setOAuthBasePath(this.settings.oauthHost);
    return client;
  }

  private async accessToken(): Promise<Result<string, IntegrationError>> {
    if (this.token && this.now().getTime() < this.token.renewAt) return ok(this.token.value);
    const { integrationKey, userId, privateKey } = this.settings;
    try {
      const client = await this.client();
      const answer = await client.requestJWTUserToken(
        integrationKey,
        userId,
        SCOPES,
        privateKey,
        TOKEN_SECONDS,
      );
      const lifetimeMs = (answer.body.expires_in || TOKEN_SECONDS) * 1000;
      this.token = {
        value: answer.body.access_token,
        renewAt: this.now().getTime() + lifetimeMs - RENEW_EARLY_MS,
      };
      return ok(this.token.value);
    } catch (thrown) {
      return err(docusignFailure(thrown, 'token'));
    }
  }

  async sendEnvelope(input: SendEnvelopeInput): Promise<Result<SentEnvelope, IntegrationError>> {
    const token = await this.accessToken();
    if (!token.ok) return token;
    const docusign = await loadSdk();
    const client = await this.client();
    client.addDefaultHeader('Authorization', `Bearer ${token.value}`);
    const envelopeDefinition = docusign.EnvelopeDefinition.constructFromObject(
      envelopeDefinitionFor(input, this.settings.connectUrl),
    );
    try {
      const summary = await new docusign.EnvelopesApi(client).createEnvelope(this.settings.accountId, {
        envelopeDefinition,
      });
      if (!summary.envelopeId) {
        return err({
          code: 'integration_unavailable',
          integration: 'docusign',
          message: 'DocuSign answered without an envelope id; try again later.',
        });
      }
      return ok({
        envelopeId: summary.envelopeId,
        status: summary.status ?? 'sent',
        statusAt: summary.statusDateTime ?? null,
      });
    } catch (thrown) {
      if ((thrown as { response?: { status?: number } }).response?.status === 401) this.token = null;
      return err(docusignFailure(thrown, 'envelope'));
    }
  }
}

/** Answers every call with the variables to set: the product says it is not set up, it never crashes. */
class UnconfiguredESignature implements ESignature {
  readonly setup: IntegrationSetup;
  constructor(private readonly configuration: Extract<DocusignConfiguration, { configured: false }>) {
    this.setup = { configured: false, variables: configuration.variables, reasons: configuration.reasons };
  }

  async sendEnvelope(): Promise<Result<SentEnvelope, IntegrationError>> {
    const { variables, reasons } = this.configuration;
    return err(notConfigured('docusign', variables, reasons));
  }
}

export function docusignESignature(configuration: DocusignConfiguration, now: () => Date): ESignature {
  return configuration.configured
    ? new DocusignESignature(configuration.settings, now)
    : new UnconfiguredESignature(configuration);
}
