import type { Contract } from './contract.js';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Terms Finance may correct on a contract: any of its dates and its TCV. */
export interface ContractCorrection {
  startDate?: string;
  endDate?: string;
  tcvMinor?: number;
}

/** What ending a contract before term records: its last day in force and why. */
export interface ContractEnding {
  endedOn: string;
  reason: string;
}

type Amended = { ok: true; contract: Contract } | { ok: false; issues: FieldProblem[] };

/**
 * The contract with corrected terms, or the fields that do not hold: the end on or after the start, and a
 * contract ended early still ending within its corrected term.
 */
export function correctContract(contract: Contract, correction: ContractCorrection): Amended {
  const corrected: Contract = { ...contract, ...correction };
  const issues: FieldProblem[] = [];
  if (corrected.endDate < corrected.startDate) {
    const path = correction.endDate !== undefined ? 'endDate' : 'startDate';
    issues.push({ path, message: 'the contract would end before it starts' });
  }
  if (
    corrected.endedOn &&
    (corrected.endedOn < corrected.startDate || corrected.endedOn > corrected.endDate)
  ) {
    const path = correction.endDate !== undefined ? 'endDate' : 'startDate';
    issues.push({ path, message: `the contract was ended on ${corrected.endedOn}, outside these terms` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, contract: corrected };
}

/**
 * The contract ended before term on `endedOn` (within its term: from its start to its end date), or why
 * not. Ending an ended contract again is refused: correct the terms instead.
 */
export function endContract(contract: Contract, ending: ContractEnding): Amended {
  if (contract.endedOn) {
    return { ok: false, issues: [{ path: 'endedOn', message: `already ended on ${contract.endedOn}` }] };
  }
  if (ending.endedOn < contract.startDate || ending.endedOn > contract.endDate) {
    const message = `must be within the contract's term (${contract.startDate} to ${contract.endDate})`;
    return { ok: false, issues: [{ path: 'endedOn', message }] };
  }
  return { ok: true, contract: { ...contract, endedOn: ending.endedOn, endedReason: ending.reason } };
}
