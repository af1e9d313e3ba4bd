import { z } from 'zod';
import type { AccountPermissions, OpportunityPermissions } from '../../domain/access/permissions.js';

export const permissionSchema = z
  .object({
    allowed: z.boolean(),
    who: z
      .string()
      .nullable()
      .describe('When not allowed: who may, in words (show it instead of the control)'),
  })
  .meta({ id: 'Permission' });

export const opportunityPermissionsSchema = z
  .object({
    edit: permissionSchema.describe("Change the deal's fields, snooze a stall"),
    moveStage: permissionSchema.describe('Move it between stages'),
    override: permissionSchema.describe('Force a blocked move or a type that does not suit the customer'),
    reopen: permissionSchema,
    reassign: permissionSchema.describe('Hand it to another owner'),
    qualify: permissionSchema.describe(
      'Qualification (the playbook framework), the POC plan, win milestones, activities',
    ),
    attest: z
      .record(z.string(), permissionSchema)
      .describe('Each attested criterion of the pipeline, by key'),
  })
  .meta({
    id: 'OpportunityPermissions',
    description: 'What the caller may do with the deal, computed by the rules the server enforces',
  }) satisfies z.ZodType<OpportunityPermissions>;

export const accountPermissionsSchema = z
  .object({
    edit: permissionSchema,
    reassign: permissionSchema,
    keepContacts: permissionSchema.describe('Add and edit contacts, log activities on the account'),
    recordContracts: permissionSchema,
    createDeal: permissionSchema.describe('Create a deal on this account'),
  })
  .meta({ id: 'AccountPermissions' }) satisfies z.ZodType<AccountPermissions>;
