import type { OpportunityType, Playbook, UpliftSide } from '../playbook/playbook.js';
import type { Contract } from './contract.js';

export interface UpliftVerdict {
  /** true: the type matches the uplift; false: the uplift says the other type; null: cannot compare. */
  fits: boolean | null;
  /** TCV uplift over the previous contract in percent (one decimal, toward zero); null when not compared. */
  upliftPct: number | null;
  /** The type the uplift calls for; null when not compared. */
  expectedType: string | null;
  /** The contract compared with: the account's latest-ending commit contract. */
  previousContract: Pick<Contract, 'id' | 'endDate' | 'tcvMinor' | 'currency'> | null;
  message: string;
}

export interface RenewalDeal {
  type: string;
  amountMinor: number;
  currency: string;
}

/** The type on `side` of the uplift threshold in the same pipeline as `type` (the seed: Renewal ↔ Expansion). */
function typeOnSide(
  playbook: Playbook,
  type: OpportunityType,
  side: UpliftSide,
): OpportunityType | undefined {
  return playbook.opportunityTypes.find(
    (candidate) => candidate.pipeline === type.pipeline && candidate.renewsContract?.uplift === side,
  );
}
const percent = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
const change = (pct: number, what = '') =>
  pct < 0 ? `${percent(-pct)} ${what}decrease` : `${percent(pct)} ${what}uplift`;

/**
 * Renewal vs Expansion by TCV uplift over the previous contract: an uplift at or above the playbook's
 * `contracts.expansionUpliftThreshold` calls for the pipeline's `atOrAbove` type (Expansion), below it for
 * its `below` type (Renewal). Null for types the uplift does not decide. Money is compared in integers
 * (minor units), so the threshold itself is exact.
 */
export function checkRenewalUplift(
  playbook: Playbook,
  deal: RenewalDeal,
  previous: Contract | null,
): UpliftVerdict | null {
  const type = playbook.opportunityTypes.find((candidate) => candidate.key === deal.type);
  const threshold = playbook.contracts?.expansionUpliftThreshold;
  if (!type?.renewsContract?.uplift || threshold === undefined) return null;
  const below = typeOnSide(playbook, type, 'below');
  const atOrAbove = typeOnSide(playbook, type, 'atOrAbove');
  if (!below || !atOrAbove) return null;
  const typed = type.name;
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
  const above = gain * 10_000n >= thresholdBasisPoints * tcv;
  const expected = above ? atOrAbove : below;
  const fits = expected.key === deal.type;
  const versus = above ? `at or above ${thresholdText}` : `below ${thresholdText}`;
  const message = fits
    ? `${typed}: ${change(upliftPct, 'TCV ')} over ${ending} (${
        above ? `threshold ${thresholdText}` : `below the ${thresholdText} threshold`
      }).`
    : `This is ${withArticle(expected.name)} (${change(upliftPct)}, ${versus}); typed as ${typed}.`;
  return {
    fits,
    upliftPct,
    expectedType: expected.key,
    previousContract: {
      id: previous.id,
      endDate: previous.endDate,
      tcvMinor: previous.tcvMinor,
      currency: previous.currency,
    },
    message,
  };
}
