import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from '../api/auth/rate-limits.js';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PLAYBOOK_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often background jobs (housekeeping) run: once per period across every server process. */
  JOBS_PERIOD_MS: z.coerce.number().int().min(1000).default(600_000),
  /** Load shedding: answer 503 while this many requests are already in flight (0 = off). */
  SHED_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).default(64),
  /** Load shedding: answer 503 while the event loop lags more than this many milliseconds (0 = off). */
  SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Requests per minute each signed-in user (session or token) may send. */
  REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.requestsPerPrincipal.limit),
  /** Behind a reverse proxy: 1/true trusts X-Forwarded-For/-Proto/-Host (client IP, HTTPS → Secure cookie). */
  TRUST_PROXY: z
    .enum(['', '0', '1', 'false', 'true'])
    .default('')
    .transform((value) => value === '1' || value === 'true'),
});

export type Config = z.infer<typeof environment>;

/** Reads the environment once, refusing bad values with the variable and the reason. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}

/** What openApp needs; a command's `--playbook <file>` overrides PLAYBOOK_FILE. */
export function appConfig(config: Config, overrides: { playbook?: string | undefined } = {}) {
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    playbookFile: overrides.playbook ?? config.PLAYBOOK_FILE,
  };
}
