import type { Playbook } from '../../../api';

export const pocPath = {
  plan: '/poc',
  sessions: '/poc/sessions',
  session: (id: string) => `/poc/sessions/${encodeURIComponent(id)}`,
  criterion: (id: string) => `/poc/criteria/${encodeURIComponent(id)}`,
  benchmarks: '/poc/benchmarks',
  benchmark: (id: string) => `/poc/benchmarks/${encodeURIComponent(id)}`,
  tco: '/poc/tco',
  signOff: '/poc/sign-off',
  readout: '/poc/readout',
} as const;

/** Whole currency units typed by a person → integer minor units (2 decimals). */
export const toMinor = (units: number | string): number => Math.round(Number(units) * 100);

/** "Ada Lovelace <ada@example.com>" or "Ada Lovelace", one per line → attendees. */
export function parseAttendees(text: string): Array<{ name: string; email: string | null }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^(.*?)\s*<([^>]+)>$/.exec(line);
      return match?.[1] && match[2]
        ? { name: match[1], email: match[2].trim() }
        : { name: line, email: null };
    });
}

export const formatAttendees = (attendees: Array<{ name: string; email: string | null }>): string =>
  attendees.map((person) => (person.email ? `${person.name} <${person.email}>` : person.name)).join('\n');

/** An ISO instant as the value of an `<input type="datetime-local">` (UTC, minutes). */
export const toLocalInput = (iso: string | null): string => (iso ? iso.slice(0, 16) : '');

/** The value of an `<input type="datetime-local">`, read as UTC → ISO instant; null when empty. */
export const fromLocalInput = (value: string): string | null => (value ? `${value}:00.000Z` : null);

/** The playbook's POC session templates in their order (GET /playbook answers them under `inspection.poc.sessions`). */
export type SessionTemplate = NonNullable<Playbook['inspection']['poc']>['sessions'][number];

export function sessionTemplates(playbook: Playbook): SessionTemplate[] {
  return playbook.inspection.poc?.sessions ?? [];
}

/**
 * "Session 1 — Getting Started": numbered as the playbook lists its sessions; a repeated session (another
 * Hands-On) keeps its number with its own count ("Session 3 — Hands-On Working Sessions #2").
 */
export function sessionTitle(
  templates: ReadonlyArray<{ key: string }>,
  session: { templateKey: string; name: string; sequence: number },
): string {
  const at = templates.findIndex((template) => template.key === session.templateKey);
  const numbered = at < 0 ? session.name : `Session ${at + 1} — ${session.name}`;
  return session.sequence > 1 ? `${numbered} #${session.sequence}` : numbered;
}
