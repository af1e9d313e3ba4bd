import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { API_TYPES_COMMAND, API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.js';

it("keeps the web app's generated API types in step with the OpenAPI document", async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
  const fresh = await renderApiTypes();
  const file = path.relative(process.cwd(), API_TYPES_FILE);
  expect(committed === fresh, `${file} is stale: run \`${API_TYPES_COMMAND}\` and commit it`).toBe(true);
});
