import { lookup } from 'node:dns/promises';
import { isIpLiteral } from '../../domain/webhooks/target-address.js';
import {
  resolvedAddressesProblem,
  type TargetRules,
  webhookUrlProblem,
} from '../../domain/webhooks/webhook-url.js';

const LOOKUP_TIMEOUT_MS = 3000;

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address `host` resolves to (the system resolver, as a connection would use), or the reason it did not. */
export async function resolveHost(
  host: string,
): Promise<{ ok: true; addresses: ResolvedAddress[] } | { ok: false; problem: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), LOOKUP_TIMEOUT_MS);
  });
  try {
    const addresses = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return { ok: true, addresses };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, problem: `${host} does not resolve (${code})` };
  } finally {
    clearTimeout(timer);
  }
}

/** Why the resolved addresses of `host` may not be sent to under `rules`, or null (the delivery-time check). */
export async function hostProblem(host: string, rules: TargetRules): Promise<string | null> {
  if (rules.allowPrivateTargets || isIpLiteral(host)) return null;
  const resolved = await resolveHost(host);
  if (!resolved.ok) return resolved.problem;
  return resolvedAddressesProblem(
    host,
    resolved.addresses.map((entry) => entry.address),
  );
}

/**
 * Why a subscription may not point at `url`, or null: the URL rules (scheme, credentials, IP literals), then —
 * unless private targets are allowed — every address its host resolves to must be public.
 */
export async function targetProblem(url: string, rules: TargetRules): Promise<string | null> {
  const problem = webhookUrlProblem(url, rules);
  if (problem) return problem;
  return hostProblem(new URL(url).hostname, rules);
}
