import { z } from 'zod';
import { type IntegrationConfiguration, readConfiguration } from '../read-environment.js';

export interface MarketplaceSettings {
  region: string;
  /** Overrides the Catalog API endpoint (a local fake in tests); the SDK's own otherwise. */
  endpoint: string | undefined;
  /** The product the private offers are for (prod-…). */
  productId: string;
  /** The product's contract dimension an offer grants (its API key). */
  dimensionKey: string;
  /** A custom EULA document URL; the AWS standard contract when unset. */
  eulaUrl: string | undefined;
}

export const MARKETPLACE_VARIABLES = ['AWS_MARKETPLACE_PRODUCT_ID', 'AWS_MARKETPLACE_DIMENSION_KEY'] as const;

const environment = z.object({
  AWS_MARKETPLACE_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region, e.g. us-east-1')
    .default('us-east-1'),
  AWS_MARKETPLACE_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  AWS_MARKETPLACE_PRODUCT_ID: z.string().regex(/^prod-[A-Za-z0-9]+$/, 'a product id: prod-…'),
  AWS_MARKETPLACE_DIMENSION_KEY: z.string().trim().min(1).max(100),
  AWS_MARKETPLACE_EULA_URL: z.url({ protocol: /^https$/ }).optional(),
});

export type MarketplaceConfiguration = IntegrationConfiguration<MarketplaceSettings>;

/** The adapter's settings from the environment (credentials: the SDK's default chain), or what to set. */
export const readMarketplaceSettings = (env: NodeJS.ProcessEnv = process.env): MarketplaceConfiguration =>
  readConfiguration(environment, env, (data) => ({
    region: data.AWS_MARKETPLACE_REGION,
    endpoint: data.AWS_MARKETPLACE_ENDPOINT,
    productId: data.AWS_MARKETPLACE_PRODUCT_ID,
    dimensionKey: data.AWS_MARKETPLACE_DIMENSION_KEY,
    eulaUrl: data.AWS_MARKETPLACE_EULA_URL,
  }));
