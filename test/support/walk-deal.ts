import { expect } from 'vitest';
import type { Criterion, Playbook } from '../../src/domain/playbook/playbook.js';
import type { ApiClient } from './api-client.js';

/** An item of a refused or previewed move's `missing` list, as the tests read it. */
export interface Missing {
  kind: string;
  key: string;
  source?: 'attested' | 'derived';
  required?: string;
}

const ok = async (
  client: ApiClient,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  body?: unknown,
) => {
  const answer = await client.call(method, url, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${url} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};

function criterionOf(playbook: Playbook, key: string): Criterion | undefined {
  return playbook.pipelines
    .flatMap((pipeline) => pipeline.stages)
    .flatMap((stage) => [...stage.entrance, ...stage.exit])
    .find((criterion) => criterion.key === key);
}

/** Runs the deal's POC plan to success: created, signed off, every session held, every criterion met, read out. */
async function succeedPoc(client: ApiClient, base: string, contactId: string) {
  const existing = await client.call('GET', `${base}/poc`);
  const view = existing.status === 404 ? await ok(client, 'POST', `${base}/poc`) : existing.body;
  await ok(client, 'PUT', `${base}/poc/sign-off`, {
    contactId,
    evidenceUrl: 'https://docs.example.com/pilot-plan.pdf',
  });
  for (const session of view.plan.sessions) {
    await ok(client, 'PATCH', `${base}/poc/sessions/${session.id}`, { status: 'completed' });
  }
  for (const criterion of view.plan.criteria) {
    await ok(client, 'PATCH', `${base}/poc/criteria/${criterion.id}`, { status: 'met', result: 'Shown' });
  }
  await ok(client, 'PUT', `${base}/poc/readout`, { note: 'Read out to the buyer' });
}

/**
 * Meets, through the API, everything the deal's next move misses, reading from the playbook what each item
 * is: attested criteria are ticked with evidence, qualification elements reach the level owed (naming
 * `contactId` where the element names a person), fields are filled, conversations logged, milestones
 * recorded, the POC run to success. Any playbook: nothing here knows a key.
 */
export async function satisfyNextStage(
  client: ApiClient,
  playbook: Playbook,
  dealId: string,
  contactId: string,
) {
  const base = `/api/v1/opportunities/${dealId}`;
  const missing = async (): Promise<Missing[]> => (await ok(client, 'GET', base)).nextStage?.missing ?? [];
  for (const item of await missing()) {
    if (item.kind === 'criterion' && item.source === 'attested') {
      await ok(client, 'PUT', `${base}/criteria/${item.key}`, {
        note: 'Confirmed with the customer',
        evidenceUrl: `https://docs.example.com/${item.key}`,
      });
    } else if (item.kind === 'meddpicc') {
      const element = playbook.qualification.elements.find((candidate) => candidate.key === item.key);
      await ok(client, 'PUT', `${base}/meddpicc/${item.key}`, {
        level: item.required ?? 'identified',
        summary: `${element?.name ?? item.key} confirmed`,
        contactId: element?.namesPerson ? contactId : null,
      });
    } else if (item.kind === 'field') {
      await ok(client, 'PATCH', base, { [item.key]: `Set by the test (${item.key})` });
    } else if (item.kind === 'criterion') {
      const source = criterionOf(playbook, item.key)?.source;
      if (source?.kind !== 'derived') continue;
      if (source.rule === 'activity_logged') {
        for (let count = 0; count < source.atLeast; count += 1) {
          await ok(client, 'POST', `${base}/activities`, {
            kind: source.kinds[0],
            contactIds: [contactId],
            summary: `Logged for ${item.key}`,
          });
        }
      } else if (source.rule === 'qualification_element') {
        const element = playbook.qualification.elements.find((candidate) => candidate.key === source.element);
        await ok(client, 'PUT', `${base}/meddpicc/${source.element}`, {
          level: source.atLeast,
          summary: `${element?.name ?? source.element} confirmed`,
          contactId: element?.namesPerson ? contactId : null,
        });
      } else if (source.rule === 'milestone_recorded') {
        await ok(client, 'PUT', `${base}/milestones/${source.milestone}`, { note: 'Accepted in writing' });
      } else if (source.rule.startsWith('poc_')) {
        await succeedPoc(client, base, contactId);
      }
      // Other derived criteria follow from the qualification levels and fields written here.
    }
  }
  expect(await missing()).toEqual([]);
}
