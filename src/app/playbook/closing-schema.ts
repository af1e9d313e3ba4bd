import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import {
  APPROVER_SCOPES,
  type ClosingSettings,
  PAYMENT_SCHEDULES,
} from '../../domain/playbook/closing-settings.js';
import { MAX_AMOUNT_MINOR } from '../shared/fields.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case');
const text = z.string().trim().min(1, 'must not be empty');

const approvalStep = z
  .object({
    key,
    name: text,
    role: z.enum(ROLES),
    scope: z.enum(APPROVER_SCOPES).default('any'),
    when: z
      .object({
        discountPercentAbove: z.number().min(0).max(100).optional(),
        tcvAboveMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The closing part of a playbook file (src/domain/playbook/closing-settings.ts); references checked in the domain. */
export const closingSchema = z
  .object({
    offersFrom: z.record(key, key),
    paymentSchedules: z.array(z.enum(PAYMENT_SCHEDULES)).min(1),
    approvals: z.array(approvalStep).min(1),
  })
  .strict() satisfies z.ZodType<ClosingSettings, unknown>;
