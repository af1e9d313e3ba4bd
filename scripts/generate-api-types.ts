// Usage: npm run api:types
// Writes web/src/api/openapi.d.ts from the OpenAPI document of the server (built in process over the
// default playbook, without a database or a port).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';

await writeFile(API_TYPES_FILE, await renderApiTypes());
console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
