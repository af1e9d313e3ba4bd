import { readFile } from 'node:fs/promises';
import type { User } from '../../db/repositories/users-repo.js';
import { routeAccount } from '../../domain/territory/route-account.js';
import type { Actor, AppContext } from '../context.js';
import { activateTerritoryModel } from '../territory/activate-territory-model.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import { importTerritoryModel } from '../territory/import-territory-model.js';
import type { DemoAccount } from './demo-accounts.js';
import { unwrap } from './unwrap.js';

/** Where the territory model puts one demo account: its AE, region and RVP, as user ids. */
export interface DemoPlacement {
  ownerId: string;
  region: string;
  rvpId: string;
}

/**
 * Imports the demo org's territories file as a draft and activates it, as a RevOps admin would (the coverage
 * proof and the people check run; the AEs' and RVPs' regions come from it). Returns where each account goes.
 */
export async function activateDemoTerritories(
  context: AppContext,
  admin: Actor,
  file: string,
  users: User[],
): Promise<(account: DemoAccount) => DemoPlacement> {
  const draft = unwrap(await importTerritoryModel(context, admin, await readFile(file, 'utf8')));
  unwrap(await activateTerritoryModel(context, admin, draft.id, { rowVersion: draft.rowVersion }));
  const active = await activeTerritories(context.db);
  if (!active) throw new Error('demo seed: the territory model did not activate');
  const byEmail = new Map(users.map((user) => [user.email, user.id]));
  const idOf = (email: string) => {
    const id = byEmail.get(email);
    if (!id) throw new Error(`demo seed: the territory model names ${email}, who is not in the demo org`);
    return id;
  };
  return (account) => {
    const routing = routeAccount(active.compiled, { ...account, county: null });
    if (!routing.ok) throw new Error(`demo seed: ${account.name} is not routed: ${routing.because}`);
    return { ownerId: idOf(routing.ae), region: routing.region, rvpId: idOf(routing.rvp) };
  };
}
