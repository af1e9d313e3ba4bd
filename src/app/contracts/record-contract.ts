import type { Kysely } from 'kysely';
import { saveAccount } from '../../db/repositories/accounts-repo.js';
import { findContractOfOpportunity, insertContract } from '../../db/repositories/contracts-repo.js';
import { findOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Database } from '../../db/schema.js';
import type { Account } from '../../domain/account/account.js';
import type { Contract } from '../../domain/contract/contract.js';
import { isWon } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToOpportunity, lockAccountForContracts } from '../access/authorize.js';
import { type AppError, type FieldIssue, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import type { RecordContractInput } from './contract-inputs.js';

export interface ContractRecorded {
  contract: Contract;
  /** The account's new version: its class may have changed with the contract. */
  accountVersion: number;
}

/**
 * Records a commit contract on an account (Finance and RevOps: see ROLE_RIGHTS.recordContracts), optionally
 * from a won deal on the same account that no other contract came from. Audited; bumps the account version.
 */
export async function recordContract(
  context: AppContext,
  actor: Actor,
  accountId: string,
  input: RecordContractInput,
  expectedVersion?: number,
): Promise<Result<ContractRecorded, AppError>> {
  if (!context.playbook.contracts) {
    return err({
      code: 'conflict',
      message: 'This playbook keeps no contracts (it has no `contracts` section).',
    });
  }
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockAccountForContracts(trx, actor, accountId, expectedVersion);
    if (!locked.ok) return locked;
    const account = locked.value;
    const opportunityId = input.opportunityId ?? null;
    if (opportunityId) {
      const issue = await checkSourceDeal(trx, context.playbook, actor, accountId, opportunityId);
      if (issue) return err(invalid([issue]));
    }
    const now = context.now();
    const contract: Contract = {
      id: context.newId('ctr'),
      accountId,
      kind: input.kind ?? 'commit',
      startDate: input.startDate,
      endDate: input.endDate,
      tcvMinor: input.tcvMinor,
      currency: input.currency,
      opportunityId,
      createdBy: actor.id,
      createdAt: now,
      version: 1,
      endedOn: null,
      endedReason: null,
    };
    return ok(await saveContract(trx, actor, account, contract));
  });
}

/** Stores a contract on its locked account: the account's version bumps (its class may change), audited. */
export async function saveContract(
  trx: Kysely<Database>,
  actor: Actor,
  account: Account,
  contract: Contract,
): Promise<ContractRecorded> {
  await insertContract(trx, contract);
  const accountVersion = account.version + 1;
  await saveAccount(trx, { ...account, version: accountVersion, updatedAt: contract.createdAt });
  await recordEvent(trx, actor, contract.createdAt, {
    entityType: 'contract',
    entityId: contract.id,
    action: 'contract.recorded',
    opportunityId: contract.opportunityId,
    after: contract,
  });
  return { contract, accountVersion };
}

/** The deal a contract came from must be a won deal on the same account, seen by the actor, not used yet. */
async function checkSourceDeal(
  trx: AppContext['db'],
  playbook: Playbook,
  actor: Actor,
  accountId: string,
  opportunityId: string,
): Promise<FieldIssue | null> {
  const deal = await findOpportunity(trx, opportunityId);
  if (!deal || deal.accountId !== accountId || !(await accessToOpportunity(trx, actor, deal)).read) {
    return { path: 'opportunityId', message: 'no such deal on this account' };
  }
  if (!isWon(playbook, deal)) return { path: 'opportunityId', message: 'the deal is not won' };
  if (await findContractOfOpportunity(trx, opportunityId)) {
    return { path: 'opportunityId', message: 'a contract was already recorded from this deal' };
  }
  return null;
}
