import type { Generated } from 'kysely';
import type { Jsonb } from './schema.js';

export type TerritoryModelStatus = 'draft' | 'active' | 'archived';

/** The territory model's versions (migration 016): at most one `active`. */
export interface TerritoryModelsTable {
  id: string;
  version: number;
  name: string;
  status: TerritoryModelStatus;
  /** The TerritoryModel (src/domain/territory/territory-model.ts) as JSON. */
  model: Jsonb;
  /** The imported file's text (null: copied or edited through the API). */
  source: string | null;
  /** Actor ids: a user, or `system:…`. */
  created_by: string;
  created_at: Date;
  updated_at: Date;
  activated_at: Date | null;
  activated_by: string | null;
  archived_at: Date | null;
  row_version: Generated<number>;
}
