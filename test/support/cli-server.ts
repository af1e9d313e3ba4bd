import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(REPOSITORY_ROOT, 'src/cli/main.ts');

/** `closepath <args>` as a child process of the test (the real CLI through tsx), its output collected. */
export function spawnCli(args: readonly string[], env: Record<string, string>) {
  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return { child, log };
}

/** Resolves with the address `closepath serve` prints once it listens; rejects if it exits first or is slow. */
export function waitForAddress(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const address = /listening on (http:\/\/\S+)/.exec(chunk.toString())?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`));
    });
  });
}

/** Ends the child with `signal` and waits until it has exited (and been reaped). */
export async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
