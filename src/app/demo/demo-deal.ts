import { listCustomerRecords } from '../../db/repositories/inspection-repo.js';
import { listMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { User } from '../../db/repositories/users-repo.js';
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
import type { Actor, AppContext } from '../context.js';
import { createOpportunity } from '../opportunities/create-opportunity.js';
import type { DemoAccount } from './demo-accounts.js';
import { renewalAmount } from './demo-contracts.js';
import { type DemoFlavour, ifAllKnown } from './demo-flavour.js';
import { renewalOwnerOf } from './demo-people.js';
import {
  demoPocOf,
  demoTypeFor,
  milestonesOnEntering,
  turningStage,
  typesForClass,
  upliftCheckIndex,
  upliftSideOf,
} from './demo-rules.js';
import { offerOnOpenDeal } from './play-closing.js';
import { DealPlayer } from './play-deal.js';
import type { Random } from './random.js';
import { unwrap } from './unwrap.js';

const DAY = 86_400_000;

export interface SeededAccount {
  id: string;
  demo: DemoAccount;
  contactIds: string[];
  /** The commit contract of a customer account (what its Renewals and Expansions are priced against). */
  contract: Contract | null;
  /** The account's class by the playbook's rules as the seed sets it up. */
  klass: CustomerClass | undefined;
  /** Who the territory model routed the account to: its AE, the region and the region's RVP (user ids). */
  ownerId: string;
  region: string;
  rvpId: string;
}

/** What a deal of the seed knows: the flavour of its words and what it reads from the playbook. */
export interface SeedPlan {
  flavour: DemoFlavour;
  accountCount: number;
  /** One open deal of each side of the uplift threshold is priced like the other: the uplift verdict shows. */
  toMistype: Set<UpliftSide>;
  /** Everyone of the demo org: the closing flow's approvers and Finance are found among them by their rights. */
  people: Array<{ user: User; actor: Actor }>;
}

/** Another company's customer is not named like the selling company (Northwind Analytics for Northwind Robotics). */
export function nameFor(demo: DemoAccount, company: string): string {
  const first = (name: string) => name.split(/\s+/)[0]?.toLowerCase() ?? '';
  return first(demo.name) === first(company) ? demo.name.replace(/^\S+/, 'Evergreen') : demo.name;
}

/** A deal that renews a contract is run by the region's CSM; any other by the account's AE. */
function ownerFor(context: AppContext, account: SeededAccount, type: string): string {
  return findOpportunityType(context.playbook, type)?.renewsContract
    ? renewalOwnerOf(account.region, account.ownerId)
    : account.ownerId;
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
export async function playDemoDeal(
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
  const owner = actorOf(ownerFor(context, account, type));
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
  const rvp = actorOf(account.rvpId);
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
