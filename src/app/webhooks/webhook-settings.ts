import { STRICT_TARGET_RULES, type TargetRules } from '../../domain/webhooks/webhook-url.js';
import type { AppContext } from '../context.js';

/** How the delivery worker runs (env: WEBHOOKS_*; see src/cli/config.ts). */
export interface WorkerSettings {
  /** How long to wait when there was nothing to do. */
  pollMs: number;
  /** Per attempt, from connect to the last byte read. */
  timeoutMs: number;
  /** How long a claim holds: longer than the timeout, so only a dead worker's claims lapse. */
  leaseMs: number;
  /** Deliveries claimed (and sent at once) per round. */
  batchSize: number;
  /** Outbox messages fanned out per transaction. */
  fanOutBatchSize: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  pollMs: 1000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  batchSize: 16,
  fanOutBatchSize: 500,
};

/** The target rules in force: the context's, else https to public addresses only. */
export const targetRulesOf = (context: AppContext): TargetRules =>
  context.webhookTargets ?? STRICT_TARGET_RULES;
