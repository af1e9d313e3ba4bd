import { createHash } from 'node:crypto';
import type { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import {
  type IntegrationError,
  type IntegrationSetup,
  notConfigured,
} from '../../app/integrations/integration-error.js';
import type { ChangeSetOutcome, PrivateOffers } from '../../app/integrations/private-offers.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { MarketplaceConfiguration, MarketplaceSettings } from './marketplace-settings.js';
import { type Change, createOfferChanges, releaseOfferChanges } from './offer-change-sets.js';

const CATALOG = 'AWSMarketplace';

/** The Catalog API's idempotency token (1–36 visible characters), the same for every retry of one request. */
const clientRequestToken = (requestKey: string, action: string) =>
  createHash('sha256').update(`${action}\u0000${requestKey}`).digest('hex').slice(0, 32);

/** A thrown SDK error as the port's error: AWS's exception name and message for its 4xx, else unavailable. */
function marketplaceFailure(thrown: unknown): IntegrationError {
  const failure = thrown as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode ?? null;
  if (status !== null && status < 500 && failure.name) {
    return {
      code: 'integration_refused',
      integration: 'aws_marketplace',
      vendorCode: failure.name,
      status,
      message: `AWS Marketplace refused the change set: ${failure.name}: ${failure.message ?? 'no message'}.`,
    };
  }
  return {
    code: 'integration_unavailable',
    integration: 'aws_marketplace',
    message: `AWS Marketplace could not be reached or failed (${status ?? failure.name ?? 'no answer'}); try again later.`,
  };
}

/** The SDK loads on the first call, not at server start. */
const loadSdk = () => import('@aws-sdk/client-marketplace-catalog');

class CatalogPrivateOffers implements PrivateOffers {
  readonly setup = { configured: true } as const;
  private client: MarketplaceCatalogClient | null = null;

  constructor(private readonly settings: MarketplaceSettings) {}

  private async catalog() {
    const sdk = await loadSdk();
    this.client ??= new sdk.MarketplaceCatalogClient({
      region: this.settings.region,
      ...(this.settings.endpoint && { endpoint: this.settings.endpoint }),
      maxAttempts: 3,
    });
    return { sdk, client: this.client };
  }

  private async start(changes: Change[], token: string, name: string) {
    try {
      const { sdk, client } = await this.catalog();
      const answer = await client.send(
        new sdk.StartChangeSetCommand({
          Catalog: CATALOG,
          ChangeSet: changes.map((change) => ({
            ...change,
            DetailsDocument: change.DetailsDocument as never,
          })),
          ChangeSetName: name,
          ClientRequestToken: token,
        }),
      );
      if (!answer.ChangeSetId || !answer.ChangeSetArn)
        return err(marketplaceFailure({ name: 'EmptyAnswer' }));
      return ok({ changeSetId: answer.ChangeSetId, changeSetArn: answer.ChangeSetArn });
    } catch (thrown) {
      return err(marketplaceFailure(thrown));
    }
  }

  createPrivateOffer(input: Parameters<PrivateOffers['createPrivateOffer']>[0]) {
    const token = clientRequestToken(input.requestKey, 'create');
    return this.start(
      createOfferChanges(input, this.settings),
      token,
      `Closepath private offer ${token.slice(0, 8)}`,
    );
  }

  releasePrivateOffer(input: { requestKey: string; offerId: string }) {
    const token = clientRequestToken(input.requestKey, 'release');
    return this.start(
      releaseOfferChanges(input.offerId),
      token,
      `Closepath release ${input.offerId}`.slice(0, 100),
    );
  }

  async describeChangeSet(changeSetId: string): Promise<Result<ChangeSetOutcome, IntegrationError>> {
    try {
      const { sdk, client } = await this.catalog();
      const answer = await client.send(
        new sdk.DescribeChangeSetCommand({ Catalog: CATALOG, ChangeSetId: changeSetId }),
      );
      const offer = answer.ChangeSet?.find((change) => change.Entity?.Type?.startsWith('Offer@'));
      return ok({
        status: (answer.Status ?? 'PREPARING') as ChangeSetOutcome['status'],
        offerId: offer?.Entity?.Identifier?.split('@')[0] ?? null,
        failure: answer.FailureDescription ?? null,
      });
    } catch (thrown) {
      return err(marketplaceFailure(thrown));
    }
  }
}

class UnconfiguredPrivateOffers implements PrivateOffers {
  readonly setup: IntegrationSetup;
  constructor(private readonly configuration: Extract<MarketplaceConfiguration, { configured: false }>) {
    this.setup = { configured: false, variables: configuration.variables, reasons: configuration.reasons };
  }

  private refuse(): Promise<Result<never, IntegrationError>> {
    const { variables, reasons } = this.configuration;
    return Promise.resolve(err(notConfigured('aws_marketplace', variables, reasons)));
  }
  createPrivateOffer = () => this.refuse();
  releasePrivateOffer = () => this.refuse();
  describeChangeSet = () => this.refuse();
}

export function marketplacePrivateOffers(configuration: MarketplaceConfiguration): PrivateOffers {
  return configuration.configured
    ? new CatalogPrivateOffers(configuration.settings)
    : new UnconfiguredPrivateOffers(configuration);
}
