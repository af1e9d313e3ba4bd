import type { Kysely } from 'kysely';
import type { TerritoryModelVersion } from '../../db/repositories/territory-models-repo.js';
import {
  listAccountsToRoute,
  listDealsToFollow,
  listUserFacts,
} from '../../db/repositories/territory-reassignment-repo.js';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/access/roles.js';
import { activationRefusals } from '../../domain/territory/activation-refusals.js';
import { planReassignment, type ReassignmentPlan } from '../../domain/territory/plan-reassignment.js';
import { proveCoverage } from '../../domain/territory/prove-coverage.js';
import { aeUserIds, type PersonOfModel, resolvePeople } from '../../domain/territory/resolve-people.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { CoverageReport, TerritoryModel } from '../../domain/territory/territory-model.js';
import { compiledModel } from './compiled-territories.js';

/** Territory and region keys → their names, for refusals in words. */
const territoryNames = (model: TerritoryModel) =>
  new Map([...model.territories, ...model.regions].map((entry) => [entry.key, entry.name]));

export interface TerritoryModelPlan {
  coverage: CoverageReport;
  people: PersonOfModel[];
  refusals: string[];
  plan: ReassignmentPlan;
  /** Every user's name, by id. */
  names: Map<string, string>;
}

/** What activating a version would do to the records now: its proof, its people, and who gains what. */
export async function planTerritoryModel(
  db: Kysely<Database>,
  version: TerritoryModelVersion,
): Promise<TerritoryModelPlan> {
  const [users, accounts, deals] = await Promise.all([
    listUserFacts(db),
    listAccountsToRoute(db),
    listDealsToFollow(db),
  ]);
  const compiled = compiledModel(version);
  const coverage = proveCoverage(compiled);
  const people = resolvePeople(version.model, users);
  const plan = planReassignment({
    accounts,
    deals,
    roles: new Map<string, Role>(users.map((user) => [user.id, user.role])),
    route: (place) => routeAccount(compiled, place),
    aeUserIds: aeUserIds(people),
  });
  return {
    coverage,
    people,
    refusals: activationRefusals(coverage, people, territoryNames(version.model)),
    plan,
    names: new Map(users.map((user) => [user.id, user.name])),
  };
}
