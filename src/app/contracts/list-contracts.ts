import { listContractsOfAccount } from '../../db/repositories/contracts-repo.js';
import { type Contract, dayOf, isInForce } from '../../domain/contract/contract.js';
import { ok, type Result } from '../../domain/result.js';
import { readableAccount } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';

export interface ContractView extends Contract {
  /** In force today (start ≤ today ≤ end). */
  inForce: boolean;
}

/** The contracts of an account the actor may read, latest-ending first. */
export async function listContracts(
  context: AppContext,
  actor: Actor,
  accountId: string,
): Promise<Result<{ items: ContractView[] }, AppError>> {
  const readable = await readableAccount(context.db, actor, accountId);
  if (!readable.ok) return readable;
  const today = dayOf(context.now());
  const contracts = await listContractsOfAccount(context.db, accountId);
  return ok({ items: contracts.map((contract) => ({ ...contract, inForce: isInForce(contract, today) })) });
}
