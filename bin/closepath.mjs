#!/usr/bin/env node
// The `closepath` command. Runs the compiled CLI; `npm run build` compiles it (npm start does so).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('closepath: not built yet — run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(main.href);
