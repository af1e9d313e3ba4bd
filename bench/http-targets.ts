/**
 * The rows of bench/http-load.ts's targets table: each main read and write through the real server, and
 * beside it the same request to bench/bare-server.ts, which answers the payload captured here once before
 * the load (the HTTP floor).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FloorManifest } from './bare-server.js';
import type { LoadRequest, LoadTarget } from './load-run.js';
import type { SignedIn } from './load-servers.js';
import { type StageMoves, stageMoves } from './stage-moves.js';

export const LIST_PATH = '/api/v1/opportunities?limit=50';

export interface TargetRow {
  what: string;
  /** The payload's name in the floor's directory. */
  name: string;
  real: LoadTarget;
  /** Builds the floor's request once the bare server's address is known. */
  floor: (bareAddress: string) => LoadRequest;
  /** Before each run through the real server (stage changes read their deals' versions again). */
  beforeRun?: () => Promise<void>;
}

interface Deal {
  id: string;
  ownerId: string;
  pipeline: string;
}

async function firstOwnDeal(address: string, signedIn: SignedIn): Promise<Deal> {
  const answer = await fetch(`${address}/api/v1/opportunities?limit=100`, { headers: signedIn.headers });
  const page = (await answer.json()) as { items: Deal[] };
  const deal = page.items.find((item) => item.ownerId === signedIn.userId);
  if (!deal) throw new Error('the demo AE owns no deal');
  return deal;
}

/** Sends `request` once and keeps its answer; anything but the expected status stops the bench. */
async function capture(request: LoadRequest, expected: number): Promise<string> {
  const answer = await fetch(request.url, {
    method: request.method,
    headers: { 'content-type': 'application/json', ...request.headers },
    ...(request.body !== undefined && { body: request.body }),
  });
  const body = await answer.text();
  if (answer.status !== expected)
    throw new Error(`${request.method} ${request.url} answered ${answer.status}: ${body.slice(0, 300)}`);
  return body;
}

/**
 * The reads (list 50, one deal, deals at risk by health, the board) and writes (a stage change with
 * If-Match, an activity) as `ae`; stage changes also move deals of `otherAes` (enough deals for a connection
 * each). Writes the floor's payloads into `dir`.
 */
export async function buildTargets(
  address: string,
  ae: SignedIn,
  otherAes: SignedIn[],
  dir: string,
): Promise<{ rows: TargetRow[]; moves: StageMoves }> {
  const deal = await firstOwnDeal(address, ae);
  const read = (what: string, name: string, url: string): TargetRow => ({
    what,
    name,
    real: { method: 'GET', url: `${address}${url}`, headers: ae.headers },
    floor: (bare) => ({ method: 'GET', url: `${bare}/read/${name}`, headers: ae.headers }),
  });
  const reads = [
    read('list 50 deals', 'list', LIST_PATH),
    read('get one deal', 'deal', `/api/v1/opportunities/${deal.id}`),
    read('deals at risk (sort=health)', 'at-risk', '/api/v1/deals-at-risk?sort=health'),
    read(`board (${deal.pipeline})`, 'board', `/api/v1/pipelines/${deal.pipeline}/board`),
  ];
  const manifest: FloorManifest = { reads: [], writes: {} };
  for (const row of reads) {
    await writeFile(path.join(dir, `${row.name}.json`), await capture(row.real as LoadRequest, 200));
    manifest.reads.push(row.name);
  }

  const moves = await stageMoves(address, [ae, ...otherAes]);
  const activity: LoadRequest = {
    method: 'POST',
    url: `${address}/api/v1/opportunities/${deal.id}/activities`,
    headers: { ...ae.headers, origin: address },
    body: JSON.stringify({ kind: 'note', summary: 'Load bench note' }),
  };
  await writeFile(path.join(dir, 'activity.json'), await capture(activity, 201));
  await writeFile(path.join(dir, 'stage.json'), moves.captured.answer);
  manifest.writes = { activity: 201, stage: 200 };
  await writeFile(path.join(dir, 'floor.json'), JSON.stringify(manifest));
  const writes: TargetRow[] = [
    {
      what: `stage change, If-Match (${moves.capacity} deals)`,
      name: 'stage',
      real: moves,
      beforeRun: moves.resync,
      floor: (bare) => ({ ...moves.captured.request, url: `${bare}/write/stage` }),
    },
    {
      what: 'log an activity',
      name: 'activity',
      real: activity,
      floor: (bare) => ({ ...activity, url: `${bare}/write/activity` }),
    },
  ];
  return { rows: [...reads, ...writes], moves };
}
