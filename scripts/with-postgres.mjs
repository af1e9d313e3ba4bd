#!/usr/bin/env node
// Usage: node scripts/with-postgres.mjs <command> [args…]
// Starts a throwaway PostgreSQL cluster on 127.0.0.1 (trust auth), runs the command with TEST_DATABASE_URL
// and DATABASE_URL pointing at it, then stops the cluster, removes it and exits with the command's status.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

function findBinDir() {
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (existsSync(join(bindir, 'initdb'))) return bindir;
  } catch {}
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => existsSync(join(root, v, 'bin', 'initdb')));
  if (!version) throw new Error('PostgreSQL server binaries not found (install the postgresql package)');
  return join(root, version, 'bin');
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;
const bindir = findBinDir();

/** postgres refuses to run as root: run its tools as the postgres user when we are root. */
function runTool(tool, args) {
  const [file, fileArgs] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bindir, tool), ...args]]
    : [join(bindir, tool), args];
  execFileSync(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

const root = mkdtempSync(join(tmpdir(), 'closepath-pg-'));
const dataDir = join(root, 'data');
const logFile = join(root, 'server.log');
if (isRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(root, uid, gid);
}

let started = false;
function stopCluster() {
  try {
    if (started) runTool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
  } catch (error) {
    console.error(`with-postgres: could not stop the cluster: ${error.message}`);
  }
  started = false;
  rmSync(root, { recursive: true, force: true });
}

function printServerLog() {
  if (existsSync(logFile)) console.error(readFileSync(logFile, 'utf8'));
}

async function startCluster() {
  runTool('initdb', ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--auth=trust']);
  const port = await findFreePort();
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  started = true;
  runTool('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

let child;
let interruptedBy;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interruptedBy ??= signal;
    child?.kill(signal);
  });
}

function runCommand(url) {
  return new Promise((resolve) => {
    const env = { ...process.env, TEST_DATABASE_URL: url, DATABASE_URL: url };
    child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
    child.once('error', (error) => {
      console.error(`with-postgres: cannot run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 1)));
  });
}

let status = 1;
try {
  const url = await startCluster();
  console.error(`with-postgres: PostgreSQL (${bindir}) on ${url}`);
  status = interruptedBy ? 128 + constants.signals[interruptedBy] : await runCommand(url);
} catch (error) {
  console.error(`with-postgres: ${error.message}`);
  if (error.stderr) console.error(String(error.stderr));
  printServerLog();
} finally {
  stopCluster();
}
process.exit(status);
