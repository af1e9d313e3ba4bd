import { insertUsers, listUsers } from '../../db/repositories/users-repo.js';
import { findPipeline, forwardPath, openStages, pipelineForType } from '../../domain/playbook/lookup.js';
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
import { aeFor, DEMO_TERRITORIES, demoUsers } from './demo-people.js';
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
}

const actorFor = (id: string, canOverride = false): Actor => ({ id, canOverride, canReopen: false });

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
  if ((await listUsers(base.db)).length > 0) throw new Error('demo seed: the database already has users');
  const random = createRandom(options.seed ?? 20261126);
  let clock = new Date(options.anchor.getTime() - 400 * DAY);
  const context: AppContext = { ...base, now: () => clock };
  const users = demoUsers(clock);
  await insertUsers(base.db, users);
  const admin = actorFor(users[0]?.id ?? 'system');
  const accounts: SeededAccount[] = [];
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
    accounts.push({ id: account.id, demo, contactIds });
  }
  const total = options.opportunities ?? 160;
  for (let index = 0; index < total; index++) {
    const account = accounts[index % accounts.length] as SeededAccount;
    await playDemoDeal(context, (at) => (clock = at), account, index, random, options.anchor);
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
  const region = DEMO_TERRITORIES.find((territory) => territory.key === account.territory)?.region;
  if (type === 'renewal' || type === 'expansion') {
    if (region === 'americas') return 'user_liam_o_brien';
    if (region === 'emea') return 'user_sofia_nilsson';
  }
  return aeFor(account.territory);
}

async function playDemoDeal(
  context: AppContext,
  setClock: (at: Date) => void,
  account: SeededAccount,
  index: number,
  random: Random,
  anchor: Date,
) {
  const type = typeFor(account.demo, Math.floor(index / DEMO_ACCOUNTS.length) + index);
  const pipeline = pipelineForType(context.playbook, type);
  if (!pipeline) throw new Error(`demo seed: no pipeline for ${type}`);
  const stages = [...forwardPath(pipeline), ...pipeline.stages.filter((stage) => stage.outcome === 'lost')];
  const target = stages[index % stages.length]?.key ?? 'closed_won';
  const lostAt = target === 'closed_lost' ? random.pick(openStages(pipeline)).key : null;
  const steps = Math.max(1, forwardPath(pipeline).findIndex((stage) => stage.key === (lostAt ?? target)) + 1);
  const span = random.int(steps * 9, steps * 20) * DAY;
  let at = anchor.getTime() - span - random.int(1, 10) * DAY;
  const tick = (days: number) => {
    at += days * DAY + random.int(1, 8) * 3_600_000;
    setClock(new Date(Math.min(at, anchor.getTime() - 3_600_000)));
  };
  tick(0);
  const owner = actorFor(ownerFor(account.demo, type));
  const closed = target === 'closed_won' || target === 'closed_lost';
  const closeDate = new Date(
    closed ? anchor.getTime() - random.int(1, 20) * DAY : anchor.getTime() + random.int(10, 160) * DAY,
  );
  const source =
    type === 'new_business'
      ? random.pick(account.demo.plg ? ['plg', 'sdr', 'inbound'] : ['sdr', 'ae', 'inbound', 'partner'])
      : 'customer_success';
  const opportunity = unwrap(
    await createOpportunity(context, owner, {
      accountId: account.id,
      name: `${account.demo.name} — ${findPipeline(context.playbook, pipeline.key)?.name ?? ''} ${type.replace('_', ' ')} ${index + 1}`,
      type,
      amountMinor: random.int(24, 900) * 1_000_00,
      currency: 'USD',
      closeDate: closeDate.toISOString().slice(0, 10),
      ownerId: owner.id,
      source: source as 'sdr',
      nextStep: closed ? null : 'Confirm next meeting with the champion',
    }),
  );
  const player = new DealPlayer(context, {
    opportunityId: opportunity.id,
    pipeline: pipeline.key,
    economicBuyerId: account.contactIds[0] ?? '',
    championId: account.contactIds[1] ?? '',
  });
  const rvp = actorFor(
    `user_${{ americas: 'rachel_adams', emea: 'henrik_olsen', japac: 'priya_raman' }[DEMO_TERRITORIES.find((t) => t.key === account.demo.territory)?.region ?? 'americas']}`,
    true,
  );
  for (const stage of player.pathTo(lostAt ?? target)) {
    tick(random.int(4, 14));
    const overrideHere = index % 23 === 7 && stage === 'propose';
    if (overrideHere) {
      await player.move(
        rvp,
        {
          to: stage,
          override: { justification: 'Readout slipped a week; EB verbally confirmed the business case' },
        },
        new Set(['nb_poc_readout']),
      );
    } else {
      await player.move(owner, { to: stage });
    }
    if (index % 11 === 3 && stage === 'propose') {
      tick(random.int(2, 6));
      await player.move(owner, {
        to: 'poc',
        reason: 'Economic Buyer changed; re-validating the business case',
      });
      tick(random.int(5, 12));
      await player.move(owner, { to: 'propose' });
    }
  }
  if (lostAt) {
    tick(random.int(3, 12));
    const lossReason = random.pick(['competitor', 'no_decision', 'budget', 'price', 'status_quo']);
    await player.move(owner, {
      to: 'closed_lost',
      lossReason,
      winningCompetitor:
        lossReason === 'competitor'
          ? random.pick(['Snowflake', 'ClickHouse', 'BigQuery', 'Databricks'])
          : null,
    });
  }
}
