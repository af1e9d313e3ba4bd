import { hasSqlState, SQLSTATE } from '../../db/database-error.js';
import { listContractsDueForRenewal } from '../../db/repositories/renewals-repo.js';
import { dayOf } from '../../domain/contract/contract.js';
import { renewalDealFor, renewalHorizon } from '../../domain/contract/renewals-due.js';
import { systemActor } from '../access/actors.js';
import type { AppContext } from '../context.js';
import type { Job } from '../jobs/run-jobs.js';
import { createOpportunity } from '../opportunities/create-opportunity.js';

export interface RenewalsRun {
  /** Renewal deals created by this run. */
  created: number;
  /** Contracts another run renewed meanwhile (the race is lost quietly: one deal per contract). */
  skipped: number;
  /** Contracts whose deal was refused (no owner, a type that does not fit the account, …), with why. */
  refused: { contractId: string; reason: string }[];
}

/**
 * Opens a renewal deal for each commit contract due (ending within the playbook's `renewals.leadDays`, not
 * ended early, not renewed yet, its account without an open Renewal/Expansion opened by hand), through the same create path as every deal — gate snapshot, audit event and
 * outbox row — by the system. Two runs at once create one deal per contract: the contract is locked for the
 * create, and the unique index on opportunities.renews_contract_id has the last word.
 */
export async function runRenewals(context: AppContext): Promise<RenewalsRun> {
  const run: RenewalsRun = { created: 0, skipped: 0, refused: [] };
  const settings = context.playbook.renewals;
  if (!settings || !context.playbook.contracts) return run;
  const today = dayOf(context.now());
  const renewingTypes = context.playbook.opportunityTypes
    .filter((type) => type.renewsContract || type.key === settings.type)
    .map((type) => type.key);
  const horizon = renewalHorizon(settings, today);
  const due = await listContractsDueForRenewal(context.db, today, horizon, renewingTypes);
  const actor = systemActor('renewals');
  for (const { contract, account } of due) {
    const { renewsContractId, ownerId, ...deal } = renewalDealFor(
      context.playbook,
      settings,
      contract,
      account,
    );
    if (!ownerId) {
      run.refused.push({ contractId: contract.id, reason: 'the account has neither a CSM nor an owner' });
      continue;
    }
    try {
      const created = await createOpportunity(context, actor, { ...deal, ownerId }, { renewsContractId });
      if (created.ok) run.created += 1;
      else if (created.error.code === 'conflict') run.skipped += 1;
      else run.refused.push({ contractId: contract.id, reason: created.error.message });
    } catch (error) {
      if (!hasSqlState(error, SQLSTATE.uniqueViolation)) throw error;
      run.skipped += 1;
    }
  }
  return run;
}

/** The daily renewals run, as a server job (once a day across every process; see scheduleJobs). */
export const renewalsJob: Job = {
  name: 'renewals',
  async run(context) {
    const run = await runRenewals(context);
    return { created: run.created, skipped: run.skipped, refused: run.refused.length };
  },
};
