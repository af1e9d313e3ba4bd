import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../../domain/access/roles.js';
import type { TerritoryModel } from '../../domain/territory/territory-model.js';
import type { AppError } from '../app-error.js';
import { activeTerritories } from '../territory/compiled-territories.js';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Where the model puts an AE or RVP: the region key, and the territory or region in words. */
function placeInModel(model: TerritoryModel, email: string, role: 'ae' | 'rvp') {
  if (role === 'rvp') {
    const led = model.regions.find((region) => same(region.rvp, email));
    return led ? { region: led.key, words: `${led.name} (${led.key})` } : null;
  }
  const owned = model.territories.find((territory) => same(territory.ae, email));
  return owned ? { region: owned.region, words: `${owned.name}, region ${owned.region}` } : null;
}

const refuse = (message: string): AppError => ({
  code: 'territory_rule',
  message: `region: ${message}`,
  issues: [{ path: 'region', message }],
});

/**
 * The region rule while a territory model is active (decision 019): an AE's region is their territory's and an
 * RVP's the region they lead — set by activation, never by hand (a value other than the model's, or the one the
 * user already has, is refused) — and any other role's region must be one of the model's regions. Returns the
 * region the user gets (the model's, for its AEs and RVPs; else what was asked), or the refusal.
 */
export async function applyRegionRule(
  db: Kysely<Database>,
  user: { email: string; role: Role; currentRegion: string | null },
  asked: string | null | undefined,
): Promise<{ region: string | null | undefined } | { refusal: AppError }> {
  const active = await activeTerritories(db);
  if (!active) return { region: asked };
  const { model } = active.compiled;
  if (user.role === 'ae' || user.role === 'rvp') {
    const place = placeInModel(model, user.email, user.role);
    const fromModel = place?.region ?? null;
    if (asked === undefined || asked === fromModel || asked === user.currentRegion) {
      return { region: asked === undefined && place ? fromModel : asked };
    }
    const who =
      user.role === 'ae'
        ? "an AE's region comes from the territory model"
        : "an RVP's region comes from the territory model";
    return {
      refusal: refuse(
        place
          ? `${who}: ${place.words}`
          : `${who}: ${user.email} is in no ${user.role === 'ae' ? 'territory' : 'region'} of it`,
      ),
    };
  }
  if (asked === undefined || asked === null || asked === user.currentRegion) return { region: asked };
  const keys = model.regions.map((region) => region.key);
  if (keys.includes(asked)) return { region: asked };
  return { refusal: refuse(`must be a region of the territory model: ${keys.join(', ')}`) };
}
