import { listDealHeads } from '../../db/repositories/opportunities-repo.js';
import { hasUsers, insertUsers } from '../../db/repositories/users-repo.js';
import type { UpliftSide } from '../../domain/playbook/playbook.js';
import { actorFor, systemActor } from '../access/actors.js';
import { createAccount } from '../accounts/save-account.js';
import { createContact } from '../accounts/save-contact.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import {
  DEMO_ACCOUNTS,
  DEMO_CONTACT_ROLES,
  DEMO_FIRST_NAMES,
  DEMO_LAST_NAMES,
  type DemoAccount,
} from './demo-accounts.js';
import { recordDemoContract } from './demo-contracts.js';
import { nameFor, playDemoDeal, type SeededAccount, type SeedPlan } from './demo-deal.js';
import { demoFlavour } from './demo-flavour.js';
import { seedDemoForecast } from './demo-forecast.js';
import { demoUsers } from './demo-people.js';
import { DEFAULT_TERRITORIES_FILE } from './demo-playbook.js';
import { demoClassOf, recordsCustomerContracts } from './demo-rules.js';
import { activateDemoTerritories } from './demo-territories.js';
import { createRandom } from './random.js';
import { unwrap } from './unwrap.js';

const DAY = 86_400_000;

export interface SeedSummary {
  users: number;
  accounts: number;
  contacts: number;
  opportunities: number;
}

export interface SeedOptions {
  anchor: Date;
  /** How many deals (160). */
  opportunities?: number;
  /** How many accounts, spread over the territories (all 46); a smaller demo for tests. */
  accounts?: number;
  seed?: number;
  /** The demo org's territories file (territories/firebolt.yaml): activated first, it routes every account. */
  territoriesFile?: string;
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
  const placementOf = await activateDemoTerritories(
    context,
    admin,
    options.territoriesFile ?? DEFAULT_TERRITORIES_FILE,
    users,
  );
  const { playbook } = base;
  const flavour = demoFlavour(playbook);
  const withContracts = recordsCustomerContracts(playbook);
  const accounts: SeededAccount[] = [];
  // Contracts draw from their own sequence so the deals' draws stay as they were.
  const contractRandom = createRandom((options.seed ?? 20261126) + 1);
  for (const demo of pickDemoAccounts(options.accounts)) {
    clock = new Date(clock.getTime() + 3_600_000);
    const { plg, customer: _c, ...fields } = demo;
    const placement = placementOf(demo);
    const account = unwrap(
      await createAccount(context, admin, {
        ...fields,
        name: nameFor(demo, playbook.company),
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
    // No owner is named: the server routes the new account to its territory's AE.
    if (account.ownerId !== placement.ownerId) throw new Error(`demo seed: ${demo.name} was not routed`);
    accounts.push({ id: account.id, demo, contactIds, contract, klass, ...placement });
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
  await seedDemoForecast(
    base,
    admin,
    plan.people,
    options.anchor,
    createRandom((options.seed ?? 20261126) + 2),
  );
  // The deals were played on earlier days: their stored verdicts as of the anchor, as the daily refresh leaves them.
  const open = await listDealHeads(base.db, { openOnly: true }, { all: true }, { limit: total });
  await storeInspections(
    { ...base, now: () => options.anchor },
    base.db,
    open.map((deal) => deal.id),
  );
  return {
    users: users.length,
    accounts: accounts.length,
    contacts: accounts.length * DEMO_CONTACT_ROLES.length,
    opportunities: total,
  };
}
