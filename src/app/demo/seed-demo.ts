import { listCustomerRecords } from '../../db/repositories/inspection-repo.js';
import { listMeddpicc } from '../../db/repositories/qualification-repo.js';
import { hasUsers, insertUsers, type User } from '../../db/repositories/users-repo.js';
import { type Contract, previousCommitContract } from '../../domain/contract/contract.js';
import {
  closedStage,
  findOpportunityType,
  forwardPath,
  openStages,
  pipelineForType,
} from '../../domain/playbook/lookup.js';
import type { CustomerClass, LeadSource, Pipeline, UpliftSide } from '../../domain/playbook/playbook.js';
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
import { type DemoFlavour, demoFlavour, ifAllKnown } from './demo-flavour.js';
import { aeFor, demoUsers, renewalOwnerFor, rvpFor } from './demo-people.js';
import {
  demoClassOf,
  demoPocOf,
  demoTypeFor,
  milestonesOnEntering,
  recordsCustomerContracts,
  turningStage,
  typesForClass,
  upliftCheckIndex,
  upliftSideOf,
} from './demo-rules.js';
import { offerOnOpenDeal } from './play-closing.js';
import { DealPlayer } from './play-deal.js';
import { createRandom, type Random } from './random.js';
import { unwrap } from './unwrap.js';

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
  /** The account's class by the playbook's rules as the seed sets it up. */
  klass: CustomerClass | undefined;
}

/** What a deal of the seed knows: the flavour of its words and what it reads from the playbook. */
interface SeedPlan {
  flavour: DemoFlavour;
  accountCount: number;
  /** One open deal of each side of the uplift threshold is priced like the other: the uplift verdict shows. */
  toMistype: Set<UpliftSide>;
  /** Everyone of the demo org: the closing flow's approvers and Finance are found among them by their rights. */
  people: Array<{ user: User; actor: Actor }>;
}

export interface SeedOptions {
  anchor: Date;
  /** How many deals (160). */
  opportunities?: number;
  /** How many accounts, spread over the territories (all 46); a smaller demo for tests. */
  accounts?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** `count` of the demo accounts, evenly spread over the list (so over the territories); all by default. */
export function pickDemoAccounts(count = DEMO_ACCOUNTS.length): DemoAccount[] {
  const total = DEMO_ACCOUNTS.length;
  const wanted = Math.max(1, Math.min(count, total));
  return Array.from(
    { length: wanted },
    (_, index) => DEMO_ACCOUNTS[Math.floor((index * total) / wanted)],
  ).filter((account): account is DemoAccount => account !== undefined);
}

/** Another company's customer is not named like the selling company (Northwind Analytics for Northwind Robotics). */
function nameFor(demo: DemoAccount, company: string): string {
  const first = (name: string) => name.split(/\s+/)[0]?.toLowerCase() ?? '';
  return first(demo.name) === first(company) ? demo.name.replace(/^\S+/, 'Evergreen') : demo.name;
}

/**
 * Fills an empty database with a realistic sales org: users, accounts with contacts, and deals of every type
 * played through the real use cases (so every stage change passed its gate and has a snapshot in history).
 * What the deals are (types, stages, POC, sources, loss reasons, contracts) comes from the playbook, so the
 * seed runs on any company's.
 */
export async function seedDemo(base: AppContext, options: SeedOptions): Promise<SeedSummary> {
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
  const { playbook } = base;
  const flavour = demoFlavour(playbook);
  const withContracts = recordsCustomerContracts(playbook);
  const accounts: SeededAccount[] = [];
  // Contracts draw from their own sequence so the deals' draws stay as they were.
  const contractRandom = createRandom((options.seed ?? 20261126) + 1);
  for (const demo of pickDemoAccounts(options.accounts)) {
    clock = new Date(clock.getTime() + 3_600_000);
    const { territory: _t, plg, customer: _c, ...fields } = demo;
    const account = unwrap(
      await createAccount(context, admin, {
        ...fields,
        name: nameFor(demo, playbook.company),
        ownerId: aeFor(demo.territory),
        selfServeUsage: plg ?? false,
      }),
    );
    const contactIds: string[] = [];
    for (const [place, role] of DEMO_CONTACT_ROLES.entries()) {
      const name = `${random.pick(DEMO_FIRST_NAMES)} ${random.pick(DEMO_LAST_NAMES)}`;
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${demo.domain}`;
      const title = flavour.contactTitles[place] ?? role.title;
      contactIds.push(unwrap(await createContact(context, admin, account.id, { name, email, title })).id);
    }
    const contract =
      demo.customer && withContracts
        ? await recordDemoContract(context, admin, account.id, demo, contractRandom, options.anchor)
        : null;
    const klass = demoClassOf(playbook, { contracted: contract !== null, selfServe: plg ?? false });
    accounts.push({ id: account.id, demo, contactIds, contract, klass });
  }
  const total = options.opportunities ?? 160;
  const plan: SeedPlan = {
    flavour,
    accountCount: accounts.length,
    toMistype: new Set<UpliftSide>(['below', 'atOrAbove']),
    people: users.map((user) => ({ user, actor: actorOf(user.id) })),
  };
  for (let index = 0; index < total; index++) {
    const account = accounts[index % accounts.length] as SeededAccount;
    const deal = { account, index };
    await playDemoDeal(context, actorOf, (at) => (clock = at), deal, plan, random, options.anchor);
    options.onProgress?.(index + 1, total);
  }
  return {
    users: users.length,
    accounts: accounts.length,
    contacts: accounts.length * DEMO_CONTACT_ROLES.length,
    opportunities: total,
  };
}

/** A deal that renews a contract is run by the region's CSM; any other by the territory's AE. */
function ownerFor(context: AppContext, account: DemoAccount, type: string): string {
  return findOpportunityType(context.playbook, type)?.renewsContract
    ? renewalOwnerFor(account.territory)
    : aeFor(account.territory);
}

/**
 * Where a deal came from: an existing customer's from the flavour's customer source (else any), a prospect's
 * from the flavour's lists (self-serve or not) where the playbook has those sources, else any of its sources.
 */
function sourceFor(
  context: AppContext,
  flavour: DemoFlavour,
  account: SeededAccount,
  random: Random,
): LeadSource {
  const known = context.playbook.leadSources.map((source) => source.key);
  const customer = account.klass?.when === 'contract_in_force';
  const { customerSource, prospectSources } = flavour.keyed;
  if (customer && customerSource && known.includes(customerSource)) return customerSource;
  const listed = customer
    ? null
    : ifAllKnown(account.demo.plg ? prospectSources.selfServe : prospectSources.other, known);
  return random.pick<LeadSource>(listed ?? known);
}

/** A loss reason (the flavour's where the playbook has them all) and the competitor that won, where it must name one. */
function lossFor(context: AppContext, flavour: DemoFlavour, random: Random) {
  const reasons = context.playbook.lossReasons;
  const keys =
    ifAllKnown(
      flavour.keyed.lossReasons,
      reasons.map((reason) => reason.key),
    ) ?? reasons.map((reason) => reason.key);
  const lossReason = random.pick(keys);
  const needsCompetitor = reasons.find((reason) => reason.key === lossReason)?.requiresCompetitor;
  return { lossReason, winningCompetitor: needsCompetitor ? random.pick(flavour.competitors) : null };
}

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
  { account, index }: { account: SeededAccount; index: number },
  { flavour, accountCount, toMistype, people }: SeedPlan,
  random: Random,
  anchor: Date,
) {
  const { playbook } = context;
  const fits = typesForClass(playbook, account.klass?.key);
  const type = demoTypeFor(flavour, fits, Math.floor(index / accountCount) + index);
  const pipeline = pipelineForType(playbook, type);
  if (!pipeline) throw new Error(`demo seed: no pipeline for ${type}`);
  const won = closedStage(pipeline, 'won').key;
  const lost = closedStage(pipeline, 'lost').key;
  const poc = demoPocOf(playbook, pipeline);
  const turning = turningStage(pipeline, poc);
  const milestones = milestonesOnEntering(playbook, flavour, pipeline);
  const path = forwardPath(pipeline).map((stage) => stage.key);
  const targets = [...path, lost];
  const target = targets[index % targets.length] ?? won;
  const lostAt = target === lost ? random.pick(openStages(pipeline)).key : null;
  const closed = target === won || target === lost;
  const expected = expectedDaysOf(pipeline, path.slice(0, path.indexOf(lostAt ?? target) + 1));
  const timeline = planTimeline(expected, { won: target === won, lost: lostAt !== null }, random);
  let at = anchor.getTime() - timeline.totalDays * DAY;
  const tick = (days: number) => {
    at += days * DAY + random.int(1, 8) * 3_600_000;
    setClock(new Date(Math.min(at, anchor.getTime() - 3_600_000)));
  };
  tick(0);
  const owner = actorOf(ownerFor(context, account.demo, type));
  const closeInDays = closed ? -random.int(1, 20) : random.int(10, 160);
  const drawn = random.int(24, 900);
  const side = upliftSideOf(playbook, type);
  // The stage whose exit checks the type against the uplift (Firebolt's Negotiate): a mistyped deal stays before it.
  const beforeUpliftCheck = path.indexOf(target) <= upliftCheckIndex(pipeline);
  // Priced against the contract it renews: the latest on file now (a deal won on the account since counts).
  const customer = (await listCustomerRecords(context.db, [account.id])).get(account.id);
  const renewed = account.contract && previousCommitContract(customer?.contracts ?? [], null, context.now());
  const mistyped =
    side !== undefined && renewed !== null && !closed && beforeUpliftCheck && toMistype.delete(side);
  const amountMinor =
    side && renewed
      ? renewalAmount(
          side,
          renewed,
          drawn,
          mistyped,
          playbook.contracts?.expansionUpliftThreshold ?? undefined,
        )
      : drawn * 1_000_00;
  const opportunity = unwrap(
    await createOpportunity(context, owner, {
      accountId: account.id,
      name: `${nameFor(account.demo, playbook.company)} — ${type.replace('_', ' ')} #${index + 1}`,
      type,
      amountMinor,
      currency: playbook.defaultCurrency,
      closeDate: new Date(anchor.getTime() + closeInDays * DAY).toISOString().slice(0, 10),
      ownerId: owner.id,
      source: sourceFor(context, flavour, account, random),
      nextStep: closed ? null : 'Confirm the next meeting with the champion',
    }),
  );
  const cast = {
    opportunityId: opportunity.id,
    accountId: account.id,
    amountMinor,
    pipeline: pipeline.key,
    economicBuyerId: account.contactIds[0] ?? '',
    championId: account.contactIds[1] ?? '',
    // Won deals' agreements (and so their commit contracts) start after the demo's "now": the seed's other
    // deals on the account, played over the same months, stay of the type the account's class had.
    agreementsStart: new Date(anchor.getTime() + 14 * DAY),
  };
  const player = new DealPlayer(context, cast, people);
  const rvp = actorOf(rvpFor(account.demo.territory));
  for (const [step, stage] of player.pathTo(lostAt ?? target).entries()) {
    tick(timeline.dwellDays[step] ?? 7);
    if (index % 23 === 7 && poc && stage === turning) {
      const override = { justification: flavour.overrideJustification };
      await player.move(rvp, { to: stage, override }, poc.overridable);
    } else {
      await player.move(owner, { to: stage });
    }
    if (poc && stage === poc.availableFrom) await player.poc.signOff(owner);
    for (const milestone of milestones[stage] ?? []) await player.poc.milestone(owner, milestone);
    const previous = path[path.indexOf(stage) - 1];
    if (index % 11 === 3 && stage === turning && previous) {
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
    await offerOnOpenDeal(context, player.closing, owner, { pipeline, stage: target, index });
  }
  if (lostAt) {
    tick(timeline.lastDwellDays);
    if (poc && lostAt === poc.stage.key) await player.poc.run(owner, 'challenged');
    await player.move(owner, { to: lost, ...lossFor(context, flavour, random) });
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
