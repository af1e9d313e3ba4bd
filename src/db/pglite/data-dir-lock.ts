import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'closepath.lock';

export interface DataDirLock {
  readonly path: string;
  /** Writes our pid again, e.g. after restoring a backup (whose tarball holds the source's lock) over it. */
  reclaim(): void;
  release(): void;
}

/** Paths locked by this process: a lock naming our own pid but not listed here is left from an earlier run. */
const heldByThisProcess = new Set<string>();

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`data directory ${dataDir} is in use by process ${pid}; stop it or use another DATA_DIR`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * The state letter of /proc/<pid>/stat (Linux): Z is a zombie — a process killed (kill -9) but not yet reaped by
 * its parent, which still answers signal 0 yet will never touch the data directory again. Undefined elsewhere.
 */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X';
}

function readLockPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isLockHeld(path: string, pid: number | undefined): pid is number {
  if (pid === undefined) return false;
  if (pid === process.pid) return heldByThisProcess.has(path);
  return isProcessAlive(pid);
}

function createLockFile(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function removeLockFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Takes `<dataDir>/closepath.lock` (created with O_EXCL, holding our pid). A lock whose process is alive
 * refuses the open with DataDirInUseError; a stale one (dead process) is replaced. The lock is released
 * by `release()` or when the process exits.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(resolve(dataDir), LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLockFile(path)) return holdLock(path);
    const pid = readLockPid(path);
    if (isLockHeld(path, pid)) throw new DataDirInUseError(dataDir, pid);
    if (pid !== undefined || attempt > 0) removeLockFile(path);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing; is another process starting?`);
}

function holdLock(path: string): DataDirLock {
  heldByThisProcess.add(path);
  const release = () => {
    process.off('exit', release);
    if (!heldByThisProcess.delete(path)) return;
    if (readLockPid(path) === process.pid) removeLockFile(path);
  };
  process.on('exit', release);
  const reclaim = () => writeFileSync(path, `${process.pid}\n`);
  return { path, reclaim, release };
}
