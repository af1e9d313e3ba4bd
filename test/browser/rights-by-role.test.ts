import { beforeAll, describe, expect, it } from 'vitest';
import { waitForSettledScreen } from './support/axe.js';
import { openBrowserSession } from './support/browser-session.js';
import type { RunningServer } from './support/start-server.js';

/**
 * For every role, on the main screens (a board, a deal's workspace with each of its tabs, an account, Deals at
 * risk): no visible, enabled control leads to a 403. Every write control names the right it needs
 * (`data-requires`), and that right must be one the API grants the caller on that record; every other control
 * must be one that only reads (tabs, filters, sorting, paging, navigation). A new write control without
 * `data-requires` fails this test by name, so it cannot slip in unchecked.
 */
const ROLES = {
  ae: 'maya.chen',
  sdr: 'sam.taylor',
  se: 'noah.fischer',
  csm: 'liam.o.brien',
  rvp: 'rachel.adams',
  vp_finance: 'victor.stone',
  revops_admin: 'grace.kim',
  viewer: 'vera.viewer',
} as const;
type Role = keyof typeof ROLES;

/** Controls that only read or navigate, by accessible name (tabs, filters, sorting, toggles, sign-out). */
const READ_ONLY =
  /^(Sign out|Overview|MEDDPICC|POC plan|Closing|Activity|History|Sessions|Success criteria|Benchmarks and TCO|Sign-off and readout|Session \d+ — .*|Deal or account name|Owner|Region|Type|Close quarter|Quarter|Search.*|Any .*|Anyone|Everyone|All .*|My deals.*|Amount.|Close date.|Health.|Velocity.|Deal.|Stage.|Owner.|Load more|Show .*|Hide .*|List|By owner|Close.*|Previous|Next|Clear.*|Pipeline.*|Forecast.*)$/;

const session = openBrowserSession();
let server: RunningServer;
beforeAll(() => {
  ({ server } = session);
});

interface Control {
  tag: string;
  name: string;
  requires: string | null;
  criterion: string | null;
  dealId: string | null;
  activityId: string | null;
}

/** Every visible, enabled interactive element, with the right it says it needs (page-side JS as text). */
const CONTROLS = `(() => {
  const selector = 'button, a[href][data-requires], input:not([type=hidden]), textarea, select, [role=button], [role=checkbox], [role=switch], [role=combobox], [role=radio], [role=tab]';
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  };
  const enabled = (el) => !el.disabled && el.getAttribute('aria-disabled') !== 'true' && !el.readOnly;
  const nameOf = (el) => {
    const labelled = el.getAttribute('aria-labelledby');
    const byLabel = labelled && labelled.split(/\\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
    return (el.getAttribute('aria-label') || byLabel || label || el.textContent || el.getAttribute('placeholder') || '').replace(/\\s+/g, ' ').trim();
  };
  return [...document.querySelectorAll(selector)].filter((el) => shown(el) && enabled(el)).map((el) => {
    const right = el.closest('[data-requires]');
    return {
      tag: el.tagName.toLowerCase(),
      name: nameOf(el).slice(0, 80),
      requires: right ? right.getAttribute('data-requires') : null,
      criterion: el.closest('[data-criterion]')?.getAttribute('data-criterion') ?? null,
      dealId: el.closest('[data-deal-id]')?.getAttribute('data-deal-id') ?? null,
      activityId: el.closest('[data-activity-id]')?.getAttribute('data-activity-id') ?? null,
    };
  });
})()`;

type Permission = { allowed: boolean; who: string | null };
type Rights = (control: Control) => Permission | undefined;

describe('no control leads to a 403, for any role', () => {
  it.each(Object.keys(ROLES) as Role[])('as %s', async (role) => {
    const { page } = session;
    const base = server.url;
    await page.context().clearCookies(); // each role signs in afresh
    const login = await page.request.post(`${base}/api/v1/auth/login`, {
      data: { email: `${ROLES[role]}@closepath.demo`, password: 'closepath-demo' },
    });
    expect(login.status()).toBe(200);
    const { csrfToken, permissions: rolePermissions } = await login.json();
    const get = async (path: string) => {
      const response = await page.request.get(`${base}/api/v1${path}`);
      expect(response.status(), path).toBe(200);
      return response.json();
    };

    const offered: string[] = [];
    const problems: string[] = [];
    async function check(screen: string, rights: Rights) {
      await waitForSettledScreen(page);
      const controls = (await page.evaluate(CONTROLS)) as Control[];
      for (const control of controls) {
        const where = `${role} · ${screen} · ${control.tag} "${control.name}"`;
        if (control.requires === null) {
          if (!READ_ONLY.test(control.name)) problems.push(`${where}: a control that names no right`);
          continue;
        }
        offered.push(control.requires);
        const permission = rights(control);
        if (!permission?.allowed)
          problems.push(`${where}: needs ${control.requires}, which the API does not grant`);
      }
    }
    const byRole = (control: Control) =>
      (rolePermissions as Record<string, Permission>)[control.requires ?? ''];

    // A board: each card's move menu only where the card says the caller may move it.
    const board = await get('/pipelines/new_business/board');
    const mayMove = new Map(
      (board.cards as Array<{ id: string; mayMove: boolean }>).map((c) => [c.id, c.mayMove]),
    );
    await page.goto(`${base}/board/new_business?owner=all`);
    await check('board', (control) =>
      control.requires === 'moveStage'
        ? { allowed: mayMove.get(control.dealId ?? '') === true, who: null }
        : byRole(control),
    );

    // Deals: one the caller may change, where there is one, and one they only read.
    const deals = (await get('/opportunities?limit=100')).items as Array<{ id: string; accountId: string }>;
    const views = await Promise.all(deals.slice(0, 40).map((deal) => get(`/opportunities/${deal.id}`)));
    const editable = views.find((view) => view.permissions.edit.allowed);
    const readOnly = views.find((view) => !view.permissions.edit.allowed);
    for (const view of [editable, readOnly].filter(Boolean)) {
      const id = view.opportunity.id as string;
      const account = await get(`/accounts/${view.opportunity.accountId}`);
      const activities = (await get(`/opportunities/${id}/activities?limit=200`)).items as Array<{
        id: string;
        mayChange: boolean;
      }>;
      // The deal's current offer, whose view carries the caller's rights on it (`offer.submit`, `offer.decide`, …).
      const offer = (
        (await get(`/opportunities/${id}/offers`)).items as Array<{
          permissions: Record<string, Permission>;
        }>
      ).at(-1);
      const rights: Rights = (control) => {
        const name = control.requires ?? '';
        if (name.startsWith('offer.')) return offer?.permissions[name.slice('offer.'.length)];
        if (name === 'attest') return view.permissions.attest[control.criterion ?? ''];
        if (name === 'mayChange') {
          const activity = activities.find((entry) => entry.id === control.activityId);
          return { allowed: activity?.mayChange === true, who: null };
        }
        return view.permissions[name] ?? account.permissions[name] ?? byRole(control);
      };
      await page.goto(`${base}/opportunities/${id}`);
      await waitForSettledScreen(page);
      const tabs = await page.getByRole('tab').allTextContents();
      expect(tabs.length, `${role}: the workspace's tabs`).toBeGreaterThan(2);
      for (const tab of tabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await check(`workspace ${id} / ${tab}`, rights);
      }
    }

    // The first deal's account, with its contacts, contracts and activities.
    if (deals[0]) {
      const accountId = deals[0].accountId;
      const account = await get(`/accounts/${accountId}`);
      const activities = (await get(`/accounts/${accountId}/activities?limit=200`)).items as Array<{
        id: string;
        mayChange: boolean;
      }>;
      await page.goto(`${base}/accounts/${accountId}`);
      await check('account', (control) => {
        if (control.requires === 'mayChange') {
          const activity = activities.find((entry) => entry.id === control.activityId);
          return { allowed: activity?.mayChange === true, who: null };
        }
        return account.permissions[control.requires ?? ''] ?? byRole(control);
      });
    }

    // Deals at risk: a list to read.
    await page.goto(`${base}/at-risk`);
    await check('deals at risk', byRole);

    expect(problems).toEqual([]);
    // The test is not empty: who may change something is offered controls, a viewer none.
    if (role === 'viewer' || role === 'vp_finance')
      expect(offered.filter((name) => name !== 'recordContracts')).toEqual([]);
    if (role === 'ae' || role === 'revops_admin')
      expect(offered).toEqual(expect.arrayContaining(['edit', 'qualify', 'moveStage']));

    await page.request.post(`${base}/api/v1/auth/logout`, {
      headers: { 'x-csrf-token': csrfToken, origin: base },
    });
  });
});
