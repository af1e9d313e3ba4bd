import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

// A new PGlite database runs initdb first: 2.5–5 s of WebAssembly before the first statement. The build
// (scripts/build.mjs) runs it once instead and leaves the fresh, checkpointed cluster next to this module
// (dist/db/pglite/), keyed by the PGlite version; a new data directory then starts from a copy of it
// (~1 s). Without it (running from src/, another PGlite version, a damaged file) PGlite runs initdb.

const TARBALL = new URL('./fresh-cluster.tar.gz', import.meta.url);
const DESCRIPTION = new URL('./fresh-cluster.json', import.meta.url);

interface Description {
  pglite: string;
  sha256: string;
}

function installedPgliteVersion(): string {
  // its package.json is not exported; it sits beside dist/index.js
  const manifest = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The gzipped cluster, if there is one for the installed PGlite and it is intact. */
function readTarball(): Uint8Array | undefined {
  try {
    if (!existsSync(DESCRIPTION) || !existsSync(TARBALL)) return undefined;
    const description = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as Description;
    if (description.pglite !== installedPgliteVersion()) return undefined;
    const tarball = readFileSync(TARBALL);
    return sha256(tarball) === description.sha256 ? tarball : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the build's fresh cluster is there, for the installed PGlite, intact. */
export const hasFreshCluster = () => readTarball() !== undefined;

/** The fresh cluster as an uncompressed tarball for PGlite's `loadDataDir` (gunzipped here, natively). */
export function readFreshCluster(): Uint8Array | undefined {
  const tarball = readTarball();
  return tarball && gunzipSync(tarball);
}

/** Runs initdb (in memory), checkpoints, and writes the cluster and its description, each atomically. */
export async function writeFreshCluster(): Promise<{ bytes: number; pglite: string }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  let tarball: Uint8Array;
  try {
    await pglite.exec('checkpoint');
    tarball = new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await pglite.close();
  }
  const description: Description = { pglite: installedPgliteVersion(), sha256: sha256(tarball) };
  const write = (target: URL, content: Uint8Array | string) => {
    const temporary = new URL(`${target.href}.${process.pid}.partial`);
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  };
  write(TARBALL, tarball);
  write(DESCRIPTION, `${JSON.stringify(description)}\n`);
  return { bytes: tarball.byteLength, pglite: description.pglite };
}
