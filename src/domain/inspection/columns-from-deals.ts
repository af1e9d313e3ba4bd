import { ACTIVITY_KINDS } from '../activity/activity.js';
import { applyClosingRule } from '../gates/closing-rules.js';
import { factsAsRulesSeeThem } from '../gates/derived-rules.js';
import type { OpportunityFacts } from '../opportunity/opportunity-facts.js';
import { levelRank } from '../qualification/meddpicc.js';
import { dayNumber } from './business-days.js';
import { type CompiledPlaybook, stageIndexOf } from './compiled-playbook.js';
import { CHECKABLE_FIELDS, GATE_FLAG } from './compiled-requirements.js';
import { type DealColumns, NO_DAY } from './deal-columns.js';
import { POC_STATUSES } from './fast-evaluator.js';
import { STAGE_CHANGE_KINDS } from './fast-velocity.js';
import type { HealthFacts } from './health-facts.js';
import type { StageChangeFact } from './stage-intervals.js';
import type { StallSnooze } from './velocity.js';

/** One deal as the plain evaluators take it: the gate's facts plus what velocity and health read. */
export interface PlainDeal {
  facts: OpportunityFacts;
  /** Oldest first; empty: in its stage since `stageEnteredAt` (assessDeal's fallback). */
  history: readonly StageChangeFact[];
  stageEnteredAt: Date;
  snooze: StallSnooze | null;
  signals: Pick<HealthFacts, 'closeDateChanges' | 'stakeholderChanges' | 'overrides'>;
  pushCount: number;
  lastActivity: { at: Date; kind: string } | null;
  createdAt: Date;
}

/** Counts only meet thresholds: kept within a Uint16 column. */
const count16 = (value: number) => Math.min(value, 0xffff);
const epochDay = (isoDate: string) => dayNumber(new Date(`${isoDate}T00:00:00Z`));

function gateFlagsOf(facts: OpportunityFacts): number {
  const seen = factsAsRulesSeeThem(facts);
  let flags = 0;
  CHECKABLE_FIELDS.forEach((field, bit) => {
    if (seen[field] === true) flags |= 1 << bit;
  });
  if (facts.customerFit.fits) flags |= GATE_FLAG.customerFits;
  if (facts.uplift && facts.uplift.fits !== true) flags |= GATE_FLAG.upliftFails;
  // The vendor evidence reduces to two facts (the closing rules' verdicts), as a stored column would.
  if (applyClosingRule('quote_signed', facts.closing).met) flags |= GATE_FLAG.quoteSigned;
  if (applyClosingRule('offer_accepted', facts.closing).met) flags |= GATE_FLAG.offerAccepted;
  const poc = facts.poc;
  if (poc) {
    flags |= GATE_FLAG.pocPlan;
    if (poc.planSignedOff) flags |= GATE_FLAG.pocPlanSignedOff;
    if (poc.resultsMeetCriteria) flags |= GATE_FLAG.pocResultsMeetCriteria;
    if (poc.readoutCompleted) flags |= GATE_FLAG.pocReadoutCompleted;
    if (poc.status === 'succeeded') flags |= GATE_FLAG.pocSucceeded;
  }
  return flags;
}

function packed<T>(deals: readonly PlainDeal[], listOf: (deal: PlainDeal) => readonly T[]) {
  const offsets = new Uint32Array(deals.length + 1);
  deals.forEach((deal, index) => {
    offsets[index + 1] = (offsets[index] ?? 0) + listOf(deal).length;
  });
  return { offsets, total: offsets[deals.length] ?? 0 };
}

/** Plain deals into columns (not timed: the refresh job reads columns from the database instead). */
export function columnsFromDeals(compiled: CompiledPlaybook, deals: readonly PlainDeal[]): DealColumns {
  const N = deals.length;
  const E = compiled.elementKeys.length;
  const A = compiled.attestationIndex.size;
  const historyOf = (deal: PlainDeal): readonly StageChangeFact[] =>
    deal.history.length > 0
      ? deal.history
      : [{ toStage: deal.facts.stage, kind: 'create', at: deal.stageEnteredAt }];
  const history = packed(deals, historyOf);
  const changes = packed(deals, (deal) => deal.signals.closeDateChanges);
  const people = packed(deals, (deal) => deal.signals.stakeholderChanges);
  const columns: DealColumns = {
    count: N,
    stage: new Uint16Array(N),
    sourceBit: new Uint32Array(N),
    gateFlags: new Uint16Array(N),
    meddpicc: new Uint8Array(N * E),
    attestations: new Uint8Array(N * A),
    milestones: new Uint32Array(N),
    activityCounts: new Uint16Array(N * ACTIVITY_KINDS.length),
    pocStatus: new Uint8Array(N),
    closeDay: new Int32Array(N),
    createdDay: new Int32Array(N),
    lastActivityDay: new Int32Array(N),
    pushCount: new Uint16Array(N),
    overrideCount: new Uint16Array(N),
    snoozeUntilMs: new Float64Array(N),
    historyOffsets: history.offsets,
    historyStage: new Uint16Array(history.total),
    historyKind: new Uint8Array(history.total),
    historyDay: new Int32Array(history.total),
    closeChangeOffsets: changes.offsets,
    closeChangeAtMs: new Float64Array(changes.total),
    closeChangeLater: new Uint8Array(changes.total),
    stakeholderOffsets: people.offsets,
    stakeholderAtMs: new Float64Array(people.total),
  };
  deals.forEach((deal, d) => {
    const { facts } = deal;
    const stageOf = (key: string) => {
      const g = stageIndexOf(compiled, facts.pipeline, key);
      if (g < 0) throw new Error(`deal is in unknown stage ${facts.pipeline}/${key}`);
      return g;
    };
    columns.stage[d] = stageOf(facts.stage);
    const source = compiled.sourceIndex.get(facts.source);
    columns.sourceBit[d] = source === undefined ? 0 : (1 << source) >>> 0;
    columns.gateFlags[d] = gateFlagsOf(facts);
    compiled.elementKeys.forEach((key, e) => {
      columns.meddpicc[d * E + e] = levelRank(facts.meddpicc[key]?.level ?? 'unknown');
    });
    for (const [key, index] of compiled.attestationIndex) {
      const attestation = facts.attestations[key];
      if (attestation) columns.attestations[d * A + index] = attestation.evidenceUrl ? 3 : 1;
    }
    for (const [key, index] of compiled.milestoneIndex)
      if (facts.milestones[key]) columns.milestones[d] = ((columns.milestones[d] ?? 0) | (1 << index)) >>> 0;
    for (const activity of facts.activities) {
      const slot = d * ACTIVITY_KINDS.length + ACTIVITY_KINDS.indexOf(activity.kind);
      columns.activityCounts[slot] = count16((columns.activityCounts[slot] ?? 0) + 1);
    }
    columns.pocStatus[d] = POC_STATUSES.indexOf(facts.poc?.status ?? 'none');
    columns.closeDay[d] = epochDay(facts.closeDate);
    columns.createdDay[d] = dayNumber(deal.createdAt);
    columns.lastActivityDay[d] = deal.lastActivity ? dayNumber(deal.lastActivity.at) : NO_DAY;
    columns.pushCount[d] = count16(deal.pushCount);
    columns.overrideCount[d] = count16(deal.signals.overrides.length);
    columns.snoozeUntilMs[d] = deal.snooze ? deal.snooze.until.getTime() : Number.NaN;
    historyOf(deal).forEach((change, k) => {
      const at = (history.offsets[d] ?? 0) + k;
      columns.historyStage[at] = stageOf(change.toStage);
      columns.historyKind[at] = STAGE_CHANGE_KINDS.indexOf(change.kind);
      columns.historyDay[at] = dayNumber(change.at);
    });
    deal.signals.closeDateChanges.forEach((change, k) => {
      const at = (changes.offsets[d] ?? 0) + k;
      columns.closeChangeAtMs[at] = change.at.getTime();
      columns.closeChangeLater[at] = change.to > change.from ? 1 : 0;
    });
    deal.signals.stakeholderChanges.forEach((change, k) => {
      columns.stakeholderAtMs[(people.offsets[d] ?? 0) + k] = change.at.getTime();
    });
  });
  return columns;
}
