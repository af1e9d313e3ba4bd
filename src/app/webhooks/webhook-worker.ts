import type { AppContext } from '../context.js';
import { type DeliveryRound, deliverDue } from './deliver-due.js';
import { fanOutOutbox } from './fan-out-outbox.js';
import type { WorkerSettings } from './webhook-settings.js';

export interface WorkerRound extends DeliveryRound {
  messages: number;
  deliveries: number;
}

/** One round: fan out new outbox messages, then claim and send what is due. */
export async function runWebhookRound(
  context: AppContext,
  settings: WorkerSettings,
  random?: () => number,
): Promise<WorkerRound> {
  const fannedOut = await fanOutOutbox(context, settings.fanOutBatchSize);
  const delivered = await deliverDue(context, settings, random);
  return { ...fannedOut, ...delivered };
}

export interface RunningWorker {
  /** Ends the loop after the round in flight (its attempts are recorded); resolves when it has. */
  stop: () => Promise<void>;
}

/**
 * Runs rounds until stopped: at once again while a round found a full batch, else after `pollMs`. A failed
 * round is reported and the loop goes on. Every process may run one: claims never overlap (decision 015).
 */
export function startWebhookWorker(
  context: AppContext,
  settings: WorkerSettings,
  options: { onError: (error: unknown) => void; onRound?: (round: WorkerRound) => void },
): RunningWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const round = await runWebhookRound(context, settings);
        options.onRound?.(round);
        busy = round.messages >= settings.fanOutBatchSize || round.claimed >= settings.batchSize;
      } catch (error) {
        options.onError(error);
      }
      if (!busy && !stopped) await pause(settings.pollMs);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
