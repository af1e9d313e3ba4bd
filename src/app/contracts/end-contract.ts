import { endContract as endEarly } from '../../domain/contract/amend-contract.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { type ContractChanged, changeContract } from './change-contract.js';
import type { EndContractInput } from './contract-inputs.js';

/**
 * Finance ends a contract before term: it is in force through `endedOn` only (the account's class follows)
 * and is not renewed. Audited as contract.ended, If-Match its version.
 */
export function endContract(
  context: AppContext,
  actor: Actor,
  contractId: string,
  input: EndContractInput,
  expectedVersion?: number,
): Promise<Result<ContractChanged, AppError>> {
  return changeContract(context, actor, contractId, expectedVersion, 'contract.ended', (contract) =>
    endEarly(contract, input),
  );
}
