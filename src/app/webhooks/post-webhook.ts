import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  resolvedAddressesProblem,
  type TargetRules,
  webhookUrlProblem,
} from '../../domain/webhooks/webhook-url.js';
import { resolveHost } from './check-target.js';

/** The most of a receiver's answer kept in the attempt log. */
export const RESPONSE_SNIPPET_CHARS = 1024;

export interface PostResult {
  /** The HTTP status, or null when no answer came (refused target, network error, timeout). */
  status: number | null;
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
}

/**
 * The resolver every webhook connection uses: the addresses are checked at delivery time, and the connection
 * goes to exactly the addresses checked (no second lookup a DNS rebinding could answer differently).
 */
function guardedLookup(rules: TargetRules): LookupFunction {
  return (hostname, options, callback) => {
    void resolveHost(hostname).then((resolved) => {
      const fail = (message: string, code: string) =>
        callback(Object.assign(new Error(message), { code }), '', 0);
      if (!resolved.ok) return fail(resolved.problem, 'ENOTFOUND');
      const refusal = rules.allowPrivateTargets
        ? null
        : resolvedAddressesProblem(
            hostname,
            resolved.addresses.map((entry) => entry.address),
          );
      if (refusal) return fail(refusal, 'ETARGETREFUSED');
      const family = options.family === 4 || options.family === 6 ? options.family : undefined;
      const usable = resolved.addresses.filter((entry) => !family || entry.family === family);
      const first = usable[0];
      if (!first) return fail(`${hostname} has no IPv${family} address`, 'ENOTFOUND');
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}

function agentsFor(rules: TargetRules) {
  const lookup = guardedLookup(rules);
  return {
    'http:': new http.Agent({ keepAlive: true, lookup }),
    'https:': new https.Agent({ keepAlive: true, lookup }),
  };
}

/** One keep-alive agent pair per rule set: connections to a receiver are reused between its messages. */
const agents = new Map<string, ReturnType<typeof agentsFor>>();
function agentOf(protocol: 'http:' | 'https:', rules: TargetRules) {
  const key = `${rules.allowHttp}:${rules.allowPrivateTargets}`;
  let pair = agents.get(key);
  if (!pair) {
    pair = agentsFor(rules);
    agents.set(key, pair);
  }
  return pair[protocol];
}

/**
 * POSTs a signed message: no redirects followed (a 3xx is a failed attempt), `timeoutMs` for the whole
 * exchange, and at most RESPONSE_SNIPPET_CHARS of the answer read. Never throws: failures are results.
 */
export function postWebhook(request: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  rules: TargetRules;
}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const urlProblem = webhookUrlProblem(request.url, request.rules);
  if (urlProblem) {
    return Promise.resolve({ status: null, error: urlProblem, responseSnippet: null, durationMs: 0 });
  }
  const url = new URL(request.url);
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  const send = protocol === 'http:' ? http.request : https.request;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const outgoing = send(
      url,
      {
        method: 'POST',
        agent: agentOf(protocol, request.rules),
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      },
      (response) => {
        let snippet = '';
        response.setEncoding('utf8');
        const done = () =>
          finish({ status: response.statusCode ?? null, error: null, responseSnippet: snippet || null });
        response.on('data', (chunk: string) => {
          snippet = (snippet + chunk).slice(0, RESPONSE_SNIPPET_CHARS);
          if (snippet.length >= RESPONSE_SNIPPET_CHARS) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`timed out after ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    outgoing.on('error', (error) =>
      finish({ status: null, error: error.message.slice(0, 500), responseSnippet: null }),
    );
    outgoing.end(request.body);
  });
}
