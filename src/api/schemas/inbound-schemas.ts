import { z } from 'zod';

/** The answer to a vendor's delivery: received (stored now, or already on file from an earlier delivery). */
export const receivedSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean().describe('The same event was already on file: nothing new was stored'),
  })
  .meta({ id: 'InboundEventReceived' });
