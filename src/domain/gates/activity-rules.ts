import type { ActivityFact, ActivityKind } from '../activity/activity.js';
import type { DerivedRule } from '../playbook/playbook.js';
import type { RuleVerdict } from './derived-rules.js';

type ActivityRule = Extract<DerivedRule, { rule: 'activity_logged' }>;

const KIND_NAMES = {
  call: 'call',
  meeting: 'meeting',
  email: 'email',
  note: 'note',
} as const satisfies Record<ActivityKind, string>;

function listKinds(kinds: readonly ActivityKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function quote(summary: string): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * Met once `atLeast` activities of the rule's kinds have taken place on the deal; the verdict names the one
 * that meets it (the atLeast-th, oldest first: for a follow-up, the first one after the first).
 */
export function applyActivityRule(rule: ActivityRule, activities: readonly ActivityFact[]): RuleVerdict {
  const matching = activities.filter((activity) => rule.kinds.includes(activity.kind));
  const kinds = listKinds(rule.kinds);
  const meeting = matching[rule.atLeast - 1];
  if (meeting) {
    const which =
      rule.atLeast > 1
        ? `Follow-up ${meeting.kind}`
        : `${meeting.kind[0]?.toUpperCase()}${meeting.kind.slice(1)}`;
    return {
      met: true,
      message: `${which} on ${meeting.occurredAt.toISOString().slice(0, 10)}: “${quote(meeting.summary)}”.`,
      activityId: meeting.id,
    };
  }
  if (matching.length === 0) return { met: false, message: `No ${kinds} logged on this deal yet.` };
  return {
    met: false,
    message: `${matching.length} ${kinds} logged; ${rule.atLeast} are needed${rule.atLeast === 2 ? ' (a follow-up after the first)' : ''}.`,
  };
}
