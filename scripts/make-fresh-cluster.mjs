// Usage: node scripts/make-fresh-cluster.mjs (after the server build; scripts/build.mjs runs it)
// Leaves PGlite's fresh, checkpointed cluster in dist/db/pglite/ for new data directories to start from
// (src/db/pglite/fresh-cluster.ts). Kept while it matches the installed PGlite.
const { hasFreshCluster, writeFreshCluster } = await import('../dist/db/pglite/fresh-cluster.js');
if (hasFreshCluster()) {
  console.log('closepath: the fresh PGlite cluster is up to date');
} else {
  const started = Date.now();
  const { bytes, pglite } = await writeFreshCluster();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `closepath: made the fresh PGlite ${pglite} cluster (${(bytes / 1e6).toFixed(1)} MB) in ${seconds}s`,
  );
}
