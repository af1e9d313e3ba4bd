import type { Playbook } from '../playbook/playbook.js';
import type { Contract } from './contract.js';

/** The two types of the Renewal pipeline, told apart by TCV uplift over the contract they renew. */
export const RENEWAL_KINDS = ['renewal', 'expansion'] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

export interface UpliftVerdict {
  /** true: the type matches the uplift; false: the uplift says the other type; null: cannot compare. */
  fits: boolean | null;
  /** TCV uplift over the previous contract in percent (one decimal, toward zero); null when not compared. */
  upliftPct: number | null;
  /** The type the uplift calls for; null when not compared. */
  expectedType: RenewalKind | null;
  /** The contract compared with: the account's latest-ending commit contract. */
  previousContract: Pick<Contract, 'id' | 'endDate' | 'tcvMinor' | 'currency'> | null;
  message: string;
}

export interface RenewalDeal {
  type: string;
  amountMinor: number;
  currency: string;
}

const isRenewalKind = (type: string): type is RenewalKind =>
  (RENEWAL_KINDS as readonly string[]).includes(type);
const percent = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
const change = (pct: number, what = '') =>
  pct < 0 ? `${percent(-pct)} ${what}decrease` : `${percent(pct)} ${what}uplift`;

/**
 * Renewal vs Expansion by TCV uplift over the previous contract: an uplift at or above the playbook's
 * `expansionUpliftThreshold` is an Expansion, below it a Renewal. Null for deals of other types. Money is
 * compared in integers (minor units), so the threshold itself is exact.
 */
export function checkRenewalUplift(
  playbook: Playbook,
  deal: RenewalDeal,
  previous: Contract | null,
): UpliftVerdict | null {
  if (!isRenewalKind(deal.type)) return null;
  const nameOf = (key: RenewalKind) =>
    playbook.opportunityTypes.find((type) => type.key === key)?.name ?? key;
  const typed = nameOf(deal.type);
  const threshold = playbook.inspection.expansionUpliftThreshold;
  const thresholdText = percent(Math.round(threshold * 1000) / 10);
  const notCompared = (message: string): UpliftVerdict => ({
    fits: null,
    upliftPct: null,
    expectedType: null,
    previousContract: previous && {
      id: previous.id,
      endDate: previous.endDate,
      tcvMinor: previous.tcvMinor,
      currency: previous.currency,
    },
    message,
  });
  if (!previous) {
    return notCompared(
      `No previous commit contract to compare this ${typed} with: record the contract it renews.`,
    );
  }
  const ending = `the contract ending ${previous.endDate}`;
  if (previous.currency !== deal.currency) {
    return notCompared(`Cannot compare: the deal is in ${deal.currency}, ${ending} in ${previous.currency}.`);
  }
  if (previous.tcvMinor <= 0) return notCompared(`Cannot compare: ${ending} has no TCV.`);

  const tcv = BigInt(previous.tcvMinor);
  const gain = BigInt(deal.amountMinor) - tcv;
  const upliftPct = Number((gain * 1000n) / tcv) / 10;
  const thresholdBasisPoints = BigInt(Math.round(threshold * 10_000));
  const expectedType: RenewalKind = gain * 10_000n >= thresholdBasisPoints * tcv ? 'expansion' : 'renewal';
  const fits = expectedType === deal.type;
  const versus = expectedType === 'expansion' ? `at or above ${thresholdText}` : `below ${thresholdText}`;
  const message = fits
    ? `${typed}: ${change(upliftPct, 'TCV ')} over ${ending} (${
        expectedType === 'expansion' ? `threshold ${thresholdText}` : `below the ${thresholdText} threshold`
      }).`
    : `This is ${withArticle(nameOf(expectedType))} (${change(upliftPct)}, ${versus}); typed as ${typed}.`;
  return {
    fits,
    upliftPct,
    expectedType,
    previousContract: {
      id: previous.id,
      endDate: previous.endDate,
      tcvMinor: previous.tcvMinor,
      currency: previous.currency,
    },
    message,
  };
}
