/**
 * Stage changes for bench/http-load.ts, every one a real change: deals demo AEs own, each moved by its owner
 * one step back to the previous open stage (with a reason) and forward again (through the gate), with the
 * If-Match of the version the last answer returned. A deal is in at most one request at a time; a request
 * that fails (a 409, 412 or 422) is counted as failed and its deal read again before it moves again.
 */
import type { LoadRequest, RequestSource } from './load-run.js';
import type { SignedIn } from './load-servers.js';

interface MovableDeal {
  id: string;
  /** The stage the deal was in, and the open stage before it: the two stages it moves between. */
  upper: string;
  lower: string;
  stage: string;
  version: number;
  headers: Record<string, string>;
  busy: boolean;
}

interface Card {
  id: string;
  stage: string;
  pipeline: string;
  version: number;
  ownerId: string;
}

export interface StageMoves extends RequestSource {
  /** A successful move back and the answer to the move forward after it (the floor's request and payload). */
  captured: { request: LoadRequest; answer: string };
  /** Reads every deal's stage and version again and frees it (before each run). */
  resync(): Promise<void>;
}

const REASON = 'Bench: one step back, to move forward again';

function moveOf(address: string, deal: MovableDeal): LoadRequest {
  const body = deal.stage === deal.upper ? { to: deal.lower, reason: REASON } : { to: deal.upper };
  return {
    method: 'POST',
    url: `${address}/api/v1/opportunities/${deal.id}/stage`,
    headers: {
      ...deal.headers,
      origin: address,
      'content-type': 'application/json',
      'if-match': `"v${deal.version}"`,
    },
    body: JSON.stringify(body),
  };
}

async function openStagesOf(address: string, headers: Record<string, string>, pipeline: string) {
  const answer = await fetch(`${address}/api/v1/pipelines/${pipeline}/board`, { headers });
  const board = (await answer.json()) as { columns: { stage: string; outcome: string }[] };
  return board.columns.filter((column) => column.outcome === 'open').map((column) => column.stage);
}

async function ownOpenDeals(address: string, session: SignedIn): Promise<MovableDeal[]> {
  const query = `ownerId=${session.userId}&limit=100`;
  const answer = await fetch(`${address}/api/v1/opportunities?${query}`, { headers: session.headers });
  const { items } = (await answer.json()) as { items: Card[] };
  const stagesOf = new Map<string, string[]>();
  const deals: MovableDeal[] = [];
  for (const item of items.filter((card) => card.ownerId === session.userId)) {
    if (!stagesOf.has(item.pipeline))
      stagesOf.set(item.pipeline, await openStagesOf(address, session.headers, item.pipeline));
    const stages = stagesOf.get(item.pipeline) ?? [];
    const lower = stages[stages.indexOf(item.stage) - 1];
    if (!lower) continue; // closed, or the first open stage: no step back
    const { id, stage, version } = item;
    deals.push({ id, upper: stage, lower, stage, version, headers: session.headers, busy: false });
  }
  return deals;
}

/** Takes the stage and version from an answer that carries the deal (a move's or a read's) and frees it. */
function settle(deal: MovableDeal, body: string) {
  const { opportunity } = JSON.parse(body) as { opportunity: { stage: string; version: number } };
  Object.assign(deal, { stage: opportunity.stage, version: opportunity.version, busy: false });
}

/** Sends `deal`'s next move; ok when it answered 200 (the deal then holds its new stage and version). */
async function move(address: string, deal: MovableDeal) {
  const request = moveOf(address, deal);
  const answer = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  const body = await answer.text();
  if (answer.status === 200) settle(deal, body);
  return { ok: answer.status === 200, body, request };
}

/** The demo AEs' deals that move back and forward again (each tried once), as a request source. */
export async function stageMoves(address: string, sessions: SignedIn[]): Promise<StageMoves> {
  const deals: MovableDeal[] = [];
  let captured: StageMoves['captured'] | undefined;
  for (const session of sessions) {
    for (const deal of await ownOpenDeals(address, session)) {
      const back = await move(address, deal);
      const forward = back.ok ? await move(address, deal) : back;
      if (!forward.ok) continue;
      deals.push(deal);
      captured = { request: back.request, answer: forward.body };
    }
  }
  if (!captured) throw new Error('no demo AE deal moves back and forward');
  const inFlight = new Map<LoadRequest, MovableDeal>();
  const reread = async (deal: MovableDeal) => {
    const answer = await fetch(`${address}/api/v1/opportunities/${deal.id}`, { headers: deal.headers });
    settle(deal, await answer.text());
  };
  let cursor = 0;
  return {
    url: address,
    capacity: deals.length,
    captured,
    take() {
      for (let tried = 0; tried < deals.length; tried++) {
        cursor = (cursor + 1) % deals.length;
        const deal = deals[cursor];
        if (!deal || deal.busy) continue;
        deal.busy = true;
        const request = moveOf(address, deal);
        inFlight.set(request, deal);
        return request;
      }
      return undefined;
    },
    unavailable: {
      method: 'GET',
      url: `${address}/api/v1/bench/no-free-deal`,
      headers: sessions[0]?.headers,
    },
    answered(request, status, body) {
      const deal = inFlight.get(request);
      inFlight.delete(request);
      if (deal && status === 200) settle(deal, body);
      else if (deal) void reread(deal);
    },
    async resync() {
      await new Promise((resolve) => setTimeout(resolve, 200)); // requests a run left in flight land first
      inFlight.clear();
      for (const deal of deals) await reread(deal);
    },
  };
}
