import { z } from 'zod';

/** At least this long: a secret anyone could guess protects nothing. */
const MIN_SECRET_LENGTH = 16;

const secretList = (name: string) =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .refine((items) => items.every((item) => item.length >= MIN_SECRET_LENGTH), {
      message: `every entry of ${name} must be at least ${MIN_SECRET_LENGTH} characters`,
    });

const environment = z.object({
  DOCUSIGN_CONNECT_HMAC_KEYS: secretList('DOCUSIGN_CONNECT_HMAC_KEYS'),
  AWS_EVENTS_HEADER_NAME: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{1,64}$/, 'a header name: letters, digits and dashes')
    .default('x-closepath-events-key'),
  AWS_EVENTS_SECRETS: secretList('AWS_EVENTS_SECRETS'),
});

/**
 * What the two receivers verify with. Several keys/secrets each, comma-separated, so one can be rotated:
 * add the new one, switch the vendor over, then remove the old one. None configured: every delivery is
 * refused (401), since nothing can be verified.
 */
export interface InboundSettings {
  /** DocuSign Connect HMAC keys (Connect > Connect Keys in the eSignature admin). */
  docusignConnectHmacKeys: readonly string[];
  /** The header an EventBridge API destination's API-key connection sends (lower case). */
  awsEventsHeaderName: string;
  awsEventsSecrets: readonly string[];
}

export const NO_INBOUND_SETTINGS: InboundSettings = {
  docusignConnectHmacKeys: [],
  awsEventsHeaderName: 'x-closepath-events-key',
  awsEventsSecrets: [],
};

/** Reads the receivers' settings from the environment, refusing bad values with the variable and why. */
export function readInboundSettings(env: NodeJS.ProcessEnv = process.env): InboundSettings {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return {
    docusignConnectHmacKeys: parsed.data.DOCUSIGN_CONNECT_HMAC_KEYS,
    awsEventsHeaderName: parsed.data.AWS_EVENTS_HEADER_NAME,
    awsEventsSecrets: parsed.data.AWS_EVENTS_SECRETS,
  };
}
