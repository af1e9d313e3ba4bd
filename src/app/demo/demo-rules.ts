import { classifyCustomer } from '../../domain/account/customer-class.js';
import { findOpportunityType, forwardPath, openStages } from '../../domain/playbook/lookup.js';
import type {
  Criterion,
  OpportunityType,
  Pipeline,
  Playbook,
  Stage,
} from '../../domain/playbook/playbook.js';
import { type DemoFlavour, ifAllKnown } from './demo-flavour.js';

/**
 * What the demo seed reads from the playbook it runs on: which types fit an account, where a pipeline's POC
 * runs, which stage checks a renewal's uplift. Nothing here assumes a key of any one playbook.
 */

const derivedRule = (criterion: Criterion) =>
  criterion.source.kind === 'derived' ? criterion.source.rule : null;

/** The playbook records contracts and a contract in force makes an account a class of its own. */
export function recordsCustomerContracts(playbook: Playbook): boolean {
  return (
    playbook.contracts !== undefined &&
    playbook.customerClasses.some((klass) => klass.when === 'contract_in_force')
  );
}

/** The class of a demo account: by its contract (when the seed records one) and self-serve usage. */
export function demoClassOf(playbook: Playbook, facts: { contracted: boolean; selfServe: boolean }) {
  const key = classifyCustomer(playbook, {
    hasActiveCommitContract: facts.contracted,
    selfServeUsage: facts.selfServe,
  });
  return playbook.customerClasses.find((klass) => klass.key === key);
}

/** The types a deal of an account of this class may have, in the playbook's order (those of `otherwise` else). */
export function typesForClass(playbook: Playbook, classKey: string | undefined): OpportunityType[] {
  const fits = playbook.opportunityTypes.filter(
    (type) => classKey && type.customerClasses.includes(classKey),
  );
  if (fits.length > 0) return fits;
  const otherwise = playbook.customerClasses.find((klass) => klass.when === 'otherwise')?.key;
  const fallback = playbook.opportunityTypes.filter(
    (type) => otherwise && type.customerClasses.includes(otherwise),
  );
  return fallback.length > 0 ? fallback : playbook.opportunityTypes;
}

/** The type of an account's `turn`-th deal: the flavour's cycle where it fits, else the fitting types in turn. */
export function demoTypeFor(flavour: DemoFlavour, fits: readonly OpportunityType[], turn: number): string {
  const keys = fits.map((type) => type.key);
  const cycle = fits.length > 1 ? (ifAllKnown(flavour.keyed.customerTypeCycle, keys) ?? keys) : keys;
  return cycle[turn % cycle.length] ?? keys[0] ?? '';
}

/** The type renews a contract and the uplift over it tells it from its sibling: its side of the threshold. */
export function upliftSideOf(playbook: Playbook, typeKey: string) {
  return findOpportunityType(playbook, typeKey)?.renewsContract?.uplift;
}

export const renewsContract = (playbook: Playbook, typeKey: string) =>
  findOpportunityType(playbook, typeKey)?.renewsContract !== undefined;

/** Where a pipeline's deals run the POC: the stage it may start from and the stage whose exit needs its result. */
export interface DemoPoc {
  availableFrom: string;
  /** The stage the POC is run in: the first whose exit needs its results, success or readout. */
  stage: Stage;
  /** Criteria of that stage an RVP's override may skip: the readout, else the result. */
  overridable: Set<string>;
}

const POC_RESULT_RULES = ['poc_results_meet_criteria', 'poc_succeeded', 'poc_readout_completed'];

export function demoPocOf(playbook: Playbook, pipeline: Pipeline): DemoPoc | null {
  const template = playbook.inspection.poc;
  if (!template?.pipelines.includes(pipeline.key)) return null;
  const stage = openStages(pipeline).find((candidate) =>
    candidate.exit.some((criterion) => POC_RESULT_RULES.includes(derivedRule(criterion) ?? '')),
  );
  if (!stage) return null;
  const readout = stage.exit.filter((criterion) => derivedRule(criterion) === 'poc_readout_completed');
  const results = stage.exit.filter((criterion) => POC_RESULT_RULES.includes(derivedRule(criterion) ?? ''));
  const overridable = new Set((readout.length > 0 ? readout : results).map((criterion) => criterion.key));
  return { availableFrom: template.availableFromStage, stage, overridable };
}

/**
 * The stage where the seed's deals now and then regress or get an RVP override: the one after the POC, else
 * the middle open stage.
 */
export function turningStage(pipeline: Pipeline, poc: DemoPoc | null): string | undefined {
  const path = forwardPath(pipeline).map((stage) => stage.key);
  if (poc) return path[path.indexOf(poc.stage.key) + 1];
  const open = openStages(pipeline);
  return open[Math.floor(open.length / 2)]?.key;
}

/** The index on the forward path of the stage whose exit checks the type against the uplift (else the end). */
export function upliftCheckIndex(pipeline: Pipeline): number {
  const path = forwardPath(pipeline);
  const index = path.findIndex((stage) =>
    stage.exit.some((criterion) => derivedRule(criterion) === 'type_matches_uplift'),
  );
  return index === -1 ? path.length : index;
}

/** The milestones the demo records on entering each stage of a pipeline. */
export function milestonesOnEntering(
  playbook: Playbook,
  flavour: DemoFlavour,
  pipeline: Pipeline,
): Record<string, string[]> {
  const known = playbook.milestones.map((milestone) => milestone.key);
  const keep = (keys: readonly string[]) => keys.filter((key) => known.includes(key));
  const table = flavour.keyed.milestonesOnEntering;
  if (table && table.pipeline === pipeline.key) {
    return Object.fromEntries(Object.entries(table.stages).map(([stage, keys]) => [stage, keep(keys)]));
  }
  // Else each stage's milestones are recorded as the deal leaves it.
  const path = forwardPath(pipeline);
  return Object.fromEntries(
    path.slice(1).map((stage, index) => [stage.key, keep(path[index]?.milestones ?? [])]),
  );
}
