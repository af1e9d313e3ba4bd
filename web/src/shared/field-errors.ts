import { type RefObject, useEffect } from 'react';
import { ApiError, describeError } from '../api';

/** A failed save, split for a form: what goes at each field, and what only the whole form can show. */
export interface FieldErrors<F extends string = string> {
  /** The server's message for each field it named (the first one, if it named a field twice). */
  byField: Partial<Record<F, string>>;
  /**
   * What no field can show, in words, for a form-level alert: issues at paths that match no field, or the
   * whole error when it names no field at all (a 412, a 403, a network failure). Empty when every issue of
   * a 400 sits at one of the fields, and when there is no error.
   */
  rest: string[];
}

/**
 * The field that `path` (`nextStep`, `meddpicc.champion.contactId`, `tags[2]`) belongs to: the longest of
 * `fields` equal to it or containing it (`meddpicc.champion` holds `meddpicc.champion.contactId`).
 */
function fieldAt<F extends string>(path: string, fields: readonly F[]): F | undefined {
  let found: F | undefined;
  for (const field of fields) {
    const holds = path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
    if (holds && (found === undefined || field.length > found.length)) found = field;
  }
  return found;
}

/**
 * Places a save's error at the form's fields: each `errors[]` item of a 400 problem whose path (after
 * `prefix`, `body.` for a request body) is one of `fields` goes to that field; the rest is for an alert.
 *
 * ```tsx
 * const errors = fieldErrorsOf(save.error, ['name', 'email'] as const);
 * <TextInput label="Email" error={errors.byField.email} … />
 * {errors.rest.length > 0 && <Alert …>{errors.rest.join(' · ')}</Alert>}
 * ```
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  prefix = 'body.',
): FieldErrors<F> {
  if (error === null || error === undefined) return { byField: {}, rest: [] };
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (issues.length === 0) return { byField: {}, rest: [describeError(error)] };
  const byField: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const field = issue.path.startsWith(prefix)
      ? fieldAt(issue.path.slice(prefix.length), fields)
      : undefined;
    if (field === undefined) rest.push(`${issue.path}: ${issue.message}`);
    else byField[field] ??= issue.message;
  }
  return { byField, rest };
}

/**
 * After a failed save, moves the focus to the form's first field marked invalid (Mantine sets aria-invalid
 * from `error`), so the message is read out and in view. Call with the mutation's error.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
