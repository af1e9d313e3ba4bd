import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from '../api/auth/rate-limits.js';
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from '../app/webhooks/webhook-settings.js';

const flag = z
  .enum(['', '0', '1', 'false', 'true'])
  .default('')
  .transform((value) => value === '1' || value === 'true');

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
  TRUST_PROXY: flag,
  /** Whether `closepath serve` runs the webhook delivery worker too (`closepath worker` runs only it). */
  WEBHOOKS_WORKER: z.enum(['on', 'off']).default('on'),
  /** The worker's pause when it found nothing to do. */
  WEBHOOKS_POLL_MS: z.coerce.number().int().min(50).default(DEFAULT_WORKER_SETTINGS.pollMs),
  /** Per attempt, connect to last byte. */
  WEBHOOKS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(DEFAULT_WORKER_SETTINGS.timeoutMs),
  /** How long a claimed delivery stays claimed: a crashed process's claims are retried after it (> timeout). */
  WEBHOOKS_LEASE_MS: z.coerce.number().int().min(1000).default(DEFAULT_WORKER_SETTINGS.leaseMs),
  /** Allow http:// subscription URLs (https only by default). */
  WEBHOOKS_ALLOW_HTTP: flag,
  /** Allow targets on private, loopback, link-local and metadata addresses (tests, local development). */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: flag,
});

export type Config = z.infer<typeof environment>;

/** Reads the environment once, refusing bad values with the variable and the reason. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment
    .refine((config) => config.WEBHOOKS_LEASE_MS > config.WEBHOOKS_TIMEOUT_MS, {
      path: ['WEBHOOKS_LEASE_MS'],
      message: 'must be longer than WEBHOOKS_TIMEOUT_MS (a live attempt must not lose its claim)',
    })
    .safeParse(env);
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
    webhookTargets: {
      allowHttp: config.WEBHOOKS_ALLOW_HTTP,
      allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
    },
  };
}

/** The webhook delivery worker's settings from the environment. */
export function workerSettings(config: Config): WorkerSettings {
  return {
    ...DEFAULT_WORKER_SETTINGS,
    pollMs: config.WEBHOOKS_POLL_MS,
    timeoutMs: config.WEBHOOKS_TIMEOUT_MS,
    leaseMs: config.WEBHOOKS_LEASE_MS,
  };
}
