import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES } from '../../app/webhooks/webhook-inputs.js';
import { timestamp } from './record-schemas.js';

export const webhookSubscriptionSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()).describe('The event types sent, or ["*"] for all'),
    active: z.boolean(),
    disabledReason: z
      .enum(['admin', 'gone'])
      .nullable()
      .describe('admin: disabled by a person; gone: the receiver answered 410 Gone; null while active'),
    previousSecretUntil: timestamp
      .nullable()
      .describe('Until then messages also carry a signature by the secret before the last rotation'),
    createdBy: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'WebhookSubscription' });

export const createdWebhookSubscriptionSchema = z
  .object({
    subscription: webhookSubscriptionSchema,
    secret: z
      .string()
      .describe('The signing secret (whsec_…, Standard Webhooks), shown in this answer only: store it now'),
  })
  .meta({ id: 'WebhookSubscriptionWithSecret' });

export const webhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    startedAt: timestamp,
    durationMs: z.number().int(),
    httpStatus: z
      .number()
      .int()
      .nullable()
      .describe('null: no answer (refused target, network error, timeout)'),
    error: z.string().nullable(),
    responseSnippet: z.string().nullable().describe("The receiver's answer, at most 1,024 characters"),
  })
  .meta({ id: 'WebhookAttempt' });

const deliveryFields = {
  id: z.string().describe('The message id: the webhook-id header, the same on every attempt and replay'),
  subscriptionId: z.string(),
  outboxId: z.number().int(),
  eventType: z.string(),
  payload: z
    .object({ type: z.string(), timestamp: z.string(), data: z.record(z.string(), z.unknown()) })
    .describe('The body sent'),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attemptCount: z.number().int(),
  nextAttemptAt: timestamp.nullable().describe('When it is tried next (pending only)'),
  leaseUntil: timestamp.nullable().describe('While an attempt is in flight: until when its worker holds it'),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deliveredAt: timestamp.nullable(),
};

export const webhookDeliverySchema = z.object(deliveryFields).meta({ id: 'WebhookDelivery' });

export const webhookDeliveryWithAttemptsSchema = z
  .object({
    ...deliveryFields,
    attempts: z.array(webhookAttemptSchema).describe('Oldest first (the latest 100)'),
  })
  .meta({ id: 'WebhookDeliveryWithAttempts' });
