const SECOND = 1000;
const HOUR = 3_600_000;

/**
 * When a failed delivery is tried again: exponential backoff from 30 s, doubling, capped at 6 h, each delay
 * shortened by up to 20 % at random (jitter, so receivers that fail together are not retried together); 15
 * attempts in all. Delays after attempts 1…14: 30 s, 1, 2, 4, 8, 16, 32, 64, 128, 256 min, then 6 h four times
 * — 32 h 31 min nominal, at least 26 h with the most jitter: past the 24 h a receiver may be down for.
 */
export const RETRY_POLICY = {
  firstDelayMs: 30 * SECOND,
  factor: 2,
  maxDelayMs: 6 * HOUR,
  maxAttempts: 15,
  jitter: 0.2,
} as const;

/** The delay after the `attempt`-th failed attempt (1-based); `random` in [0, 1) picks the jitter. */
export function retryDelayMs(attempt: number, random: number, policy = RETRY_POLICY): number {
  const nominal = Math.min(policy.firstDelayMs * policy.factor ** (attempt - 1), policy.maxDelayMs);
  return Math.round(nominal * (1 - policy.jitter * random));
}

/** What an attempt's answer means: 2xx delivered, 410 Gone the receiver wants no more, anything else failed. */
export type AttemptOutcome = 'delivered' | 'gone' | 'failed';

export function outcomeOfStatus(status: number | null): AttemptOutcome {
  if (status === null) return 'failed';
  if (status >= 200 && status < 300) return 'delivered';
  return status === 410 ? 'gone' : 'failed';
}

export type DeliveryDecision =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'dead'; disableSubscription: boolean };

/**
 * After an attempt: delivered; dead (410 Gone: and the subscription is disabled; or the retry budget is spent);
 * else pending until the next attempt. `attempts` counts the attempts since the delivery was made or replayed.
 */
export function decideAfterAttempt(
  outcome: AttemptOutcome,
  attempts: number,
  now: Date,
  random: number,
  policy = RETRY_POLICY,
): DeliveryDecision {
  if (outcome === 'delivered') return { status: 'delivered' };
  if (outcome === 'gone') return { status: 'dead', disableSubscription: true };
  if (attempts >= policy.maxAttempts) return { status: 'dead', disableSubscription: false };
  return {
    status: 'pending',
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random, policy)),
  };
}
