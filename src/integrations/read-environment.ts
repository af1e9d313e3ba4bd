import type { z } from 'zod';

export type EnvironmentReading<T> =
  | { ok: true; data: T }
  | { ok: false; variables: string[]; reasons: string[] };

/**
 * An integration's variables read with their schema: the values, or the variables to set (missing or wrong)
 * and, for those that were set, what is wrong with them — never the values themselves (they are secrets).
 */
export function readEnvironment<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv,
): EnvironmentReading<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, data: parsed.data };
  const variableOf = (issue: z.core.$ZodIssue) => String(issue.path[0]);
  return {
    ok: false,
    variables: [...new Set(parsed.error.issues.map(variableOf))],
    reasons: parsed.error.issues
      .filter((issue) => env[variableOf(issue)] !== undefined)
      .map((issue) => `${variableOf(issue)}: ${issue.message}`),
  };
}

/** An outbound integration's settings, or the variables to set before it can work. */
export type IntegrationConfiguration<T> =
  | { configured: true; settings: T }
  | { configured: false; variables: string[]; reasons: string[] };

export function readConfiguration<S extends z.ZodType, T>(
  schema: S,
  env: NodeJS.ProcessEnv,
  toSettings: (data: z.infer<S>) => T,
): IntegrationConfiguration<T> {
  const reading = readEnvironment(schema, env);
  return reading.ok
    ? { configured: true, settings: toSettings(reading.data) }
    : { configured: false, variables: reading.variables, reasons: reading.reasons };
}
