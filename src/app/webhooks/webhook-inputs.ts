import { z } from 'zod';
import { ALL_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/event-types.js';
import { id, optionalText, pageQuery } from '../shared/fields.js';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

const eventTypes = z
  .array(z.enum([ALL_EVENT_TYPES, ...WEBHOOK_EVENT_TYPES]))
  .min(1, 'at least one event type, or "*" for all')
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .describe('The event types to send (GET /api/v1/webhooks/event-types), or ["*"] for every type');

/** The URL's shape only; the scheme and target rules are the server's configuration (checked in the use case). */
const url = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000)
  .describe('Where messages are POSTed: https:// (http:// only when the server allows it), a public address');

export const createWebhookSubscriptionInput = z
  .object({
    url,
    eventTypes,
    description: optionalText(500).describe('What the receiver is, e.g. "data warehouse sync"'),
  })
  .strict();
export type CreateWebhookSubscriptionInput = z.input<typeof createWebhookSubscriptionInput>;

export const updateWebhookSubscriptionInput = z
  .object({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: optionalText(500),
    active: z.boolean().optional().describe('false disables it (nothing is sent); true enables it again'),
  })
  .strict();
export type UpdateWebhookSubscriptionInput = z.input<typeof updateWebhookSubscriptionInput>;

export const webhookSubscriptionListQuery = z.object({ ...pageQuery }).strict();
export type WebhookSubscriptionListQuery = z.infer<typeof webhookSubscriptionListQuery>;

export const webhookDeliveryListQuery = z
  .object({
    ...pageQuery,
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
    subscriptionId: id.optional(),
  })
  .strict();
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuery>;

/** One list of types: `*` alone when it is there, else each type once, in the catalogue's order. */
export function normalizeEventTypes(types: readonly string[]): string[] {
  if (types.includes(ALL_EVENT_TYPES)) return [ALL_EVENT_TYPES];
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}
