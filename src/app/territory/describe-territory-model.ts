import type { Kysely } from 'kysely';
import type {
  TerritoryModelHeader,
  TerritoryModelVersion,
} from '../../db/repositories/territory-models-repo.js';
import { listUserFacts } from '../../db/repositories/territory-reassignment-repo.js';
import type { Database } from '../../db/schema.js';
import { proveCoverage } from '../../domain/territory/prove-coverage.js';
import { emailKey, type PersonOfModel, resolvePeople } from '../../domain/territory/resolve-people.js';
import { type MapEntry, mapTerritories } from '../../domain/territory/territory-map.js';
import type { CoverageReport, TerritoryModel } from '../../domain/territory/territory-model.js';
import { compiledModel } from './compiled-territories.js';

type Person = { id: string; name: string } | null;

export interface TerritoryModelSummary {
  id: string;
  version: number;
  name: string;
  status: TerritoryModelHeader['status'];
  rowVersion: number;
  createdAt: Date;
  createdBy: Person;
  activatedAt: Date | null;
  activatedBy: Person;
  archivedAt: Date | null;
}

export interface TerritoryModelDetail extends TerritoryModelSummary {
  model: TerritoryModel;
  coverage: CoverageReport;
  people: Array<Omit<PersonOfModel, 'region'>>;
  map: MapEntry[];
}

/** A version's header with the people who created and activated it named (null: the system, or gone). */
export function summarize(
  header: TerritoryModelHeader,
  names: ReadonlyMap<string, string>,
): TerritoryModelSummary {
  const person = (id: string | null): Person => {
    const name = id ? names.get(id) : undefined;
    return id && name !== undefined ? { id, name } : null;
  };
  return {
    id: header.id,
    version: header.version,
    name: header.name,
    status: header.status,
    rowVersion: header.rowVersion,
    createdAt: header.createdAt,
    createdBy: person(header.createdBy),
    activatedAt: header.activatedAt,
    activatedBy: person(header.activatedBy),
    archivedAt: header.archivedAt,
  };
}

export async function userNames(db: Kysely<Database>): Promise<Map<string, string>> {
  return new Map((await listUserFacts(db)).map((user) => [user.id, user.name]));
}

/** A version as the territory page shows it: the model, its coverage proof, its people, its map. */
export async function describeTerritoryModel(
  db: Kysely<Database>,
  version: TerritoryModelVersion,
): Promise<TerritoryModelDetail> {
  const users = await listUserFacts(db);
  const compiled = compiledModel(version);
  const people = resolvePeople(version.model, users);
  const aeNames = new Map(
    people.flatMap((person) =>
      person.role === 'ae' && person.name ? [[emailKey(person.email), person.name] as const] : [],
    ),
  );
  return {
    ...summarize(version, new Map(users.map((user) => [user.id, user.name]))),
    model: version.model,
    coverage: proveCoverage(compiled),
    people: people.map(({ region: _region, ...person }) => person),
    map: mapTerritories(compiled, aeNames),
  };
}
