/**
 * Seeds the demo data into a throwaway embedded database and prints how much of the open pipeline Deals at
 * risk flags, overall, per region, and by reason: `npx tsx scripts/measure-at-risk.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemActor } from '../src/app/access/actors.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { atRiskQuery, listDealsAtRisk } from '../src/app/inspection/list-deals-at-risk.js';
import { openApp } from '../src/app/open-app.js';

const ANCHOR = new Date('2026-11-26T12:00:00Z');

const dir = await mkdtemp(path.join(tmpdir(), 'closepath-at-risk-'));
const app = await openApp({ dataDir: dir });
try {
  const context = { ...app.context, now: () => ANCHOR };
  await seedDemo(context, { anchor: ANCHOR });
  // How many open deals there are, in all and per region (the seed stored their verdicts as of the anchor).
  const open = await context.db
    .selectFrom('opportunities')
    .innerJoin('users', 'users.id', 'opportunities.owner_id')
    .select(['opportunities.id', 'users.region'])
    .where('opportunities.closed_at', 'is', null)
    .execute();
  const openIn = (region?: string) => open.filter((row) => !region || row.region === region).length;
  const admin = systemActor('measure');
  const all = await listDealsAtRisk(context, admin, atRiskQuery.parse({ limit: 200 }));
  if (!all.ok) throw new Error(all.error.message);
  const { totals, items } = all.value;
  const scanned = openIn();
  console.log(
    `at risk: ${totals.deals} of ${scanned} open deals (${Math.round((totals.deals / scanned) * 100)}%)`,
  );
  const reasons = new Map<string, number>();
  if (process.argv.includes('--list')) {
    for (const item of items)
      console.log(
        `${item.opportunity.stage.padEnd(13)} ${item.inspection.health.score} ${item.inspection.velocity.class.padEnd(10)} ${item.inspection.fixFirst?.why}`,
      );
  }
  for (const item of items) {
    const causes: string[] =
      item.inspection.health.band === 'red'
        ? item.inspection.health.reasons.filter((r) => r.kind === 'risk').map((r) => r.indicator)
        : [];
    if (item.inspection.velocity.class === 'at_risk') causes.push('velocity:at_risk');
    for (const cause of causes) reasons.set(cause, (reasons.get(cause) ?? 0) + 1);
  }
  console.log('causes among flagged deals:', Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])));
  for (const region of ['americas', 'emea', 'japac']) {
    const regional = await listDealsAtRisk(context, admin, atRiskQuery.parse({ region, limit: 200 }));
    if (regional.ok) console.log(`  ${region}: ${regional.value.totals.deals} of ${openIn(region)}`);
  }
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
}
