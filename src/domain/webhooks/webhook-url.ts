import { isIpLiteral, judgeAddress } from './target-address.js';

/** What the configuration allows webhook targets to be (tests and local development loosen both). */
export interface TargetRules {
  /** Plain http:// targets (https only by default). */
  allowHttp: boolean;
  /** Targets on private, loopback, link-local or metadata addresses (WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  allowPrivateTargets: boolean;
}

export const STRICT_TARGET_RULES: TargetRules = { allowHttp: false, allowPrivateTargets: false };

/**
 * Why a subscription URL is refused before any lookup, or null: not a URL, a scheme other than https (http when
 * allowed), credentials in it, a fragment, or an IP literal outside the public unicast ranges.
 */
export function webhookUrlProblem(text: string, rules: TargetRules): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp)) {
    return rules.allowHttp ? 'an https:// or http:// URL' : 'an https:// URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.hash) return 'must not have a #fragment';
  if (!url.hostname) return 'must name a host';
  if (!rules.allowPrivateTargets && isIpLiteral(url.hostname)) {
    const verdict = judgeAddress(url.hostname);
    if (!verdict.allowed) return `refused: ${url.hostname} is a ${verdict.range} address`;
  }
  return null;
}

/** Why a host's resolved addresses are refused (any one outside the public ranges), or null. */
export function resolvedAddressesProblem(host: string, addresses: readonly string[]): string | null {
  if (addresses.length === 0) return `${host} does not resolve`;
  for (const address of addresses) {
    const verdict = judgeAddress(address);
    if (!verdict.allowed) return `refused: ${host} resolves to ${address}, a ${verdict.range} address`;
  }
  return null;
}
