import type { AppContext } from '../context.js';
import { processInboundEvents } from '../integrations/process-inbound-events.js';
import type { Job } from './run-jobs.js';

/** Processes the vendor events a receiver stored but did not process (a crash, a failed attempt). */
export const inboundEvents: Job = {
  name: 'inbound-events',
  run: (context: AppContext) => processInboundEvents(context),
};
