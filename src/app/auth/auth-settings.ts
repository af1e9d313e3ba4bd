import { DEFAULT_SCRYPT_COST, type ScryptCost } from './passwords.js';

const MINUTE = 60_000;

/** How long sign-ins last and what a password costs; the server takes overrides (tests shorten them). */
export interface AuthSettings {
  /** A session unused this long ends (30 min). */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in, however active (12 h). */
  absoluteTimeoutMs: number;
  /** `last_seen_at` / `last_used_at` are written at most this often (1 min): one write per minute, not per request. */
  touchIntervalMs: number;
  /** scrypt cost for new hashes (and the dummy verification of unknown emails). */
  passwordCost: ScryptCost;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleTimeoutMs: 30 * MINUTE,
  absoluteTimeoutMs: 12 * 60 * MINUTE,
  touchIntervalMs: MINUTE,
  passwordCost: DEFAULT_SCRYPT_COST,
};

export const authSettings = (overrides: Partial<AuthSettings> = {}): AuthSettings => ({
  ...DEFAULT_AUTH_SETTINGS,
  ...overrides,
});
