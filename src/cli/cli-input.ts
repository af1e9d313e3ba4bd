import type { z } from 'zod';
import type { AppError } from '../app/app-error.js';
import type { Result } from '../domain/result.js';

/** Validates CLI input with the same zod schema as the API; a failure names each option and why. */
export function parseCliInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'input'}: ${issue.message}`);
  throw new Error(`invalid input:\n${lines.join('\n')}`);
}

/** The value of a use case's result; a refusal ends the command with its message. */
export function valueOrThrow<T>(result: Result<T, AppError>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Everything on stdin, less one trailing newline (`echo secret | closepath … --password-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
