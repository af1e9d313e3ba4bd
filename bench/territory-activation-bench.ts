import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { systemActor } from '../src/app/access/actors.js';
import { demoUsers } from '../src/app/demo/demo-people.js';
import type { OpenApp } from '../src/app/open-app.js';
import { activateTerritoryModel } from '../src/app/territory/activate-territory-model.js';
import { importTerritoryModel } from '../src/app/territory/import-territory-model.js';
import { insertUsers } from '../src/db/repositories/users-repo.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import type { Database } from '../src/db/schema.js';
import { SEGMENTS } from '../src/domain/account/account.js';
import { compileTerritories } from '../src/domain/territory/compile-territories.js';
import { listLeafGeographies } from '../src/domain/territory/coverage-leaves.js';
import type { TerritoryModel } from '../src/domain/territory/territory-model.js';

/** Someone the model routes nothing to: every bench account starts with them and moves on activation. */
const START_OWNER = 'user_grace_kim';
const BATCH = 5_000;

/** One account per leaf × segment (metros at their prefixes), cycled to `count`. */
function placesOf(model: TerritoryModel, count: number) {
  const places = listLeafGeographies(compileTerritories(model)).flatMap((leaf) =>
    SEGMENTS.flatMap((segment) =>
      (leaf.postalCodes.length > 0 ? leaf.postalCodes.map((prefix) => `${prefix}01`) : [null]).map(
        (postal) => ({ country: leaf.country, subdivision: leaf.subdivision, postal, segment }),
      ),
    ),
  );
  return Array.from({ length: count }, (_, index) => ({
    id: `acc_route_${index}`,
    ...places[index % places.length],
  }));
}

async function insertAccounts(db: Kysely<Database>, rows: ReturnType<typeof placesOf>) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await runRawSql(
      db,
      `insert into accounts (id, name, segment, country, subdivision, postal_code, owner_id, created_at, updated_at)
       select r.id, 'Routed ' || r.id, r.segment, r.country, r.subdivision, r.postal, $2, now(), now()
         from jsonb_to_recordset($1::jsonb) as r(id text, segment text, country text, subdivision text, postal text)`,
      [JSON.stringify(rows.slice(start, start + BATCH)), START_OWNER],
    );
  }
}

/**
 * Activation of the demo org's territory model over `count` accounts that all change owner (the preview's plan,
 * the bulk moves with one audit event and outbox row each, the regions), in a database of its own; beside it the
 * floor: one raw SQL update that moves the same rows.
 */
export async function benchTerritoryActivation(
  app: OpenApp,
  file: string,
  model: TerritoryModel,
  count: number,
) {
  const { db } = app.context;
  await insertUsers(db, demoUsers(new Date()));
  const rows = placesOf(model, count);
  await insertAccounts(db, rows);
  await runRawSql(db, 'analyze');
  const admin = systemActor('bench');
  const draft = await importTerritoryModel(app.context, admin, await readFile(file, 'utf8'));
  if (!draft.ok) throw new Error(`bench: import refused: ${draft.error.message}`);
  let started = performance.now();
  const activated = await activateTerritoryModel(app.context, admin, draft.value.id, {
    rowVersion: draft.value.rowVersion,
  });
  const activationMs = performance.now() - started;
  if (!activated.ok) throw new Error(`bench: activation refused: ${activated.error.message}`);
  started = performance.now();
  await runRawSql(
    db,
    `update accounts set owner_id = $1, version = version + 1, updated_at = now() where id = any($2::text[])`,
    [START_OWNER, rows.map((row) => row.id)],
  );
  const floorMs = performance.now() - started;
  return { moved: activated.value.accountsMoved, activationMs, floorMs };
}
