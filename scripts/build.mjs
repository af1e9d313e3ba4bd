#!/usr/bin/env node
// Usage: node scripts/build.mjs [--if-stale]
// Builds the server (tsc → dist/) and then, side by side, the web app (vite → web/dist/) and PGlite's fresh
// cluster for new data directories (scripts/make-fresh-cluster.mjs → dist/db/pglite/fresh-cluster.*).
// With --if-stale (`npm start`), a part whose inputs — its sources, configs, package.json and
// package-lock.json, hashed by content — are the same as at its last successful build, and whose output is
// still there, is not built again. A part's stamp is removed before it builds and written only once it
// built, so a failed or interrupted build is built again next time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STAMPS = path.join(ROOT, 'node_modules', '.cache', 'closepath-build');
const SHARED_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json'];

const SERVER = {
  name: 'server',
  script: 'build:server',
  inputs: ['src', 'tsconfig.build.json', ...SHARED_INPUTS],
  // what tsc -p tsconfig.build.json leaves out
  ignore: (file) => file.endsWith('.test.ts'),
  output: 'dist/cli/main.js',
};
const WEB = {
  name: 'web',
  script: 'build:web',
  inputs: ['web', ...SHARED_INPUTS],
  ignore: (file) => file.startsWith('web/dist/') || file.includes('/node_modules/'),
  output: 'web/dist/index.html',
};

/** Every file under `entry` (a file or a folder), relative to ROOT with forward slashes, sorted. */
function listFiles(entry) {
  const absolute = path.join(ROOT, entry);
  if (!existsSync(absolute)) return [];
  const found = [];
  const walk = (directory) => {
    for (const item of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.isFile()) found.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  if (statSync(absolute).isDirectory()) walk(absolute);
  else found.push(entry);
  return found.sort();
}

/** sha256 over each input file's path and content. */
function hashInputs(part) {
  const hash = createHash('sha256');
  const files = part.inputs.flatMap(listFiles).filter((file) => !part.ignore(file));
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return { hash: hash.digest('hex'), files: files.length };
}

/** Per checkout: two checkouts sharing node_modules (a symlink) keep their own stamps. */
const CHECKOUT = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
const stampFile = (part) => path.join(STAMPS, `${part.name}-${CHECKOUT}.json`);

function readStamp(part) {
  try {
    return JSON.parse(readFileSync(stampFile(part), 'utf8'));
  } catch {
    return null;
  }
}

const running = new Set();

/** Runs a command with the console inherited; resolves with its exit status. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    running.add(child);
    const done = (status) => {
      running.delete(child);
      resolve(status);
    };
    child.once('error', () => done(1));
    child.once('exit', (code) => done(code ?? 1));
  });
}

function runNpmScript(script) {
  // npm_execpath is npm's own CLI when run from an npm script; `npm` from PATH otherwise.
  const npm = process.env.npm_execpath;
  return npm?.endsWith('.js')
    ? run(process.execPath, [npm, 'run', '--silent', script])
    : run('npm', ['run', '--silent', script]);
}

/** Stops what still runs beside the failed part (its stamp is not written either) and exits. */
function fail(what, status) {
  console.error(`closepath: ${what} failed (exit ${status})`);
  for (const child of running) child.kill('SIGTERM');
  process.exit(status);
}

/** Builds `part` unless --if-stale and its stamp matches; resolves with whether it built. */
async function buildPart(part) {
  const inputs = hashInputs(part);
  const fresh = readStamp(part)?.inputs === inputs.hash && existsSync(path.join(ROOT, part.output));
  if (ifStale && fresh) {
    console.log(`closepath: the ${part.name} build is up to date (${inputs.files} input files unchanged)`);
    return false;
  }
  rmSync(stampFile(part), { force: true });
  const started = Date.now();
  const status = await runNpmScript(part.script);
  if (status !== 0) fail(`the ${part.name} build`, status);
  // Hashed before the build: a file edited while it ran makes the next start build again.
  mkdirSync(STAMPS, { recursive: true });
  const stamp = { inputs: inputs.hash, builtAt: new Date().toISOString() };
  writeFileSync(stampFile(part), `${JSON.stringify(stamp)}\n`);
  console.log(`closepath: built the ${part.name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return true;
}

/** The fresh PGlite cluster: (re)made after a server build or when missing; the maker keeps a current one. */
async function makeFreshCluster(serverBuilt) {
  if (!serverBuilt && existsSync(path.join(ROOT, 'dist/db/pglite/fresh-cluster.json'))) return;
  const status = await run(process.execPath, ['scripts/make-fresh-cluster.mjs']);
  if (status !== 0) fail('making the fresh PGlite cluster', status);
}

const ifStale = process.argv.includes('--if-stale');
const serverBuilt = await buildPart(SERVER);
await Promise.all([buildPart(WEB), makeFreshCluster(serverBuilt)]);
