import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/db/repositories/events-repo.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/domain/webhooks/event-types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every quoted `<entity>.<verb>` in the use cases and repositories: the actions audit events are recorded as. */
function actionsInSource(): Set<string> {
  const prefixes = [...ENTITY_TYPES, 'auth'].join('|');
  const pattern = new RegExp(`'((?:${prefixes})\\.[a-z_]+)'`, 'g');
  const found = new Set<string>();
  for (const folder of ['src/app', 'src/db']) {
    for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      for (const match of readFileSync(path.join(ROOT, folder, file), 'utf8').matchAll(pattern)) {
        if (match[1]) found.add(match[1]);
      }
    }
  }
  return found;
}

describe('the webhook event types', () => {
  it('list every action a use case records, so a subscription can ask for it', () => {
    const listed = new Set<string>(WEBHOOK_EVENT_TYPES);
    expect([...actionsInSource()].filter((action) => !listed.has(action)).sort()).toEqual([]);
  });

  it('list only actions the source records', () => {
    const recorded = actionsInSource();
    expect(WEBHOOK_EVENT_TYPES.filter((type) => !recorded.has(type))).toEqual([]);
  });
});
