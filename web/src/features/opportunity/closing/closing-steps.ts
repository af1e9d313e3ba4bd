/**
 * The closing stepper's logic (pure): from the deal's current offer version, which of the closing steps are
 * done, which one is under way and who acts on it. The steps follow the offer version's status
 * (draft → in_approval → approved → presented → option_chosen → quoted → sent_for_signature → signed) and, in
 * parallel, its AWS private offer (none → created → released → accepted); the deal is won when both evidences
 * are on file.
 */

/** What the stepper reads of an offer version (the API's OfferVersion, dates as strings). */
export interface StepperVersion {
  status: string;
  awsOfferStatus: string;
  approvedSteps: number;
  totalSteps: number;
  pending: { name: string; waiting: boolean; approvers: { name: string }[] }[];
}

export type StepKey =
  | 'offer'
  | 'approvals'
  | 'presented'
  | 'quote'
  | 'signed_quote'
  | 'aws_offer'
  | 'acceptance'
  | 'won';

export type StepState = 'done' | 'current' | 'upcoming';

export interface ClosingStep {
  key: StepKey;
  label: string;
  state: StepState;
  /** Who acts on the step: a role, the customer, or the people who may decide the waiting approval. */
  actor: string;
  /** One line on where the step stands. */
  detail: string;
}

const ORDER = [
  'draft',
  'in_approval',
  'approved',
  'presented',
  'option_chosen',
  'quoted',
  'sent_for_signature',
  'signed',
] as const;
const rank = (status: string) => ORDER.indexOf(status as (typeof ORDER)[number]);
const AWS_ORDER = ['none', 'created', 'released', 'accepted'];
const awsRank = (status: string) => AWS_ORDER.indexOf(status);

function approvalDetail(version: StepperVersion): { actor: string; detail: string } {
  const waiting = version.pending.find((step) => step.waiting);
  if (version.status === 'draft') {
    const chain = version.pending.map((step) => step.name).join(' → ');
    return { actor: 'Approvers', detail: chain ? `Submitting asks ${chain}` : 'Not submitted yet' };
  }
  if (!waiting)
    return { actor: 'Approvers', detail: `${version.totalSteps} of ${version.totalSteps} approved` };
  const names = waiting.approvers.map((person) => person.name).join(', ') || 'nobody holds this step';
  return {
    actor: names,
    detail: `Step ${version.approvedSteps + 1} of ${version.totalSteps}: ${waiting.name}`,
  };
}

/**
 * The steps of the closing flow for a deal, given its current offer version (null: no offer yet); `people`
 * names who acts for the seller (the deal's owner) and for Finance.
 */
export function closingSteps(
  version: StepperVersion | null,
  deal: { won: boolean },
  people: { owner: string; finance: string },
): ClosingStep[] {
  const at = version ? rank(version.status) : -1;
  const aws = version ? awsRank(version.awsOfferStatus) : -1;
  const reached = (status: (typeof ORDER)[number]) => at >= rank(status);
  const approval = version ? approvalDetail(version) : { actor: 'Approvers', detail: 'After the offer' };
  const { owner: seller, finance } = people;
  const steps: Array<Omit<ClosingStep, 'state'> & { done: boolean }> = [
    {
      key: 'offer',
      label: 'Offer',
      actor: seller,
      detail: version ? `Version ${version.status === 'draft' ? 'in draft' : 'submitted'}` : 'No offer yet',
      done: reached('in_approval'),
    },
    { key: 'approvals', label: 'Approvals', ...approval, done: reached('approved') },
    {
      key: 'presented',
      label: 'Presented & chosen',
      actor: seller,
      detail: reached('option_chosen')
        ? 'The customer chose an option'
        : reached('presented')
          ? "Record the customer's choice"
          : 'Only once fully approved',
      done: reached('option_chosen'),
    },
    {
      key: 'quote',
      label: 'Quote',
      actor: finance,
      detail: 'A quote from the chosen option',
      done: reached('quoted'),
    },
    {
      key: 'signed_quote',
      label: 'Signature',
      actor: "Customer's signer",
      detail: 'The quote signed through DocuSign',
      done: reached('signed'),
    },
    {
      key: 'aws_offer',
      label: 'AWS offer',
      actor: finance,
      detail: 'A private offer in AWS Marketplace',
      done: aws >= awsRank('released'),
    },
    {
      key: 'acceptance',
      label: 'Acceptance',
      actor: "Customer's AWS admin",
      detail: 'The private offer accepted',
      done: aws >= awsRank('accepted'),
    },
    {
      key: 'won',
      label: 'Won',
      actor: 'Closepath',
      detail: 'When both evidences are on file',
      done: deal.won,
    },
  ];
  const firstOpen = steps.findIndex((step) => !step.done);
  return steps.map(({ done, ...step }, index) => ({
    ...step,
    state: done ? 'done' : index === firstOpen ? 'current' : 'upcoming',
  }));
}
