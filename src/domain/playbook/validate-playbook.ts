import { CLOSING_RULES, type Pipeline, type Playbook, POC_RULES } from './playbook.js';
import { validateClosing } from './validate-closing.js';
import { validateCustomerModel } from './validate-customer-model.js';
import { validateForecast } from './validate-forecast.js';
import { validateInspection } from './validate-inspection.js';
import { validateMappings } from './validate-mappings.js';

export interface PlaybookIssue {
  path: Array<string | number>;
  message: string;
}

function duplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  path: Array<string | number>,
): PlaybookIssue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [{ path: [...path, index, 'key'], message: `duplicate key "${key}"` }];
  });
}

function unknownRef(known: Set<string>, value: string, path: Array<string | number>, what: string) {
  return known.has(value) ? [] : [{ path, message: `unknown ${what} "${value}"` }];
}

function checkPipelineShape(pipeline: Pipeline, at: Array<string | number>): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const outcomes = pipeline.stages.map((stage) => stage.outcome);
  for (const outcome of ['won', 'lost'] as const) {
    const count = outcomes.filter((candidate) => candidate === outcome).length;
    if (count !== 1)
      issues.push({ path: [...at, 'stages'], message: `needs exactly one ${outcome} stage, has ${count}` });
  }
  const firstClosed = outcomes.findIndex((outcome) => outcome !== 'open');
  if (firstClosed === 0) issues.push({ path: [...at, 'stages', 0], message: 'the first stage must be open' });
  if (firstClosed > 0 && outcomes.slice(firstClosed).includes('open')) {
    issues.push({ path: [...at, 'stages'], message: 'open stages come before the closed (won/lost) stages' });
  }
  let previous = -1;
  pipeline.stages.forEach((stage, index) => {
    if (stage.outcome === 'lost') {
      if (stage.entrance.length > 0) {
        issues.push({
          path: [...at, 'stages', index, 'entrance'],
          message: 'Closed Lost is gated by the loss reason',
        });
      }
      return;
    }
    if (stage.probability < previous) {
      issues.push({
        path: [...at, 'stages', index, 'probability'],
        message: 'probabilities must not decrease along the path',
      });
    }
    previous = stage.probability;
    if (stage.outcome !== 'open' && (stage.exit.length > 0 || Object.keys(stage.qualification).length > 0)) {
      issues.push({
        path: [...at, 'stages', index],
        message: 'a closed stage has no exit criteria or qualification levels',
      });
    }
  });
  return issues;
}

/** Checks what a schema cannot: unique keys, references between parts, and the shape of each pipeline. */
export function validatePlaybook(playbook: Playbook): PlaybookIssue[] {
  const framework = playbook.qualification.framework;
  const elements = new Set(playbook.qualification.elements.map((element) => element.key));
  const milestones = new Set(playbook.milestones.map((milestone) => milestone.key));
  const pipelines = new Set(playbook.pipelines.map((pipeline) => pipeline.key));
  const classes = new Set(playbook.customerClasses.map((customerClass) => customerClass.key));
  const sources = new Set(playbook.leadSources.map((source) => source.key));
  const pocPipelines = new Set(playbook.inspection.poc?.pipelines ?? []);
  const makesOffers = playbook.closing !== undefined;
  const issues: PlaybookIssue[] = [
    ...duplicates(playbook.qualification.elements, (item) => item.key, ['qualification', 'elements']),
    ...duplicates(playbook.leadSources, (item) => item.key, ['leadSources']),
    ...duplicates(playbook.opportunityTypes, (item) => item.key, ['opportunityTypes']),
    ...duplicates(playbook.customerClasses, (item) => item.key, ['customerClasses']),
    ...duplicates(playbook.pipelines, (item) => item.key, ['pipelines']),
    ...duplicates(playbook.milestones, (item) => item.key, ['milestones']),
    ...duplicates(playbook.lossReasons, (item) => item.key, ['lossReasons']),
  ];
  playbook.opportunityTypes.forEach((type, index) => {
    const at = ['opportunityTypes', index];
    issues.push(...unknownRef(pipelines, type.pipeline, [...at, 'pipeline'], 'pipeline'));
    type.customerClasses.forEach((customerClass, classIndex) => {
      issues.push(
        ...unknownRef(classes, customerClass, [...at, 'customerClasses', classIndex], 'customer class'),
      );
    });
  });
  playbook.pipelines.forEach((pipeline, pipelineIndex) => {
    const at = ['pipelines', pipelineIndex];
    issues.push(...checkPipelineShape(pipeline, at));
    issues.push(...duplicates(pipeline.stages, (stage) => stage.key, [...at, 'stages']));
    const criteria = pipeline.stages.flatMap((stage, stageIndex) =>
      (['entrance', 'exit'] as const).flatMap((phase) =>
        stage[phase].map((criterion, index) => ({
          criterion,
          path: [...at, 'stages', stageIndex, phase, index],
        })),
      ),
    );
    const seen = new Set<string>();
    for (const { criterion, path } of criteria) {
      if (seen.has(criterion.key))
        issues.push({ path: [...path, 'key'], message: `duplicate criterion "${criterion.key}"` });
      seen.add(criterion.key);
      criterion.onlyForSources?.forEach((source, index) => {
        issues.push(...unknownRef(sources, source, [...path, 'onlyForSources', index], 'lead source'));
      });
      const { source } = criterion;
      if (source.kind === 'derived' && (POC_RULES as readonly string[]).includes(source.rule)) {
        if (!pocPipelines.has(pipeline.key)) {
          const message = `rule "${source.rule}" reads the POC plan, but pipeline "${pipeline.key}" does not run the POC method (inspection.poc.pipelines)`;
          issues.push({ path: [...path, 'derived', 'rule'], message });
        }
      }
      if (
        source.kind === 'derived' &&
        (CLOSING_RULES as readonly string[]).includes(source.rule) &&
        !makesOffers
      ) {
        const message = `rule "${source.rule}" reads the evidence of the closing flow, but the playbook has no \`closing\` section (deals make no offers)`;
        issues.push({ path: [...path, 'derived', 'rule'], message });
      }
      if (criterion.source.kind === 'derived' && criterion.source.rule === 'milestone_recorded') {
        issues.push(
          ...unknownRef(
            milestones,
            criterion.source.milestone,
            [...path, 'derived', 'milestone'],
            'milestone',
          ),
        );
      }
      if (criterion.source.kind === 'derived' && criterion.source.rule === 'qualification_element') {
        issues.push(
          ...unknownRef(
            elements,
            criterion.source.element,
            [...path, 'derived', 'element'],
            `${framework} element`,
          ),
        );
      }
    }
    pipeline.stages.forEach((stage, stageIndex) => {
      const stageAt = [...at, 'stages', stageIndex];
      for (const element of Object.keys(stage.qualification)) {
        issues.push(
          ...unknownRef(elements, element, [...stageAt, 'qualification', element], `${framework} element`),
        );
      }
      stage.milestones.forEach((milestone, index) => {
        issues.push(...unknownRef(milestones, milestone, [...stageAt, 'milestones', index], 'milestone'));
      });
    });
  });
  issues.push(...validateCustomerModel(playbook));
  issues.push(...validateInspection(playbook));
  issues.push(...validateClosing(playbook));
  issues.push(...validateForecast(playbook));
  issues.push(...validateMappings(playbook, playbook.mappings));
  return issues;
}
