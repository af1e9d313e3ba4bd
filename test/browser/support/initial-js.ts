import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(import.meta.dirname, '../../../web/dist');

/** The scripts the built index.html loads before anything runs (module script and modulepreloads), sized. */
export function measureInitialJs(dist = DIST) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const sizes = files.map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return { files, raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)) };
}

/** The budget of docs/decisions/005-web-budget.md. */
export const INITIAL_JS_BUDGET_GZIP = 200 * 1024;
