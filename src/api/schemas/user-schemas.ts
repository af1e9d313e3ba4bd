import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { permissionSchema } from './permission-schemas.js';
import { historyEventSchema, timestamp } from './record-schemas.js';

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    region: z.string().nullable(),
    managerId: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'User' });

export const signedInSchema = z
  .object({
    user: userSchema,
    csrfToken: z
      .string()
      .nullable()
      .describe('Send as x-csrf-token on every POST/PUT/PATCH/DELETE of this session; null for API tokens'),
    expiresAt: timestamp
      .nullable()
      .describe('When the session ends at the latest (idle sessions end sooner)'),
    permissions: z
      .object({
        createDeals: permissionSchema,
        createAccounts: permissionSchema,
        administer: permissionSchema.describe('Users, tokens, the audit log'),
        managePlaybook: permissionSchema.describe("The playbook's versions and previews of a change"),
        manageWebhooks: permissionSchema.describe(
          'Outbound webhooks: subscriptions, the delivery log, replays',
        ),
        manageTerritories: permissionSchema.describe(
          'Territory models: import, edit, preview and activate versions (RevOps admin); RVPs read them',
        ),
        manageForecastSettings: permissionSchema.describe(
          "The forecast's rates to the company currency and the quotas (RevOps, VP Finance)",
        ),
        submitForecast: permissionSchema.describe('Submit your own forecast call per period (AEs)'),
        adjustForecast: permissionSchema.describe("Adjust the calls of your region's owners (RVPs)"),
        takeDealSnapshots: permissionSchema.describe(
          'A snapshot of the open pipeline on demand (RevOps admin)',
        ),
        importData: permissionSchema.describe(
          "Import other systems' exports, e.g. Salesforce CSV (RevOps admin)",
        ),
      })
      .describe("What the user's role may do anywhere"),
  })
  .meta({ id: 'SignedIn' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'write']),
    createdBy: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().describe('Updated at most once a minute'),
    expiresAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createdTokenSchema = z
  .object({
    token: apiTokenSchema,
    secret: z.string().describe('The bearer value, shown this once: store it now (only its hash is kept)'),
  })
  .meta({ id: 'CreatedApiToken' });

export const auditEventSchema = historyEventSchema.omit({ gate: true }).meta({ id: 'AuditEvent' });
