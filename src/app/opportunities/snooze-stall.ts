import { z } from 'zod';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import { type AppError, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { isoDate } from '../shared/fields.js';
import { recordEvent } from '../shared/record-event.js';

export const snoozeInput = z
  .object({
    until: isoDate.describe('The resume date: velocity judges the stall again from this day'),
    reason: z.string().trim().min(1, 'say why the deal is stalled').max(500),
  })
  .strict();
export type SnoozeInput = z.infer<typeof snoozeInput>;

const MAX_SNOOZE_DAYS = 180;

/** Snoozes (or, with null, resumes) a stall with a known reason; moving the deal to another stage ends it too. */
export async function snoozeStall(
  context: AppContext,
  actor: Actor,
  id: string,
  input: SnoozeInput | null,
  expectedVersion?: number,
): Promise<Result<Opportunity, AppError>> {
  const now = context.now();
  if (input) {
    const today = now.toISOString().slice(0, 10);
    const latest = new Date(now.getTime() + MAX_SNOOZE_DAYS * 86_400_000).toISOString().slice(0, 10);
    if (input.until <= today || input.until > latest) {
      return err(
        invalid([{ path: 'until', message: `a date after today and at most ${MAX_SNOOZE_DAYS} days ahead` }]),
      );
    }
  }
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'edit', expectedVersion);
    if (!locked.ok) return locked;
    const current = locked.value;
    if (!input && !current.stallSnooze) return ok(current);
    const next: Opportunity = {
      ...current,
      stallSnooze: input,
      version: current.version + 1,
      updatedAt: now,
    };
    await saveOpportunity(trx, next);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: input ? 'opportunity.stall_snoozed' : 'opportunity.stall_resumed',
      before: { stallSnooze: current.stallSnooze },
      after: { stallSnooze: input },
    });
    await storeInspections(context, trx, [id]);
    return ok(next);
  });
}
