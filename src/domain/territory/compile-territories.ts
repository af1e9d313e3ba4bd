import type { TerritoryModel } from './territory-model.js';

/** A validated territory model compiled into lookup tables for routing and the coverage proof. */
export interface CompiledTerritories {
  model: TerritoryModel;
}

/** Compiles a model that validateTerritoryModel accepted (its references resolve). */
export function compileTerritories(model: TerritoryModel): CompiledTerritories {
  return { model };
}
