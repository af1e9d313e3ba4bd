import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** An item of a refused move's `missing` list, as the tests read it. */
export interface Missing {
  kind: string;
  key: string;
  source?: string;
  required?: string;
  message?: string;
}

/**
 * Sets up records through the API as the user signed in on the page (its session cookie and CSRF token),
 * so a browser test starts from a deal of its own instead of depending on what the demo data holds.
 */
export async function apiAs(page: Page, baseUrl: string) {
  const me = await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string, origin: baseUrl };
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) => {
    const response = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers, data });
    const body = response.status() === 204 ? null : await response.json();
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${JSON.stringify(body)}`);
    return body;
  };

  async function satisfy(dealId: string, championId: string, item: Missing) {
    if (item.kind === 'criterion' && item.source === 'attested') {
      await call('PUT', `/opportunities/${dealId}/criteria/${item.key}`, {
        note: 'Confirmed with the customer',
        evidenceUrl: `https://docs.example.com/${item.key}`,
      });
    } else if (item.kind === 'meddpicc') {
      await call('PUT', `/opportunities/${dealId}/meddpicc/${item.key}`, {
        level: item.required ?? 'identified',
        summary: `${item.key} confirmed`,
        contactId: championId,
      });
    } else if (item.kind === 'field') {
      await call('PATCH', `/opportunities/${dealId}`, { [item.key]: `Set by the test (${item.key})` });
    } else if (
      item.kind === 'criterion' &&
      item.source === 'derived' &&
      /call|meeting|discussion/i.test(item.message ?? '')
    ) {
      // Criteria about conversations are derived from the activities logged on the deal.
      await call('POST', `/opportunities/${dealId}/activities`, {
        kind: 'call',
        contactIds: [championId],
        summary: `Call logged by the test for ${item.key}`,
      });
    }
    // Other derived criteria follow from the MEDDPICC levels and fields written here.
  }

  /** Meets everything the deal's next move misses, except what `keep` says to leave for the browser. */
  async function satisfyNextStage(dealId: string, championId: string, keep: (item: Missing) => boolean) {
    const missing = async () => {
      const view = await call('GET', `/opportunities/${dealId}`);
      return ((view.nextStage?.missing ?? []) as Missing[]).filter((item) => !keep(item));
    };
    for (const item of await missing()) await satisfy(dealId, championId, item);
    expect(await missing()).toEqual([]);
  }

  return {
    user: me.user as { id: string; name: string },
    call,
    /** The first of the signed-in user's own deals at `stage` in the demo data. */
    async ownDealIn(stage: string): Promise<{ id: string; name: string; accountId: string }> {
      const deals = await call('GET', `/opportunities?stage=${stage}&ownerId=${me.user.id}&limit=50`);
      const deal = deals.items[0];
      expect(deal, `the demo gives ${me.user.name} a deal in ${stage}`).toBeDefined();
      return deal;
    },
    satisfyNextStage,
    /** A new prospect account in the signed-in AE's territory, with a Champion contact. */
    async newProspect(name: string, where: { country: string; subdivision: string; city: string }) {
      const account = await call('POST', '/accounts', { name, segment: 'mid_market', ...where });
      const champion = await call('POST', `/accounts/${account.id}/contacts`, {
        name: 'Priya Raman',
        title: 'Director of Data Platform',
      });
      return { accountId: account.id as string, championId: champion.id as string };
    },
    async move(dealId: string, to: string) {
      await call('POST', `/opportunities/${dealId}/stage`, { to });
      const view = await call('GET', `/opportunities/${dealId}`);
      expect(view.opportunity.stage).toBe(to);
    },
  };
}
