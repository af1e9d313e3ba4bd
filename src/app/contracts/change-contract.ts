import { saveAccount } from '../../db/repositories/accounts-repo.js';
import { findContractForUpdate, saveContractTerms } from '../../db/repositories/contracts-repo.js';
import type { FieldProblem } from '../../domain/contract/amend-contract.js';
import type { Contract } from '../../domain/contract/contract.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockAccountForContracts } from '../access/authorize.js';
import { type AppError, invalid, notFound, stale } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';

export interface ContractChanged {
  contract: Contract;
  /** The account's new version: its class may have changed with the contract. */
  accountVersion: number;
}

/**
 * The one way a recorded contract changes (corrected, ended): its account locked and judged as for
 * recording (Finance, RevOps: 404 unseen, 403 others), the contract at `expectedVersion` (412 stale), the
 * change decided by `amend`, saved at the next version with the account's version bumped, audited.
 */
export async function changeContract(
  context: AppContext,
  actor: Actor,
  contractId: string,
  expectedVersion: number | undefined,
  action: 'contract.corrected' | 'contract.ended',
  amend: (contract: Contract) => { ok: true; contract: Contract } | { ok: false; issues: FieldProblem[] },
): Promise<Result<ContractChanged, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('contracts')
      .select('account_id')
      .where('id', '=', contractId)
      .executeTakeFirst();
    if (!seen) return err(notFound('Contract', contractId));
    const locked = await lockAccountForContracts(trx, actor, seen.account_id, undefined);
    if (!locked.ok) return locked.error.code === 'not_found' ? err(notFound('Contract', contractId)) : locked;
    const current = await findContractForUpdate(trx, contractId);
    if (!current) return err(notFound('Contract', contractId));
    if (expectedVersion !== undefined && expectedVersion !== current.version)
      return err(stale(current.version));
    const amended = amend(current);
    if (!amended.ok) return err(invalid(amended.issues));
    const now = context.now();
    const contract = { ...amended.contract, version: current.version + 1 };
    await saveContractTerms(trx, contract, now);
    const account = locked.value;
    const accountVersion = account.version + 1;
    await saveAccount(trx, { ...account, version: accountVersion, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'contract',
      entityId: contract.id,
      action,
      opportunityId: contract.opportunityId,
      before: current,
      after: contract,
    });
    return ok({ contract, accountVersion });
  });
}
