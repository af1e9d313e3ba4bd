import { listOpportunities } from '../../db/repositories/opportunities-repo.js';
import type { User } from '../../db/repositories/users-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { shiftDay } from '../../domain/contract/renewals-due.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { periodOf, periodsBetween } from '../../domain/forecast/periods.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Actor, AppContext } from '../context.js';
import { getForecast } from '../forecast/get-forecast.js';
import { setFxRates } from '../forecast/set-fx-rates.js';
import { setQuotas } from '../forecast/set-quotas.js';
import { submitForecast } from '../forecast/submit-forecast.js';
import { takeSnapshot } from '../forecast-changes/take-snapshot.js';
import { updateOpportunity } from '../opportunities/update-opportunity.js';
import type { Random } from './random.js';
import { unwrap } from './unwrap.js';

const DAY = 86_400_000;

/** Illustrative rates to USD (RevOps keeps the real ones); only a USD company gets them. */
const USD_RATES = { EUR: '1.08', GBP: '1.27', CAD: '0.73', AUD: '0.66', JPY: '0.0067', INR: '0.012' };

/**
 * What the forecast pages need to show something on a fresh demo, made through the real use cases: rates, each
 * AE's quotas for the fiscal year, a snapshot a week ago followed by a week of changes (pushes, pull-ins,
 * amounts up and down, so "what changed" has movement) and one now, and each AE's call for the current quarter.
 */
export async function seedDemoForecast(
  base: AppContext,
  admin: Actor,
  people: ReadonlyArray<{ user: User; actor: Actor }>,
  anchor: Date,
  random: Random,
): Promise<void> {
  const settings = forecastSettings(base.playbook);
  let clock = new Date(anchor.getTime() - 7 * DAY);
  const context: AppContext = { ...base, now: () => clock };
  if (settings.companyCurrency === 'USD') {
    const rates = Object.entries(USD_RATES).map(([currency, rate]) => ({ currency, rate }));
    unwrap(await setFxRates(context, admin, { rates }));
  }
  const today = anchor.toISOString().slice(0, 10);
  const year = periodOf(today, 'fiscal_year', settings.fiscalYearStartMonth);
  const quarters = periodsBetween(year.start, year.end, 'quarter', settings.fiscalYearStartMonth);
  const aes = people.filter(({ user }) => user.role === 'ae');
  const quotas = aes.flatMap(({ user }) => {
    const perQuarter = (10 + random.int(0, 20)) * 50_000_00;
    return quarters.map((q) => ({
      ownerId: user.id,
      periodKind: 'quarter' as const,
      periodStart: q.start,
      amountMinor: perQuarter,
    }));
  });
  if (quotas.length > 0) unwrap(await setQuotas(context, admin, { quotas }));

  unwrap(await takeSnapshot(context, admin));
  await playLastWeek(context, admin, people, (at) => (clock = at), random);

  clock = new Date(anchor.getTime() - DAY / 2);
  const quarter = periodOf(today, 'quarter', settings.fiscalYearStartMonth);
  for (const { actor } of aes) {
    const forecast = unwrap(
      await getForecast(context, actor, { period: 'quarter', from: quarter.start, to: quarter.end }),
    );
    const own = forecast.owners.find((owner) => owner.id === actor.principal.id)?.periods[0]?.figures
      .cumulative;
    if (!own || own.pipeline === '0') continue;
    const round = (minor: string) => Math.round(Number(minor) / 1_000_000) * 1_000_000;
    const commitMinor = round(own.commit);
    const bestCaseMinor = Math.max(commitMinor, round(own.best_case));
    unwrap(
      await submitForecast(context, actor, {
        periodKind: 'quarter',
        periodStart: quarter.start,
        commitMinor,
        bestCaseMinor,
        note: 'Commit is what is signed or in legal; best case adds the deals in their POC.',
      }),
    );
  }
  clock = anchor;
  unwrap(await takeSnapshot(context, admin));
}

/** A week of ordinary edits by the deals' owners: close dates pushed and pulled in, amounts up and down. */
async function playLastWeek(
  context: AppContext,
  admin: Actor,
  people: ReadonlyArray<{ user: User; actor: Actor }>,
  setClock: (at: Date) => void,
  random: Random,
) {
  const start = context.now().getTime();
  const everyone = visibilityFor(admin.principal, 'opportunity');
  const open = (await listOpportunities(context.db, {}, everyone, { limit: 1000 })).filter(
    (deal) => !deal.closedAt,
  );
  const actorOf = (deal: Opportunity) => people.find(({ user }) => user.id === deal.ownerId)?.actor;
  const edits: Array<(deal: Opportunity) => Parameters<typeof updateOpportunity>[3]> = [
    (deal) => ({ closeDate: shiftDay(deal.closeDate, 45 + random.int(0, 45)) }),
    (deal) => ({ closeDate: shiftDay(deal.closeDate, -20) }),
    (deal) => ({ amountMinor: Math.round((deal.amountMinor * 1.2) / 100_00) * 100_00 }),
    (deal) => ({ amountMinor: Math.round((deal.amountMinor * 0.8) / 100_00) * 100_00 }),
  ];
  // An amount decides whether a deal that renews a contract is a Renewal or an Expansion: those keep theirs.
  const priced = new Set(
    context.playbook.opportunityTypes.filter((type) => !type.renewsContract?.uplift).map((type) => type.key),
  );
  const picked = open.filter((deal, index) => index % 4 === 0 && priced.has(deal.type)).slice(0, 24);
  for (const [index, deal] of picked.entries()) {
    const actor = actorOf(deal);
    const edit = edits[index % edits.length];
    if (!actor || !edit) continue;
    setClock(new Date(start + (index + 1) * ((6 * DAY) / (picked.length + 1))));
    const input = edit(deal);
    // A pull-in into the past is no edit a rep makes: keep only the changes still ahead of today.
    if (input.closeDate && input.closeDate < context.now().toISOString().slice(0, 10)) continue;
    unwrap(await updateOpportunity(context, actor, deal.id, input));
  }
}
