import { correctContract as correctTerms } from '../../domain/contract/amend-contract.js';
import type { Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { type ContractChanged, changeContract } from './change-contract.js';
import type { CorrectContractInput } from './contract-inputs.js';

/** Finance corrects a contract's terms (dates, TCV): audited as contract.corrected, If-Match its version. */
export function correctContract(
  context: AppContext,
  actor: Actor,
  contractId: string,
  input: CorrectContractInput,
  expectedVersion?: number,
): Promise<Result<ContractChanged, AppError>> {
  return changeContract(context, actor, contractId, expectedVersion, 'contract.corrected', (contract) =>
    correctTerms(contract, input),
  );
}
