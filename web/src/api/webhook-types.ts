import type { RequestBodyOf, Schemas } from './schema-types';

export type WebhookSubscription = Schemas['WebhookSubscription'];
/** A new subscription or a rotated secret: the secret is in this answer only. */
export type WebhookSubscriptionWithSecret = Schemas['WebhookSubscriptionWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookDeliveryWithAttempts = Schemas['WebhookDeliveryWithAttempts'];
export type WebhookAttempt = Schemas['WebhookAttempt'];
export type WebhookDeliveryStatus = WebhookDelivery['status'];
export type NewWebhookSubscription = RequestBodyOf<'createWebhookSubscription'>;
