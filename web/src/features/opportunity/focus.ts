import type { ActivityKind, Criterion, MissingRequirement, Pipeline } from '../../api';

/** The workspace's tabs, in the order they are shown. */
export const TABS = ['overview', 'qualification', 'poc', 'closing', 'activity', 'history'] as const;
export type TabKey = (typeof TABS)[number];

export const isTab = (value: string | null): value is TabKey =>
  value !== null && (TABS as readonly string[]).includes(value);

/**
 * What a `?focus=` asks for lives in one tab: `criterion:key`, `field:key`, `milestone:key` on the overview,
 * `meddpicc:key` (or `qualification`) with the qualification (MEDDPICC, BANT, …), `poc` on the POC plan, `activity:id` and `log:kind` in
 * the activity, `history` in the history. Null for a focus the workspace does not know.
 */
export function tabOfFocus(focus: string | null): TabKey | null {
  if (!focus) return null;
  const [kind] = focus.split(':');
  switch (kind) {
    case 'criterion':
    case 'field':
    case 'customer_fit':
    case 'milestone':
    case 'milestones':
      return 'overview';
    case 'meddpicc':
    case 'qualification':
      return 'qualification';
    case 'poc':
      return 'poc';
    case 'closing':
      return 'closing';
    case 'activity':
    case 'log':
      return 'activity';
    case 'history':
      return 'history';
    default:
      return null;
  }
}

/** The id of the element a focus scrolls to (`criterion:nb_icp_fit` → `criterion-nb_icp_fit`). */
export function elementIdOf(focus: string): string {
  const [kind = '', key = ''] = focus.split(/:(.*)/s);
  if (kind === 'customer_fit') return 'field-type';
  if (kind === 'log') return 'log-activity';
  if (kind === 'qualification') return 'meddpicc';
  if (kind === 'milestones') return 'milestones';
  return key ? `${kind}-${key}` : kind;
}

const KIND_WORDS: Record<ActivityKind, string> = {
  call: 'call',
  meeting: 'meeting',
  email: 'email',
  note: 'note',
};

/** "Log a call", "Log a call or meeting", "Log a call, meeting or email": the kinds a derived criterion counts. */
export function logLabel(kinds: readonly ActivityKind[]): string {
  const names = (kinds.length > 0 ? kinds : (['call'] as const)).map((kind) => KIND_WORDS[kind]);
  const last = names.pop();
  const list = names.length > 0 ? `${names.join(', ')} or ${last}` : last;
  return `Log ${list?.startsWith('e') ? 'an' : 'a'} ${list}`;
}

/** The criterion of the pipeline with this key (criteria keys are unique in a pipeline). */
export function criterionOf(pipeline: Pipeline, key: string): Criterion | undefined {
  for (const stage of pipeline.stages) {
    const found = [...stage.entrance, ...stage.exit].find((criterion) => criterion.key === key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where a derived criterion is met, as a focus and in words: the POC plan, a milestone, the type field, a
 * qualification element, a deal field, the activity log, or the closing flow (the vendors' evidence); the qualification named by the playbook's framework
 * ("Qualify it in MEDDPICC"), as its tab is. Null for attested criteria (ticked where they are).
 */
export function derivedFix(
  criterion: Criterion,
  framework = 'Qualification',
): { focus: string; label: string } | null {
  const { source } = criterion;
  if (source.kind !== 'derived') return null;
  switch (source.rule) {
    case 'poc_plan_signed_off':
    case 'poc_results_meet_criteria':
    case 'poc_readout_completed':
    case 'poc_succeeded':
      return { focus: 'poc', label: 'Open the POC plan' };
    case 'milestone_recorded':
      return { focus: `milestone:${source.milestone}`, label: 'Record it under Win milestones' };
    case 'type_matches_uplift':
      return { focus: 'field:type', label: 'Change the type under Deal' };
    case 'qualification_element':
      return { focus: `meddpicc:${source.element}`, label: `Qualify it in ${framework}` };
    case 'qualification_stage_levels':
      return { focus: 'qualification', label: `Open ${framework}` };
    case 'field_present':
      return { focus: `field:${source.field}`, label: 'Fill it in under Deal' };
    case 'activity_logged':
      return { focus: `log:${source.kinds[0] ?? 'call'}`, label: logLabel(source.kinds) };
    case 'quote_signed':
    case 'offer_accepted':
      return { focus: 'closing', label: 'Follow it under Closing' };
  }
}

/**
 * Where a gate's missing requirement is fixed in the workspace, as a focus: an attested criterion at its row
 * in the checklist, a derived one where it is derived from, a MEDDPICC level at its element, a field at the
 * field, the type-vs-customer rule at the type. Null for what no place fixes (a transition's rule).
 */
export function fixFocus(item: Pick<MissingRequirement, 'kind' | 'key'>, pipeline: Pipeline): string | null {
  switch (item.kind) {
    case 'criterion': {
      const criterion = criterionOf(pipeline, item.key);
      return (criterion && derivedFix(criterion)?.focus) ?? `criterion:${item.key}`;
    }
    case 'meddpicc':
      return `meddpicc:${item.key}`;
    case 'field':
      return `field:${item.key}`;
    case 'customer_fit':
      return 'field:type';
    case 'transition':
      return null;
  }
}
