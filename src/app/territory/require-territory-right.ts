import { ROLE_RIGHTS } from '../../domain/access/roles.js';
import type { AppError } from '../app-error.js';
import type { Actor } from '../context.js';

/** Every write to territory models needs `manageTerritories` (RevOps admin). */
export function refuseUnlessTerritoryManager(actor: Actor): AppError | null {
  if (ROLE_RIGHTS[actor.principal.role].manageTerritories) return null;
  return { code: 'forbidden', message: 'Only RevOps admins (manageTerritories) change territory models.' };
}

/** Reading territory models: the managers, and RVPs (they lead the regions the models draw). */
export function refuseUnlessTerritoryReader(actor: Actor): AppError | null {
  const { role } = actor.principal;
  if (ROLE_RIGHTS[role].manageTerritories || role === 'rvp') return null;
  return { code: 'forbidden', message: 'Territory models are read by RevOps admins and RVPs.' };
}
