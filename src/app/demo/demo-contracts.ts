import type { Contract } from '../../domain/contract/contract.js';
import type { UpliftSide } from '../../domain/playbook/playbook.js';
import type { Actor, AppContext } from '../context.js';
import { recordContract } from '../contracts/record-contract.js';
import type { DemoAccount } from './demo-accounts.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
const THOUSAND = 1_000_00;

/** Yearly contract value by segment, in thousands of USD. */
const YEARLY_VALUE = { enterprise: [250, 600], mid_market: [80, 220], smb: [25, 60] } as const;

/**
 * The commit contract a customer account signed before Closepath: one to three years, ending within the
 * coming year (so its Renewal or Expansion is in the pipeline), recorded by the system as RevOps would.
 */
export async function recordDemoContract(
  context: AppContext,
  admin: Actor,
  accountId: string,
  demo: DemoAccount,
  random: Random,
  anchor: Date,
): Promise<Contract> {
  const drawnYears = random.pick([1, 2, 3]);
  const end = new Date(anchor.getTime() + random.int(20, 330) * DAY);
  // In force before the account's first deal (the seed's deals start up to 200 days back): a Renewal, Upsell or
  // Expansion is for a commit customer, and the type rule is checked when each is created.
  const years =
    end.getTime() - 365 * DAY > anchor.getTime() - 200 * DAY ? Math.max(2, drawnYears) : drawnYears;
  const start = new Date(end);
  start.setUTCFullYear(end.getUTCFullYear() - years);
  start.setUTCDate(start.getUTCDate() + 1);
  const [low, high] = YEARLY_VALUE[demo.segment];
  const recorded = await recordContract(context, admin, accountId, {
    startDate: start.toISOString().slice(0, 10),
    endDate: end.toISOString().slice(0, 10),
    tcvMinor: random.int(low, high) * years * THOUSAND,
    currency: context.playbook.defaultCurrency,
  });
  if (!recorded.ok) throw new Error(`demo seed: ${recorded.error.message}`);
  return recorded.value.contract;
}

/**
 * A deal that renews `contract`, priced from the seed's draw `drawn` (24–900) on its side of the playbook's
 * uplift threshold (Firebolt's 20%: a Renewal `below` it within 0–15% uplift, an Expansion `atOrAbove` it
 * 25–80%; another threshold scales these). A mistyped deal gets the other side's uplift (35% for a Renewal, 5%
 * for an Expansion) so the inspection's uplift verdict has something to say.
 */
export function renewalAmount(
  side: UpliftSide,
  contract: Contract,
  drawn: number,
  mistyped: boolean,
  threshold = 0.2,
): number {
  const scale = threshold / 0.2;
  const uplift = mistyped
    ? { below: 0.35, atOrAbove: 0.05 }[side]
    : { below: (drawn % 16) / 100, atOrAbove: 0.25 + (drawn % 56) / 100 }[side];
  return Math.round((contract.tcvMinor * (1 + uplift * scale)) / THOUSAND) * THOUSAND;
}
