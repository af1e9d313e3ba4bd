import { ACTIVITY_KINDS } from '../activity/activity.js';
import type { CheckableField, Criterion, Pipeline, Stage } from '../playbook/playbook.js';
import { levelRank, meddpiccRequiredToLeave } from '../qualification/meddpicc.js';

/** The fields `field_present` reads, by bit of a deal's `gateFlags` (bits 0–3). */
export const CHECKABLE_FIELDS = [
  'nextStep',
  'description',
  'amountMinor',
  'closeDate',
] as const satisfies readonly CheckableField[];

/** Bits of a deal's `gateFlags` beyond the checkable fields: facts the gate's rules read as yes/no. */
export const GATE_FLAG = {
  customerFits: 1 << 4,
  /** The deal has an uplift verdict that does not fit (null uplift: nothing to check). */
  upliftFails: 1 << 5,
  quoteSigned: 1 << 6,
  offerAccepted: 1 << 7,
  pocPlan: 1 << 8,
  pocPlanSignedOff: 1 << 9,
  pocResultsMeetCriteria: 1 << 10,
  pocReadoutCompleted: 1 << 11,
  pocSucceeded: 1 << 12,
} as const;

/** What one requirement of a move checks (the gate's RequirementCheck kinds, derived rules one by one). */
export const REQ = {
  customerFit: 0,
  attested: 1,
  stageLevels: 2,
  element: 3,
  field: 4,
  flag: 5,
  milestone: 6,
  activities: 7,
  meddpicc: 8,
} as const;

/** One requirement as the plain gate names it: kind, stage and key (a RequirementCheck's identity). */
export interface RequirementName {
  kind: 'customer_fit' | 'criterion' | 'meddpicc';
  stage: string;
  key: string;
}

/** The requirements of every forward move, struct-of-arrays; a move is a range [moveStart, moveEnd). */
export interface CompiledRequirements {
  kind: Uint8Array;
  /** Attestation, element, field, milestone index, flag bit, activity-kind mask or global stage index. */
  arg: Int32Array;
  /** Level (0–2), evidence required (0/1) or the activity count needed. */
  arg2: Int32Array;
  /** Lead-source bit mask the criterion applies to; 0: every source. */
  sources: Uint32Array;
  names: RequirementName[];
}

export interface RequirementIndexes {
  element: ReadonlyMap<string, number>;
  attestation: ReadonlyMap<string, number>;
  milestone: ReadonlyMap<string, number>;
  source: ReadonlyMap<string, number>;
  /** Global index of a stage of a pipeline. */
  stage: (pipeline: Pipeline, stage: Stage) => number;
}

interface Row {
  kind: number;
  arg: number;
  arg2: number;
  sources: number;
  name: RequirementName;
}

const POC_FLAGS = {
  poc_plan_signed_off: GATE_FLAG.pocPlanSignedOff,
  poc_results_meet_criteria: GATE_FLAG.pocResultsMeetCriteria,
  poc_readout_completed: GATE_FLAG.pocReadoutCompleted,
  poc_succeeded: GATE_FLAG.pocSucceeded,
} as const;

function indexOf(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const index = map.get(key);
  if (index === undefined) throw new Error(`compilePlaybook: unknown ${what} ${key}`);
  return index;
}

function criterionRow(
  criterion: Criterion,
  pipeline: Pipeline,
  stage: Stage,
  indexes: RequirementIndexes,
): Row {
  const sources = (criterion.onlyForSources ?? []).reduce(
    (mask, source) => mask | (1 << indexOf(indexes.source, source, 'lead source')),
    0,
  );
  const row = (kind: number, arg = 0, arg2 = 0): Row => ({
    kind,
    arg,
    arg2,
    sources: sources >>> 0,
    name: { kind: 'criterion', stage: stage.key, key: criterion.key },
  });
  const source = criterion.source;
  if (source.kind === 'attested') {
    const index = indexOf(indexes.attestation, criterion.key, 'attested criterion');
    return row(REQ.attested, index, source.evidenceRequired ? 1 : 0);
  }
  switch (source.rule) {
    case 'qualification_stage_levels':
      return row(REQ.stageLevels, indexes.stage(pipeline, stage));
    case 'qualification_element':
      return row(REQ.element, indexOf(indexes.element, source.element, 'element'), levelRank(source.atLeast));
    case 'field_present':
      return row(REQ.field, 1 << CHECKABLE_FIELDS.indexOf(source.field));
    case 'poc_plan_signed_off':
    case 'poc_results_meet_criteria':
    case 'poc_readout_completed':
    case 'poc_succeeded':
      return row(REQ.flag, POC_FLAGS[source.rule] | GATE_FLAG.pocPlan);
    case 'milestone_recorded':
      return row(REQ.milestone, 1 << indexOf(indexes.milestone, source.milestone, 'milestone'));
    case 'activity_logged': {
      const kinds = source.kinds.reduce((mask, kind) => mask | (1 << ACTIVITY_KINDS.indexOf(kind)), 0);
      return row(REQ.activities, kinds, source.atLeast);
    }
    case 'type_matches_uplift':
      // Met unless the deal has an uplift verdict that does not fit: checked as "flag clear" (arg2 = 1).
      return row(REQ.flag, GATE_FLAG.upliftFails, 1);
    case 'quote_signed':
      return row(REQ.flag, GATE_FLAG.quoteSigned);
    case 'offer_accepted':
      return row(REQ.flag, GATE_FLAG.offerAccepted);
  }
}

/**
 * The requirements `checkForwardMove` lists for the move from `path[start]` to `path[start + 1]`: the customer
 * fit, the first stage's entrance (when leaving it), the exit of the stage left, the entrance of the stage
 * entered and the cumulative MEDDPICC of the stage left.
 */
export function forwardMoveRows(
  pipeline: Pipeline,
  path: readonly Stage[],
  start: number,
  indexes: RequirementIndexes,
): Row[] {
  const from = path[start] as Stage;
  const to = path[start + 1] as Stage;
  const rows: Row[] = [
    {
      kind: REQ.customerFit,
      arg: 0,
      arg2: 0,
      sources: 0,
      name: { kind: 'customer_fit', stage: to.key, key: 'type_fits_customer' },
    },
  ];
  const criteria = (stage: Stage, list: readonly Criterion[]) =>
    list.map((criterion) => criterionRow(criterion, pipeline, stage, indexes));
  if (start === 0) rows.push(...criteria(from, from.entrance));
  rows.push(...criteria(from, from.exit), ...criteria(to, to.entrance));
  for (const req of meddpiccRequiredToLeave(pipeline, from)) {
    rows.push({
      kind: REQ.meddpicc,
      arg: indexOf(indexes.element, req.element, 'element'),
      arg2: levelRank(req.level),
      sources: 0,
      name: { kind: 'meddpicc', stage: req.introducedAt, key: req.element },
    });
  }
  return rows;
}

export function toColumns(rows: readonly Row[]): CompiledRequirements {
  return {
    kind: Uint8Array.from(rows, (row) => row.kind),
    arg: Int32Array.from(rows, (row) => row.arg),
    arg2: Int32Array.from(rows, (row) => row.arg2),
    sources: Uint32Array.from(rows, (row) => row.sources),
    names: rows.map((row) => row.name),
  };
}
