import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import { type IntegrationConfiguration, readConfiguration } from '../read-environment.js';

export interface DocusignSettings {
  /** The eSignature REST base path, e.g. https://demo.docusign.net/restapi. */
  basePath: string;
  /** The OAuth host, e.g. account-d.docusign.com (the JWT's audience). */
  oauthHost: string;
  accountId: string;
  integrationKey: string;
  userId: string;
  /** RSA private key (PEM) of the integration key, for the JWT grant. */
  privateKey: string;
  /** Where Connect delivers this envelope's events (the envelope's eventNotification). */
  connectUrl: string;
}

export const DOCUSIGN_VARIABLES = [
  'DOCUSIGN_BASE_PATH',
  'DOCUSIGN_ACCOUNT_ID',
  'DOCUSIGN_INTEGRATION_KEY',
  'DOCUSIGN_USER_ID',
  'DOCUSIGN_PRIVATE_KEY',
  'DOCUSIGN_CONNECT_URL',
] as const;

const httpsUrl = z.url({ protocol: /^https$/ });
const present = z.string().trim().min(1);

const environment = z.object({
  DOCUSIGN_BASE_PATH: httpsUrl.transform((url) => url.replace(/\/+$/, '')),
  DOCUSIGN_OAUTH_BASE_PATH: z
    .string()
    .trim()
    .transform((value) => value.replace(/^https:\/\//, '').replace(/\/+$/, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host name, e.g. account-d.docusign.com'))
    .optional(),
  DOCUSIGN_ACCOUNT_ID: present,
  DOCUSIGN_INTEGRATION_KEY: present,
  DOCUSIGN_USER_ID: present,
  DOCUSIGN_PRIVATE_KEY: present
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .refine(isRsaPrivateKey, 'an RSA private key in PEM'),
  DOCUSIGN_CONNECT_URL: httpsUrl,
});

function isRsaPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

/** DocuSign's own rule (the SDK's): the demo REST host goes with the demo OAuth host. */
const oauthHostFor = (basePath: string) =>
  basePath.startsWith('https://demo.') ? 'account-d.docusign.com' : 'account.docusign.com';

export type DocusignConfiguration = IntegrationConfiguration<DocusignSettings>;

/** The adapter's settings from the environment, or which variables to set (and what is wrong with them). */
export const readDocusignSettings = (env: NodeJS.ProcessEnv = process.env): DocusignConfiguration =>
  readConfiguration(environment, env, (data) => ({
    basePath: data.DOCUSIGN_BASE_PATH,
    oauthHost: data.DOCUSIGN_OAUTH_BASE_PATH ?? oauthHostFor(data.DOCUSIGN_BASE_PATH),
    accountId: data.DOCUSIGN_ACCOUNT_ID,
    integrationKey: data.DOCUSIGN_INTEGRATION_KEY,
    userId: data.DOCUSIGN_USER_ID,
    privateKey: data.DOCUSIGN_PRIVATE_KEY,
    connectUrl: data.DOCUSIGN_CONNECT_URL,
  }));
