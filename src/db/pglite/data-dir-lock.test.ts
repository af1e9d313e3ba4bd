import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE_NAME } from './data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'closepath-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs a TypeScript snippet in a separate Node process (through tsx) and returns its output. */
function runInChildProcess(code: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout.trim(), stderr: child.stderr.trim() };
}

const modulePath = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the PGlite data directory lock', () => {
  const dataDir = join(root, 'data');
  const lockFile = join(dataDir, LOCK_FILE_NAME);
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ close } = await openDatabase({ dataDir }));
  });

  it('holds our pid while open', () => {
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
  });

  it('refuses a second open from another process, naming the holder', () => {
    const result = runInChildProcess(`
      const { openDatabase } = await import(${modulePath('../open-database.ts')});
      try { await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); }
      catch (error) { console.log(error.message); process.exitCode = 3; }`);
    expect(result.stdout).toBe(
      `data directory ${dataDir} is in use by process ${process.pid}; stop it or use another DATA_DIR`,
    );
    expect(result.status).toBe(3);
  });

  it('refuses a second open from this process', async () => {
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
  });

  it('is removed on close', async () => {
    await close();
    expect(existsSync(lockFile)).toBe(false);
  });
});

describe('lock file life cycle', () => {
  it('replaces a stale lock left by a dead process', () => {
    const dataDir = mkdtempSync(join(root, 'stale-'));
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${deadPid()}\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'replaces a lock whose process was killed but not yet reaped (a zombie)',
    async () => {
      // The shell becomes `sleep 60` and never waits for its child: the child, killed, stays a zombie.
      const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 60'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const zombie = Number(
          await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))),
        );
        // Kill only once the shell has become `sleep 60`: a shell still running could reap its child itself.
        await expect.poll(() => readFileSync(`/proc/${parent.pid}/cmdline`, 'utf8')).toBe('sleep\x0060\x00');
        process.kill(zombie, 'SIGKILL');
        await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
        const dataDir = mkdtempSync(join(root, 'zombie-'));
        writeFileSync(join(dataDir, LOCK_FILE_NAME), `${zombie}\n`);
        const lock = acquireDataDirLock(dataDir);
        expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
        lock.release();
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );

  it('is released when the holding process exits without closing', () => {
    const dataDir = mkdtempSync(join(root, 'exit-'));
    const result = runInChildProcess(`
      const { acquireDataDirLock } = await import(${modulePath('./data-dir-lock.ts')});
      const lock = acquireDataDirLock(${JSON.stringify(dataDir)});
      console.log(lock.path);
      process.exit(0);`);
    expect(result.stdout).toBe(join(dataDir, LOCK_FILE_NAME));
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('does not remove a lock another process took over', () => {
    const dataDir = mkdtempSync(join(root, 'taken-'));
    const lock = acquireDataDirLock(dataDir);
    writeFileSync(lock.path, '1\n');
    lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe('1\n');
  });
});
