import { err, ok, type Result } from '../result.js';
import { findCriterion, findOpportunityType, findPipeline, findStage } from './lookup.js';
import type { ForecastCategory, Playbook } from './playbook.js';
import { MAPPING_SECTIONS, type MappedKind, mapKey, mapStage } from './playbook-mappings.js';
import type { KeyCount, PlaybookUsage } from './playbook-usage.js';

/** A key records use that the new version neither has nor maps, with how many records use it. */
export interface PlaybookChangeProblem {
  kind: MappedKind;
  key: string;
  /** The pipeline of the records (stages and criteria are keyed within a pipeline). */
  pipeline?: string;
  count: number;
  /** What the records are: opportunities, attestations, qualification entries, milestones. */
  records: string;
  /** Where in the new file a mapping for it goes. */
  mapWith: string;
  message: string;
}

export interface DealPlace {
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: string;
}

/** Deals that move (type, pipeline or stage mapped) or whose stage's probability or category changed. */
export interface DealMove {
  from: DealPlace;
  to: DealPlace & { forecastCategory: ForecastCategory };
  count: number;
}

/** Records of one key that take another key, or go (`to: null`). */
export interface KeyMove {
  kind: Exclude<MappedKind, 'stage' | 'type'>;
  from: string;
  to: string | null;
  count: number;
}

export interface PlaybookChangePlan {
  deals: DealMove[];
  keys: KeyMove[];
  /** Totals for the audit event and the screens. */
  summary: {
    dealsMoved: number;
    dealsReprobabilised: number;
    recordsRenamed: number;
    recordsRetired: number;
  };
}

const RECORDS: Record<MappedKind, string> = {
  stage: 'opportunities are in it',
  type: 'opportunities have it',
  criterion: 'attestations record it',
  qualificationElement: 'qualification entries record it',
  milestone: 'deals recorded it',
  leadSource: 'opportunities come from it',
  lossReason: 'opportunities were lost for it',
};

const WORDS: Record<MappedKind, string> = {
  stage: 'stage',
  type: 'opportunity type',
  criterion: 'criterion',
  qualificationElement: 'qualification element',
  milestone: 'milestone',
  leadSource: 'lead source',
  lossReason: 'loss reason',
};

/** A key in use that the new version lacks, before its count is summed and its message written. */
interface Lack {
  kind: MappedKind;
  key: string;
  pipeline?: string;
  count: number;
  existedBefore: boolean;
  /** Set when a mapping exists but leads nowhere: the target it gives. */
  mappedTo?: string;
}

function describe(lack: Lack, previous: Playbook | undefined): PlaybookChangeProblem {
  const { kind, key, pipeline, count } = lack;
  const mapWith = `mappings.${MAPPING_SECTIONS[kind]}${kind === 'stage' ? `.${pipeline}` : ''}`;
  const where = pipeline ? ` of pipeline \`${pipeline}\`` : '';
  const gone = previous && lack.existedBefore ? 'is removed' : 'is not in the playbook';
  const what =
    lack.mappedTo !== undefined
      ? `maps to \`${lack.mappedTo}\`, which the playbook does not have there, and ${count} ${RECORDS[kind]}`
      : `${gone} but ${count} ${RECORDS[kind]}`;
  return {
    kind,
    key,
    ...(pipeline !== undefined && { pipeline }),
    count,
    records: RECORDS[kind].split(' ')[0] as string,
    mapWith,
    message: `${WORDS[kind]} \`${key}\`${where} ${what}; map it with \`${mapWith}\``,
  };
}

/** Sums what lacks the same key (deals of several types in one removed stage are one problem). */
function merge(lacks: Lack[], previous: Playbook | undefined): PlaybookChangeProblem[] {
  const byKey = new Map<string, Lack>();
  for (const lack of lacks) {
    const id = `${lack.kind}/${lack.pipeline ?? ''}/${lack.key}/${lack.mappedTo ?? ''}`;
    const known = byKey.get(id);
    byKey.set(id, known ? { ...known, count: known.count + lack.count } : lack);
  }
  return [...byKey.values()].map((lack) => describe(lack, previous));
}

interface Known {
  previous: Playbook | undefined;
  had: (kind: MappedKind, key: string, pipeline?: string) => boolean;
}

function knownBefore(previous: Playbook | undefined): Known {
  return {
    previous,
    had: (kind, key, pipeline) => {
      if (!previous) return false;
      switch (kind) {
        case 'stage': {
          const found = pipeline ? findPipeline(previous, pipeline) : undefined;
          return Boolean(found && findStage(found, key));
        }
        case 'type':
          return Boolean(findOpportunityType(previous, key));
        case 'criterion':
          return Boolean(pipeline && findCriterion(previous, pipeline, key));
        case 'qualificationElement':
          return previous.qualification.elements.some((element) => element.key === key);
        case 'milestone':
          return previous.milestones.some((milestone) => milestone.key === key);
        case 'leadSource':
          return previous.leadSources.some((source) => source.key === key);
        case 'lossReason':
          return previous.lossReasons.some((reason) => reason.key === key);
      }
    },
  };
}

function checkDeals(next: Playbook, usage: PlaybookUsage, known: Known) {
  const problems: Lack[] = [];
  const moves: DealMove[] = [];
  const mappings = next.mappings;
  for (const group of usage.deals) {
    const type = mapKey(mappings, 'type', group.type) ?? group.type;
    const nextType = findOpportunityType(next, type);
    if (!nextType) {
      const existedBefore = known.had('type', group.type);
      problems.push({ kind: 'type', key: group.type, count: group.count, existedBefore });
      continue;
    }
    const stageKey = mapStage(mappings, group.pipeline, group.stage);
    const pipeline = findPipeline(next, nextType.pipeline);
    const stage = pipeline && findStage(pipeline, stageKey);
    if (!pipeline || !stage) {
      const mapped = stageKey !== group.stage || nextType.pipeline !== group.pipeline;
      problems.push({
        kind: 'stage',
        key: group.stage,
        pipeline: group.pipeline,
        count: group.count,
        existedBefore: known.had('stage', group.stage, group.pipeline),
        ...(mapped && { mappedTo: `${nextType.pipeline}/${stageKey}` }),
      });
      continue;
    }
    const to = {
      type,
      pipeline: pipeline.key,
      stage: stage.key,
      probability: stage.probability,
      forecastCategory: stage.forecastCategory,
    };
    const from = {
      type: group.type,
      pipeline: group.pipeline,
      stage: group.stage,
      probability: group.probability,
      forecastCategory: group.forecastCategory,
    };
    const same = (Object.keys(to) as Array<keyof DealPlace>).every((field) => to[field] === from[field]);
    if (!same) moves.push({ from, to, count: group.count });
  }
  return { problems, moves };
}

function checkAttestations(next: Playbook, usage: PlaybookUsage, known: Known) {
  const problems: Lack[] = [];
  const moves: KeyMove[] = [];
  for (const group of usage.attestations) {
    const type = mapKey(next.mappings, 'type', group.type) ?? group.type;
    const pipeline = findOpportunityType(next, type)?.pipeline;
    const target = mapKey(next.mappings, 'criterion', group.criterion);
    if (target !== null && !(pipeline && findCriterion(next, pipeline, target))) {
      problems.push({
        kind: 'criterion',
        key: group.criterion,
        pipeline: group.pipeline,
        count: group.count,
        existedBefore: known.had('criterion', group.criterion, group.pipeline),
        ...(target !== group.criterion && { mappedTo: `${pipeline ?? '?'}/${target}` }),
      });
      continue;
    }
    if (target !== group.criterion)
      moves.push({ kind: 'criterion', from: group.criterion, to: target, count: group.count });
  }
  return { problems, moves };
}

function checkFlat(
  next: Playbook,
  kind: 'qualificationElement' | 'milestone' | 'leadSource' | 'lossReason',
  counts: KeyCount[],
  has: (key: string) => boolean,
  known: Known,
) {
  const problems: Lack[] = [];
  const moves: KeyMove[] = [];
  for (const { key, count } of counts) {
    const target = mapKey(next.mappings, kind, key);
    if (target !== null && !has(target)) {
      const existedBefore = known.had(kind, key);
      problems.push({ kind, key, count, existedBefore, ...(target !== key && { mappedTo: target }) });
      continue;
    }
    if (target !== key) moves.push({ kind, from: key, to: target, count });
  }
  return { problems, moves };
}

/** Adds up key moves of the same kind, from and to (attestations come per type and pipeline). */
function sumKeyMoves(moves: KeyMove[]): KeyMove[] {
  const sums = new Map<string, KeyMove>();
  for (const move of moves) {
    const id = `${move.kind}/${move.from}/${move.to}`;
    const known = sums.get(id);
    sums.set(id, known ? { ...known, count: known.count + move.count } : move);
  }
  return [...sums.values()];
}

/**
 * Whether a new playbook may run over the records: every key they use (a deal's type, pipeline and stage, an
 * attested criterion, a qualification element, a milestone, a lead source, a loss reason) is in it or mapped by
 * its `mappings` to a key it has. Refuses with every problem and its count; else the plan of what moves —
 * including deals whose stage keeps its key but now carries another probability or forecast category.
 */
export function checkPlaybookChange(
  next: Playbook,
  usage: PlaybookUsage,
  previous?: Playbook,
): Result<PlaybookChangePlan, PlaybookChangeProblem[]> {
  const known = knownBefore(previous);
  const has = (keys: Array<{ key: string }>) => (key: string) => keys.some((entry) => entry.key === key);
  const deals = checkDeals(next, usage, known);
  const parts = [
    checkAttestations(next, usage, known),
    checkFlat(
      next,
      'qualificationElement',
      usage.qualificationElements,
      has(next.qualification.elements),
      known,
    ),
    checkFlat(next, 'milestone', usage.milestones, has(next.milestones), known),
    checkFlat(next, 'leadSource', usage.leadSources, has(next.leadSources), known),
    checkFlat(next, 'lossReason', usage.lossReasons, has(next.lossReasons), known),
  ];
  const problems = merge([...deals.problems, ...parts.flatMap((part) => part.problems)], previous);
  if (problems.length > 0) return err(problems);
  const keys = sumKeyMoves(parts.flatMap((part) => part.moves));
  const moved = deals.moves.filter(
    (move) =>
      move.from.type !== move.to.type ||
      move.from.pipeline !== move.to.pipeline ||
      move.from.stage !== move.to.stage,
  );
  const sum = (items: Array<{ count: number }>) => items.reduce((total, item) => total + item.count, 0);
  return ok({
    deals: deals.moves,
    keys,
    summary: {
      dealsMoved: sum(moved),
      dealsReprobabilised: sum(deals.moves) - sum(moved),
      recordsRenamed: sum(keys.filter((move) => move.to !== null)),
      recordsRetired: sum(keys.filter((move) => move.to === null)),
    },
  });
}
