import { insertInboundEventOnce } from '../../db/repositories/inbound-events-repo.js';
import type { JsonValue } from '../../db/schema.js';
import type { InboundEventFacts } from '../../domain/inbound/inbound-event.js';
import type { AppContext } from '../context.js';

export interface RecordedInboundEvent {
  /** False when this fact was already on file (a retry, a duplicate, a replay): nothing was written. */
  stored: boolean;
}

/**
 * Keeps a verified, validated vendor event once. Nothing else happens here, so the receiver answers fast
 * (Connect and EventBridge retry a slow or failed answer); moving an offer from its events is the processing
 * step's, by the events' own time.
 */
export async function recordInboundEvent(
  context: AppContext,
  facts: InboundEventFacts,
  payload: JsonValue,
): Promise<RecordedInboundEvent> {
  const stored = await insertInboundEventOnce(context.db, {
    ...facts,
    id: context.newId('ine'),
    payload,
    receivedAt: context.now(),
  });
  return { stored };
}
