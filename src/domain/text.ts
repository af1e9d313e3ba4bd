/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why no database column can store this text as sent — a NUL character (PostgreSQL text refuses it) or an
 * unpaired UTF-16 surrogate (not Unicode; JSON columns refuse it) — or null when it can.
 */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it has an unpaired UTF-16 surrogate)';
  return null;
}
