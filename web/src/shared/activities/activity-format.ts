/**
 * Activities in words and in the form's inputs: each kind's label, the "When (UTC)" input's value to and from
 * an instant, and the server's per-person issues (`body.userIds.1`) named after the person.
 */
import { type ActivityKind, ApiError } from '../../api';

export const ACTIVITY_KINDS: ReadonlyArray<{ value: ActivityKind; label: string }> = [
  { value: 'call', label: 'Call' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'email', label: 'Email' },
  { value: 'note', label: 'Note' },
];

export const kindLabel = (kind: ActivityKind): string =>
  ACTIVITY_KINDS.find((candidate) => candidate.value === kind)?.label ?? kind;

/** An instant as a datetime-local input's value in UTC, to the minute: "2026-03-12T14:05". */
export function toUtcInput(instant: Date): string {
  return Number.isNaN(instant.getTime()) ? '' : instant.toISOString().slice(0, 16);
}

/** A datetime-local value read as UTC ("2026-03-12T14:05" → "2026-03-12T14:05:00.000Z"); null if unreadable. */
export function fromUtcInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const instant = new Date(`${value}Z`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/**
 * The server's issues with one list of people (`body.userIds.1: no such active user`), each named after the
 * person at that index of what was sent ("Vera Viewer: no such active user"); undefined when there are none.
 */
export function peopleIssue(
  error: unknown,
  field: 'userIds' | 'contactIds',
  sent: readonly string[] | undefined,
  nameOf: (id: string) => string,
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages: string[] = [];
  for (const issue of error.problem.errors ?? []) {
    const match = new RegExp(`^body\\.${field}(?:[.[](\\d+)\\]?)?$`).exec(issue.path);
    if (!match) continue;
    const id = match[1] === undefined ? undefined : sent?.[Number(match[1])];
    messages.push(id === undefined ? issue.message : `${nameOf(id)}: ${issue.message}`);
  }
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** Two lists of ids hold the same people (in any order). */
export function samePeople(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** "docs.example.com/…" for a link's text: the host and whether there is more. */
export function linkText(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = `${parsed.pathname}${parsed.search}`.replace(/^\/$/, '');
    return `${parsed.host}${rest ? (rest.length > 30 ? `${rest.slice(0, 30)}…` : rest) : ''}`;
  } catch {
    return url;
  }
}
