import type { AppError } from '../../app/app-error.js';

/** The gate's refusal in words, one line per missing requirement. */
export function describeRefusal(id: string, error: AppError): string {
  if (error.code !== 'gate_blocked') return `${id}: ${error.code}: ${error.message}`;
  const lines = error.missing.map((missing) => {
    const where = [missing.stage, missing.phase].filter(Boolean).join(' ');
    return `  ✗ ${missing.kind.padEnd(9)} ${where.padEnd(18)} ${missing.key}: ${missing.label} — ${missing.message}`;
  });
  return [`${id}: ${error.message}`, ...lines].join('\n');
}
