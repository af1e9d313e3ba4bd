import type { Kysely } from 'kysely';
import { newId } from '../src/app/open-app.js';
import { insertAccount } from '../src/db/repositories/accounts-repo.js';
import { insertOpportunities } from '../src/db/repositories/opportunities-repo.js';
import { insertUsers, type User } from '../src/db/repositories/users-repo.js';
import type { Database } from '../src/db/schema.js';
import type { Opportunity } from '../src/domain/opportunity/opportunity.js';
import { deriveStageFacts } from '../src/domain/opportunity/stage-facts.js';
import { forwardPath, pipelineForType } from '../src/domain/playbook/lookup.js';
import type { Playbook } from '../src/domain/playbook/playbook.js';

const TYPES = ['new_business', 'upsell', 'renewal', 'expansion'] as const;
export const BENCH_OWNERS = 40;
const ACCOUNTS = 1000;
const BATCH = 2000;

export async function createOwnersAndAccounts(db: Kysely<Database>, now: Date) {
  const users: User[] = Array.from({ length: BENCH_OWNERS }, (_, index) => ({
    id: `user_bench_${index}`,
    email: `ae${index}@bench.example`,
    name: `Bench AE ${index}`,
    role: 'ae',
    // Three regions of 30, 8 and 2 owners: an RVP's region large, small or tiny.
    region: index < 30 ? 'americas' : index < 38 ? 'emea' : 'japac',
    managerId: null,
    active: true,
    createdAt: now,
  }));
  await insertUsers(db, users);
  const accounts: string[] = [];
  for (let index = 0; index < ACCOUNTS; index++) {
    const id = `acc_bench_${index}`;
    await insertAccount(db, {
      id,
      name: `Bench Account ${index}`,
      domain: null,
      segment: 'mid_market',
      industry: null,
      country: 'US',
      subdivision: 'US-CA',
      city: null,
      postalCode: null,
      county: null,
      csmId: null,
      ownerId: null,
      ownerPinned: false,
      selfServeUsage: false,
      awsAccountId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    accounts.push(id);
  }
  return { owners: users.map((user) => user.id), accounts };
}

/** The i-th synthetic deal: types and stages spread evenly, close dates over two years. */
export function syntheticOpportunity(
  playbook: Playbook,
  index: number,
  accounts: string[],
  now: Date,
): Opportunity {
  const type = TYPES[index % TYPES.length] ?? 'new_business';
  const pipeline = pipelineForType(playbook, type);
  if (!pipeline) throw new Error(type);
  const path = forwardPath(pipeline);
  const stage = index % 5 === 0 ? 'created' : (path[(index * 7) % path.length]?.key ?? 'created');
  const facts = deriveStageFacts(
    playbook,
    pipeline.key,
    pipeline.key === 'renewal' && stage === 'created' ? 'open' : stage,
  );
  const close = new Date(now.getTime() + ((index * 37) % 730) * 86_400_000);
  return {
    id: newId('opp'),
    accountId: accounts[index % accounts.length] ?? '',
    name: `Bench deal ${index}`,
    type,
    pipeline: facts.pipeline,
    stage: facts.stage,
    probability: facts.probability,
    forecastCategory: facts.forecastCategory,
    amountMinor: ((index * 7919) % 900_000) * 100,
    currency: 'USD',
    closeDate: close.toISOString().slice(0, 10),
    ownerId: `user_bench_${index % BENCH_OWNERS}`,
    createdBy: null,
    source: 'ae',
    nextStep: null,
    description: null,
    lossReason: null,
    winningCompetitor: null,
    stageEnteredAt: now,
    stallSnooze: null,
    closedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export async function bulkCreate(
  db: Kysely<Database>,
  playbook: Playbook,
  count: number,
  accounts: string[],
  now: Date,
) {
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) =>
      syntheticOpportunity(playbook, start + offset, accounts, now),
    );
    await insertOpportunities(db, batch);
  }
}
