import type { HistoryEvent, Pipeline, Playbook } from '../../api';

/**
 * What the words of an event need to know: names of stages, people, contacts, types, and the playbook's
 * words (its qualification framework, its company).
 */
export interface HistoryContext {
  playbook: Playbook;
  pipeline: Pipeline;
  /** The deal's currency, for amounts an event recorded without one. */
  currency: string;
  nameOf: (userId: string) => string;
  contactName: (contactId: string) => string;
  /** The kind of an activity as logged earlier in the history (an edit records only what changed). */
  activityKindOf?: (activityId: string) => string | undefined;
}

/** An event in words: one title, and a line for each thing it changed (old → new). */
export interface EventWords {
  title: string;
  lines: string[];
}

export type Fields = Record<string, unknown>;

export const asFields = (value: unknown): Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};

export const quoted = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : `“${String(value)}”`;

/** The contacts of an event, by name ('' for none). */
export function contactList(ids: unknown, context: HistoryContext): string {
  return Array.isArray(ids) && ids.length > 0
    ? ids.map((id) => context.contactName(String(id))).join(', ')
    : '';
}

/** The words of one kind of history event. */
export type EventWordsOf = (event: HistoryEvent, context: HistoryContext) => EventWords;
