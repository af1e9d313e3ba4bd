import type { Contract } from '../contract/contract.js';
import { applyClosingRule, type ClosingVerdict } from '../gates/closing-rules.js';
import {
  CLOSING_RULES,
  type ClosingRule,
  type Criterion,
  type Pipeline,
  type Stage,
} from '../playbook/playbook.js';
import type { ClosingFacts } from './closing-facts.js';
import { addMonths, type Installment, installmentsFor } from './payment-installments.js';

const isClosingRule = (rule: string): rule is ClosingRule =>
  (CLOSING_RULES as readonly string[]).includes(rule);

/** The entrance criteria of a stage that read the closing flow's evidence. */
export function evidenceCriteria(stage: Stage): Array<Criterion & { rule: ClosingRule }> {
  return stage.entrance.flatMap((criterion) =>
    criterion.source.kind === 'derived' && isClosingRule(criterion.source.rule)
      ? [{ ...criterion, rule: criterion.source.rule }]
      : [],
  );
}

export type CloseOnEvidence =
  /** The pipeline's won stage does not ask for evidence: the playbook closes deals by hand. */
  | { kind: 'by_hand' }
  /** Some evidence is not on file yet. */
  | { kind: 'waiting'; stage: Stage; unmet: Array<{ criterion: Criterion; verdict: ClosingVerdict }> }
  /** Every evidence criterion holds: the deal may enter `stage` by itself (the gate still judges the rest). */
  | { kind: 'ready'; stage: Stage };

/**
 * Whether evidence closes the deal: the pipeline's won stage names closing-evidence criteria in its entrance
 * (the playbook says the evidence decides), and every one holds on the chosen offer version.
 */
export function closeOnEvidence(pipeline: Pipeline, closing: ClosingFacts | null): CloseOnEvidence {
  const stage = pipeline.stages.find((candidate) => candidate.outcome === 'won');
  const criteria = stage ? evidenceCriteria(stage) : [];
  if (!stage || criteria.length === 0) return { kind: 'by_hand' };
  const unmet = criteria
    .map((criterion) => ({ criterion, verdict: applyClosingRule(criterion.rule, closing) }))
    .filter((entry) => !entry.verdict.met);
  return unmet.length > 0 ? { kind: 'waiting', stage, unmet } : { kind: 'ready', stage };
}

/** The terms of the commit contract a won offer makes: the chosen option's TCV over its term, from the agreement's start. */
export function contractTermsOf(closing: ClosingFacts, wonAt: Date) {
  const awsOffer = closing.evidence.awsOffer;
  const start = (awsOffer?.agreementStart ?? awsOffer?.acceptedAt ?? wonAt.toISOString()).slice(0, 10);
  const option = closing.chosenOption;
  const dayBefore = new Date(`${addMonths(start, option.termMonths)}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return {
    startDate: start,
    endDate: dayBefore.toISOString().slice(0, 10),
    tcvMinor: option.tcvMinor,
    currency: closing.currency,
  };
}

/** What invoicing is asked to bill: the contract, the option's schedule and charges, and the vendor records. */
export interface InvoicingRequest {
  contractId: string;
  opportunityId: string;
  accountId: string;
  offerId: string;
  offerVersion: number;
  option: string;
  currency: string;
  tcvMinor: number;
  termMonths: number;
  paymentSchedule: string;
  startDate: string;
  endDate: string;
  installments: Array<{ chargeDate: string; amountMinor: number }>;
  quoteNumber: string | null;
  envelopeId: string | null;
  marketplaceOfferId: string | null;
  agreementId: string | null;
}

export function invoicingRequestOf(closing: ClosingFacts, contract: Contract): InvoicingRequest {
  const option = closing.chosenOption;
  const { envelope, awsOffer } = closing.evidence;
  const charges: Installment[] = installmentsFor({
    tcvMinor: BigInt(contract.tcvMinor),
    termMonths: option.termMonths,
    schedule: option.paymentSchedule,
    startDate: contract.startDate,
  });
  return {
    contractId: contract.id,
    opportunityId: contract.opportunityId ?? '',
    accountId: contract.accountId,
    offerId: closing.offerId,
    offerVersion: closing.versionNumber,
    option: option.name,
    currency: contract.currency,
    tcvMinor: contract.tcvMinor,
    termMonths: option.termMonths,
    paymentSchedule: option.paymentSchedule,
    startDate: contract.startDate,
    endDate: contract.endDate,
    installments: charges.map((charge) => ({
      chargeDate: charge.chargeDate,
      amountMinor: Number(charge.amountMinor),
    })),
    quoteNumber: envelope?.quoteNumber ?? null,
    envelopeId: envelope?.envelopeId ?? null,
    marketplaceOfferId: awsOffer?.marketplaceOfferId ?? null,
    agreementId: awsOffer?.agreementId ?? null,
  };
}
