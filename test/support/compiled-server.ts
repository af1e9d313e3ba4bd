import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// esbuild (a devDependency, the same version tsx uses): the transpiler tsx would run on every start.
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Beside src/ and dist/ (one level down), so modules find web/dist and playbooks/ as they do from there. */
export const COMPILED_DIR = path.join(ROOT, '.test-dist');
/** The CLI entry (`closepath`) in the compiled server: spawned with plain `node`, no loader. */
export const COMPILED_CLI = path.join(COMPILED_DIR, 'cli/main.js');
const STAMP = path.join(COMPILED_DIR, 'sources.sha256');

/** The server's modules: every .ts and .js file under src/ but the tests (what tsconfig.build.json builds). */
function serverSources(): string[] {
  return readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => path.join('src', file))
    .sort();
}

function hashOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files, 'package-lock.json', 'tsconfig.json']) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Transpiles src/ file by file (types are `npm run typecheck`'s job) into .test-dist/ unless it is current
 * (sources hashed by content): ~1 s once per run, instead of tsx's start-up in every spawned CLI (~1.5 s).
 */
export async function compileServer(): Promise<void> {
  const sources = serverSources();
  const stamp = hashOf(sources);
  if (existsSync(COMPILED_CLI) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return;
  const staging = `${COMPILED_DIR}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: sources,
    outdir: staging,
    outbase: 'src',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  writeFileSync(path.join(staging, 'sources.sha256'), stamp);
  rmSync(COMPILED_DIR, { recursive: true, force: true });
  renameSync(staging, COMPILED_DIR);
}

/** Vitest global setup of every project that spawns the CLI (test/support/cli-server.ts). */
export default compileServer;
