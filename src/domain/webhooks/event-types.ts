/**
 * What a webhook subscription can ask for: the audit actions whose outbox messages go out, by their topic
 * (`opportunity.stage_changed`), or `*` for all of them. Every action a use case records is listed here
 * (event-types.test.ts reads src/ and fails on one that is missing); a subscription never names another.
 */
export const WEBHOOK_EVENT_TYPES = [
  'account.created',
  'account.imported',
  'account.updated',
  'activity.deleted',
  'activity.logged',
  'activity.updated',
  'api_token.created',
  'api_token.revoked',
  'auth.login_failed',
  'auth.login_succeeded',
  'auth.logout',
  'contact.created',
  'contact.updated',
  'contract.corrected',
  'contract.ended',
  'contract.invoicing_requested',
  'contract.recorded',
  'forecast_call.adjusted',
  'forecast_call.submitted',
  'fx_rates.set',
  'deal_snapshot.taken',
  'opportunity.created',
  'opportunity.imported',
  'opportunity.criterion_attested',
  'opportunity.criterion_withdrawn',
  'opportunity.meddpicc_updated',
  'opportunity.milestone_recorded',
  'opportunity.milestone_withdrawn',
  'opportunity.aws_offer_created',
  'opportunity.aws_offer_released',
  'opportunity.offer_approved',
  'opportunity.offer_drafted',
  'opportunity.offer_evidence_received',
  'opportunity.offer_option_chosen',
  'opportunity.offer_presented',
  'opportunity.offer_quoted',
  'opportunity.offer_rejected',
  'opportunity.offer_revised',
  'opportunity.offer_sent_for_signature',
  'opportunity.offer_submitted',
  'opportunity.playbook_mapped',
  'opportunity.poc_benchmark_added',
  'opportunity.poc_benchmark_removed',
  'opportunity.poc_benchmark_updated',
  'opportunity.poc_criterion_updated',
  'opportunity.poc_plan_created',
  'opportunity.poc_plan_signed_off',
  'opportunity.poc_readout_recorded',
  'opportunity.poc_session_added',
  'opportunity.poc_session_updated',
  'opportunity.poc_sign_off_withdrawn',
  'opportunity.poc_tco_set',
  'opportunity.stage_changed',
  'opportunity.stall_resumed',
  'opportunity.stall_snoozed',
  'opportunity.updated',
  'quota.set',
  'playbook.version_loaded',
  'territory_model.activated',
  'territory_model.archived',
  'territory_model.created',
  'territory_model.updated',
  'user.created',
  'user.password_removed',
  'user.password_set',
  'user.permissions_changed',
  'user.updated',
  'webhook_delivery.replayed',
  'webhook_subscription.created',
  'webhook_subscription.disabled',
  'webhook_subscription.secret_rotated',
  'webhook_subscription.updated',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A subscription's filter: the listed types, or every type. */
export const ALL_EVENT_TYPES = '*';
export type EventTypeFilter = readonly string[];

/** Whether a subscription with `filter` wants a message of `topic`. */
export function subscriptionWants(filter: EventTypeFilter, topic: string): boolean {
  return filter.some((type) => type === ALL_EVENT_TYPES || type === topic);
}

export interface FanOutSubscription {
  id: string;
  eventTypes: EventTypeFilter;
  createdAt: Date;
}

export interface FanOutMessage {
  outboxId: number;
  topic: string;
  createdAt: Date;
}

/**
 * The deliveries a batch of outbox messages makes: one per message × active subscription that wants its
 * topic and existed when the change was made (a new subscription is not sent the history before it).
 */
export function planFanOut(
  messages: readonly FanOutMessage[],
  subscriptions: readonly FanOutSubscription[],
): Array<{ outboxId: number; subscriptionId: string }> {
  return messages.flatMap((message) =>
    subscriptions
      .filter(
        (subscription) =>
          subscription.createdAt.getTime() <= message.createdAt.getTime() &&
          subscriptionWants(subscription.eventTypes, message.topic),
      )
      .map((subscription) => ({ outboxId: message.outboxId, subscriptionId: subscription.id })),
  );
}
