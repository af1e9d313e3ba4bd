import { findContact } from '../../db/repositories/accounts-repo.js';
import { recordReadout, signOff } from '../../domain/poc/change-poc-plan.js';
import { err, ok } from '../../domain/result.js';
import { invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { changePoc } from './change-poc.js';
import type { PocReadoutInput, PocSignOffInput } from './poc-inputs.js';

/** Records the Champion's sign-off of the Mutual POC Success Plan: a contact of the deal's account, with the link. */
export function signOffPocPlan(
  context: AppContext,
  actor: Actor,
  id: string,
  input: PocSignOffInput,
  expectedVersion?: number,
) {
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_plan_signed_off',
      decide: async (plan, deal, now, trx) => {
        const contact = await findContact(trx, input.contactId);
        if (contact?.accountId !== deal.accountId) {
          return err(invalid([{ path: 'contactId', message: "not a contact of this deal's account" }]));
        }
        const record = {
          contactId: input.contactId,
          evidenceUrl: input.evidenceUrl,
          signedAt: input.signedAt ?? now,
          recordedBy: actor.id,
        };
        return ok(signOff(plan, record, now));
      },
      audit: (before, after) => ({ before: before.signOff, after: after.signOff }),
    },
    expectedVersion,
  );
}

/** Withdraws the sign-off (recorded by mistake, or the Champion took it back): Discover's criterion is unmet again. */
export function withdrawPocSignOff(context: AppContext, actor: Actor, id: string, expectedVersion?: number) {
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_sign_off_withdrawn',
      decide: (plan, _deal, now) => ok(signOff(plan, null, now)),
      audit: (before) => ({ before: before.signOff, after: null }),
    },
    expectedVersion,
  );
}

/** Records that the POC readout was held (after the validation session). */
export function recordPocReadout(
  context: AppContext,
  actor: Actor,
  id: string,
  input: PocReadoutInput,
  expectedVersion?: number,
) {
  return changePoc(
    context,
    actor,
    id,
    {
      action: 'opportunity.poc_readout_recorded',
      decide: (plan, _deal, now) =>
        recordReadout(
          plan,
          { completedAt: input.completedAt ?? now, recordedBy: actor.id, note: input.note ?? null },
          now,
          context.playbook.inspection.poc?.resultsSession,
        ),
      audit: (before, after) => ({ before: before.readout, after: after.readout }),
    },
    expectedVersion,
  );
}
