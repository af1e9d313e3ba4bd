import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { insertUserRow } from '../../test/support/db-rows.js';
import { createTestDatabase } from '../../test/support/test-database.js';
import { backupDataDir, restoreDataDir } from './backup.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';
import { LOCK_FILE_NAME } from './pglite/data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'closepath-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('backupDataDir', () => {
  it('backs up an open PGlite database, and refuses a PostgreSQL server', async () => {
    const database = await createTestDatabase();
    try {
      await insertUserRow(database.db, { id: 'user_in_memory' });
      const file = join(root, 'harness.tgz');
      if (database.engine === 'postgres') {
        await expect(backupDataDir(database, file)).rejects.toThrow(/use pg_dump/);
        return;
      }
      await backupDataDir(database, file);
      const restored = await restoreDataDir(file);
      const ids = await restored.db.selectFrom('users').select('id').execute();
      await restored.close();
      expect(ids).toEqual([{ id: 'user_in_memory' }]);
    } finally {
      await database.close();
    }
  });

  // initdb, two backups and a restore on data directories: past 30 s when another test file shares the core.
  it('writes a gzipped tarball of a data directory that restores to the same rows', {
    timeout: 90_000,
  }, async () => {
    const dataDir = join(root, 'source');
    const source = await openDatabase({ dataDir });
    await migrateToLatest(source.db);
    await insertUserRow(source.db, { id: 'user_online' });
    const onlineFile = join(root, 'online.tgz');
    const online = await backupDataDir(source, onlineFile);
    await source.close();

    const offlineFile = join(root, 'offline.tgz');
    const offline = await backupDataDir(dataDir, offlineFile);
    expect(online.bytes).toBeGreaterThan(0);
    expect(gunzipSync(readFileSync(offlineFile)).byteLength).toBeGreaterThan(offline.bytes);

    const restoredDir = join(root, 'restored');
    const restored = await restoreDataDir(onlineFile, restoredDir);
    try {
      const ids = await restored.db.selectFrom('users').select('id').execute();
      expect(ids).toEqual([{ id: 'user_online' }]);
      expect(readFileSync(join(restoredDir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a directory that is not empty', async () => {
    await expect(restoreDataDir(join(root, 'online.tgz'), join(root, 'source'))).rejects.toThrow(/not empty/);
  });
});
