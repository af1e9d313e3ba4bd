import { listMeddpicc } from '../../db/repositories/qualification-repo.js';
import { hasUsers, insertUsers } from '../../db/repositories/users-repo.js';
import type { Contract } from '../../domain/contract/contract.js';
/** The seed's two types told apart by uplift. */
export const RENEWAL_KINDS = ['renewal', 'expansion'] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

import { forwardPath, openStages, pipelineForType } from '../../domain/playbook/lookup.js';
import type { LeadSource, Pipeline } from '../../domain/playbook/playbook.js';
import type { MeddpiccState } from '../../domain/qualification/meddpicc.js';
import { actorFor, systemActor } from '../access/actors.js';
import { createAccount } from '../accounts/save-account.js';
import { createContact } from '../accounts/save-contact.js';
import type { Actor, AppContext } from '../context.js';
import { createOpportunity } from '../opportunities/create-opportunity.js';
import {
  DEMO_ACCOUNTS,
  DEMO_CONTACT_ROLES,
  DEMO_FIRST_NAMES,
  DEMO_LAST_NAMES,
  type DemoAccount,
} from './demo-accounts.js';
import { recordDemoContract, renewalAmount } from './demo-contracts.js';
import { aeFor, demoUsers, renewalOwnerFor, rvpFor } from './demo-people.js';
import { DealPlayer } from './play-deal.js';
import { createRandom, type Random } from './random.js';

const DAY = 86_400_000;

export interface SeedSummary {
  users: number;
  accounts: number;
  contacts: number;
  opportunities: number;
}

interface SeededAccount {
  id: string;
  demo: DemoAccount;
  contactIds: string[];
  /** The commit contract of a customer account (what its Renewals and Expansions are priced against). */
  contract: Contract | null;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`demo seed: ${result.error.message}`);
  return result.value;
}

/**
 * Fills an empty database with a realistic sales org: users, accounts with contacts, and deals of every type
 * played through the real use cases (so every stage change passed its gate and has a snapshot in history).
 */
export async function seedDemo(
  base: AppContext,
  options: {
    anchor: Date;
    opportunities?: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SeedSummary> {
  if (await hasUsers(base.db)) throw new Error('demo seed: the database already has users');
  const random = createRandom(options.seed ?? 20261126);
  let clock = new Date(options.anchor.getTime() - 400 * DAY);
  const context: AppContext = { ...base, now: () => clock };
  const users = demoUsers(clock);
  await insertUsers(base.db, users);
  const admin = systemActor('demo-seed');
  const people = new Map(users.map((user) => [user.id, actorFor(user)]));
  const actorOf = (id: string): Actor => {
    const found = people.get(id);
    if (!found) throw new Error(`demo seed: no user ${id}`);
    return found;
  };
  const accounts: SeededAccount[] = [];
  // Contracts draw from their own sequence so the deals' draws stay as they were.
  const contractRandom = createRandom((options.seed ?? 20261126) + 1);
  for (const demo of DEMO_ACCOUNTS) {
    clock = new Date(clock.getTime() + 3_600_000);
    const { territory: _t, plg, customer: _c, ...fields } = demo;
    const account = unwrap(
      await createAccount(context, admin, {
        ...fields,
        ownerId: aeFor(demo.territory),
        selfServeUsage: plg ?? false,
      }),
    );
    const contactIds: string[] = [];
    for (const role of DEMO_CONTACT_ROLES) {
      const name = `${random.pick(DEMO_FIRST_NAMES)} ${random.pick(DEMO_LAST_NAMES)}`;
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${demo.domain}`;
      contactIds.push(
        unwrap(await createContact(context, admin, account.id, { name, email, title: role.title })).id,
      );
    }
    const contract = demo.customer
      ? await recordDemoContract(context, admin, account.id, demo, contractRandom, options.anchor)
      : null;
    accounts.push({ id: account.id, demo, contactIds, contract });
  }
  const total = options.opportunities ?? 160;
  /** One open Renewal priced like an Expansion and one open Expansion like a Renewal: the uplift verdict shows. */
  const toMistype = new Set<RenewalKind>(RENEWAL_KINDS);
  for (let index = 0; index < total; index++) {
    const account = accounts[index % accounts.length] as SeededAccount;
    const deal = { account, index, toMistype };
    await playDemoDeal(context, actorOf, (at) => (clock = at), deal, random, options.anchor);
    options.onProgress?.(index + 1, total);
  }
  return {
    users: users.length,
    accounts: accounts.length,
    contacts: accounts.length * 3,
    opportunities: total,
  };
}

function typeFor(account: DemoAccount, index: number): string {
  if (!account.customer) return 'new_business';
  return (['renewal', 'upsell', 'expansion', 'renewal'] as const)[index % 4] ?? 'renewal';
}

function ownerFor(account: DemoAccount, type: string): string {
  return type === 'renewal' || type === 'expansion'
    ? renewalOwnerFor(account.territory)
    : aeFor(account.territory);
}

function sourceFor(account: DemoAccount, type: string, random: Random): LeadSource {
  if (type !== 'new_business') return 'customer_success';
  return random.pick<LeadSource>(
    account.plg ? ['plg', 'sdr', 'inbound'] : ['sdr', 'ae', 'inbound', 'partner'],
  );
}

const OVERRIDE = {
  justification: 'Readout slipped a week; the Economic Buyer confirmed the business case verbally',
};

const BUSINESS_TO_CALENDAR = 7 / 5;

async function meddpiccOf(context: AppContext, opportunityId: string): Promise<MeddpiccState> {
  const records = await listMeddpicc(context.db, opportunityId);
  return Object.fromEntries(records.map((record) => [record.element, record]));
}

function expectedDaysOf(pipeline: Pipeline, keys: readonly string[]) {
  return keys.map((key) => pipeline.stages.find((stage) => stage.key === key)?.expectedDays ?? 10);
}

/**
 * When a deal's moves happen, in calendar days: each stage left took 0.5–1.3× the playbook's expected time; an
 * open deal has spent 0.1–1.1× in its stage so far (1.7–2.6× for one in eight: it stalled); a lost deal spent
 * 0.5–1.3× in the stage it was lost in; a closed deal closed up to eight weeks ago. The deal starts that long
 * before the anchor.
 */
function planTimeline(
  expectedDays: readonly number[],
  deal: { won: boolean; lost: boolean },
  random: Random,
) {
  const calendar = (business: number, low: number, high: number) =>
    Math.max(1, Math.round(business * BUSINESS_TO_CALENDAR * (low + random.next() * (high - low))));
  const left = expectedDays.slice(0, -1).map((days) => calendar(days, 0.5, 1.3));
  const current = expectedDays.at(-1) ?? 10;
  const stalled = random.chance(0.12);
  const lastDwellDays = deal.won
    ? 0
    : deal.lost
      ? calendar(current, 0.5, 1.3)
      : calendar(current, stalled ? 1.7 : 0.1, stalled ? 2.6 : 1.1);
  const sinceClose = deal.won || deal.lost ? random.int(1, 56) : 0;
  const totalDays = left.reduce((sum, days) => sum + days, 0) + lastDwellDays + sinceClose + 1;
  return { dwellDays: left, lastDwellDays, totalDays, stalled: stalled && !deal.won && !deal.lost };
}

/** Plays one deal from creation to its target stage, with a regression or an RVP override now and then. */
async function playDemoDeal(
  context: AppContext,
  actorOf: (id: string) => Actor,
  setClock: (at: Date) => void,
  { account, index, toMistype }: { account: SeededAccount; index: number; toMistype: Set<RenewalKind> },
  random: Random,
  anchor: Date,
) {
  const type = typeFor(account.demo, Math.floor(index / DEMO_ACCOUNTS.length) + index);
  const pipeline = pipelineForType(context.playbook, type);
  if (!pipeline) throw new Error(`demo seed: no pipeline for ${type}`);
  const path = forwardPath(pipeline).map((stage) => stage.key);
  const targets = [...path, 'closed_lost'];
  const target = targets[index % targets.length] ?? 'closed_won';
  const lostAt = target === 'closed_lost' ? random.pick(openStages(pipeline)).key : null;
  const closed = target === 'closed_won' || target === 'closed_lost';
  const expected = expectedDaysOf(pipeline, path.slice(0, path.indexOf(lostAt ?? target) + 1));
  const timeline = planTimeline(expected, { won: target === 'closed_won', lost: lostAt !== null }, random);
  let at = anchor.getTime() - timeline.totalDays * DAY;
  const tick = (days: number) => {
    at += days * DAY + random.int(1, 8) * 3_600_000;
    setClock(new Date(Math.min(at, anchor.getTime() - 3_600_000)));
  };
  tick(0);
  const owner = actorOf(ownerFor(account.demo, type));
  const closeInDays = closed ? -random.int(1, 20) : random.int(10, 160);
  const drawn = random.int(24, 900);
  const renewalKind = RENEWAL_KINDS.find((kind) => kind === type);
  // Negotiate's exit checks the type against the uplift: a mistyped deal stays before it.
  const beforeUpliftCheck = path.indexOf(target) <= path.indexOf('negotiate');
  const mistyped =
    renewalKind !== undefined &&
    account.contract !== null &&
    !closed &&
    beforeUpliftCheck &&
    toMistype.delete(renewalKind);
  const amountMinor =
    renewalKind && account.contract
      ? renewalAmount(renewalKind, account.contract, drawn, mistyped)
      : drawn * 1_000_00;
  const opportunity = unwrap(
    await createOpportunity(context, owner, {
      accountId: account.id,
      name: `${account.demo.name} — ${type.replace('_', ' ')} #${index + 1}`,
      type,
      amountMinor,
      currency: 'USD',
      closeDate: new Date(anchor.getTime() + closeInDays * DAY).toISOString().slice(0, 10),
      ownerId: owner.id,
      source: sourceFor(account.demo, type, random),
      nextStep: closed ? null : 'Confirm the next meeting with the champion',
    }),
  );
  const player = new DealPlayer(context, {
    opportunityId: opportunity.id,
    pipeline: pipeline.key,
    economicBuyerId: account.contactIds[0] ?? '',
    championId: account.contactIds[1] ?? '',
  });
  const rvp = actorOf(rvpFor(account.demo.territory));
  for (const [step, stage] of player.pathTo(lostAt ?? target).entries()) {
    tick(timeline.dwellDays[step] ?? 7);
    if (index % 23 === 7 && stage === 'propose' && pipeline.key === 'new_business') {
      await player.move(rvp, { to: stage, override: OVERRIDE }, new Set(['nb_poc_readout']));
    } else {
      await player.move(owner, { to: stage });
    }
    await recordMilestones(player, owner, pipeline.key, stage);
    const previous = path[path.indexOf(stage) - 1];
    if (index % 11 === 3 && stage === 'propose' && previous) {
      tick(2);
      await player.move(owner, {
        to: previous,
        reason: 'Economic Buyer changed; re-validating the business case',
      });
      tick(5);
      await player.move(owner, { to: stage });
    }
  }
  if (!closed && !lostAt) {
    // A deal that is moving has its rep at work on the next gate; a stalled one has gone quiet.
    if (!timeline.stalled) {
      const levels = await meddpiccOf(context, opportunity.id);
      await player.prepareToLeave(owner, target, levels);
    }
    await checkIn(player, owner, setClock, { index, at, anchor }, random);
  }
  if (lostAt) {
    tick(timeline.lastDwellDays);
    if (lostAt === 'poc' && pipeline.key === 'new_business') await player.poc.run(owner, 'challenged');
    const lossReason = random.pick(['competitor', 'no_decision', 'budget', 'price', 'status_quo']);
    const winningCompetitor =
      lossReason === 'competitor' ? random.pick(['Snowflake', 'ClickHouse', 'BigQuery']) : null;
    await player.move(owner, { to: 'closed_lost', lossReason, winningCompetitor });
  }
}

/**
 * Reps keep talking to the customers of their open deals: a check-in in the last two weeks, on all but one in
 * seven (those go quiet, and health says so).
 */
async function checkIn(
  player: DealPlayer,
  owner: Actor,
  setClock: (at: Date) => void,
  { index, at, anchor }: { index: number; at: number; anchor: Date },
  random: Random,
) {
  const draw = random.int(1, 10);
  if (index % 7 === 3) return;
  const when = Math.min(
    Math.max(at + 3_600_000, anchor.getTime() - draw * DAY),
    anchor.getTime() - 1_800_000,
  );
  setClock(new Date(when));
  await player.talk(
    owner,
    index % 2 === 0 ? 'call' : 'email',
    'Weekly check-in on the open questions and next steps',
  );
}

/** Where the seed puts the win milestones: Tech Win on leaving the POC, Business and Financial Win in Propose… */
const MILESTONES_ON_ENTERING: Record<string, string[]> = {
  propose: ['tech_win', 'business_win'],
  negotiate: ['financial_win'],
  closed_won: ['legal_win'],
};

async function recordMilestones(player: DealPlayer, owner: Actor, pipeline: string, stage: string) {
  if (pipeline !== 'new_business') return;
  if (stage === 'discover') await player.poc.signOff(owner);
  for (const milestone of MILESTONES_ON_ENTERING[stage] ?? []) await player.poc.milestone(owner, milestone);
}
