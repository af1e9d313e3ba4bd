import type { PlaybookPreview } from '../../app/playbook/preview-playbook-change.js';
import type { PlaybookDiff } from '../../domain/playbook/diff-playbooks.js';

const SIGN = { added: '+', removed: '-', mapped: '~' } as const;

/** The diff of two playbooks, one change a line, grouped. */
export function describeDiff(diff: PlaybookDiff): string[] {
  if (diff.unchanged)
    return ['No stage, probability, criterion, qualification level, type or element changes.'];
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`${title}:`, ...items.map((item) => `  ${item}`));
  };
  section(
    'Stages',
    diff.stages.map(
      (stage) =>
        `${SIGN[stage.change]} ${stage.pipeline}/${stage.key} (${stage.name}) ${stage.change}` +
        (stage.mappedTo ? ` → ${stage.mappedTo}` : ''),
    ),
  );
  section(
    'Probabilities',
    diff.probabilities.map(
      (change) =>
        `${change.pipeline}/${change.stage}: ${change.from}% → ${change.to}%` +
        (change.forecastFrom !== change.forecastTo ? ` (${change.forecastFrom} → ${change.forecastTo})` : ''),
    ),
  );
  section(
    'Criteria',
    diff.criteria.map(
      (criterion) =>
        `${SIGN[criterion.change]} ${criterion.pipeline}/${criterion.stage} ${criterion.phase} ${criterion.key}: ${criterion.text}` +
        (criterion.change === 'mapped' ? ` → ${criterion.mappedTo ?? '(retired)'}` : ''),
    ),
  );
  section(
    'Qualification levels',
    diff.qualificationLevels.map(
      (level) =>
        `${level.pipeline}/${level.stage} ${level.element}: ${level.from ?? '—'} → ${level.to ?? '—'}`,
    ),
  );
  for (const [title, items] of [
    ['Types', diff.types],
    ['Qualification elements', diff.qualificationElements],
  ] as const) {
    section(
      title,
      items.map(
        (item) =>
          `${SIGN[item.change]} ${item.key} (${item.name}) ${item.change}` +
          (item.change === 'mapped' ? ` → ${item.mappedTo ?? '(retired)'}` : ''),
      ),
    );
  }
  return lines;
}

/** The live-data half: refused with counts, or what would move; and the deals that would fall short. */
export function describeJudgement(where: string, judged: Pick<PlaybookPreview, 'check' | 'unmet'>): string[] {
  const lines = [`Against the records in ${where}:`];
  const { check, unmet } = judged;
  if (!check.accepted) {
    lines.push('  REFUSED — the server would not start with this file:');
    lines.push(...check.problems.map((problem) => `    - ${problem.message}`));
  } else if (check.plan) {
    const { summary } = check.plan;
    lines.push(
      `  accepted: ${summary.dealsMoved} deal(s) move, ${summary.dealsReprobabilised} take a new probability, ` +
        `${summary.recordsRenamed} record(s) renamed, ${summary.recordsRetired} retired`,
    );
    for (const move of check.plan.deals) {
      lines.push(
        `    ${move.count} × ${move.from.type} ${move.from.pipeline}/${move.from.stage} (${move.from.probability}%) → ` +
          `${move.to.type} ${move.to.pipeline}/${move.to.stage} (${move.to.probability}%)`,
      );
    }
  }
  if (unmet.deals.length > 0 || unmet.total > 0) {
    lines.push(
      `  Open deals that would fall short at their stage: ${unmet.deals.length} of ${unmet.checked} checked` +
        (unmet.truncated ? ` (of ${unmet.total}; the first ${unmet.checked} by id)` : ''),
    );
    for (const deal of unmet.deals) {
      const missing = deal.missing.map((item) => item.label).join('; ');
      lines.push(`    ${deal.id} ${deal.name} (${deal.pipeline}/${deal.stage}): ${missing}`);
    }
  }
  return lines;
}
