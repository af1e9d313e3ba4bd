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
  evidence: {
    envelope: { envelopeStatus: string } | null;
    awsOffer: { marketplaceOfferId: string | null; agreementId: string | null } | null;
  };
}

/** Who acts on the deal's side, for Finance, and for the customer (the account's signer and AWS admin). */
export interface ClosingPeople {
  owner: string;
  finance: string;
  /** The account's DocuSign signer, or null when none is recorded. */
  signer: string | null;
  /** The account's AWS admin, or null when none is recorded. */
  awsAdmin: string | null;
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

/** The signature: Finance sends the quote, then the customer's signer signs it. */
function signatureStep(version: StepperVersion | null, people: ClosingPeople) {
  const signer = people.signer ?? "Customer's signer";
  const envelope = version?.evidence.envelope?.envelopeStatus;
  if (version?.status === 'quoted')
    return {
      actor: people.finance,
      detail: envelope ? `Envelope ${envelope}: send the quote again` : `Send the quote to ${signer}`,
    };
  if (version?.status === 'sent_for_signature')
    return { actor: signer, detail: `Envelope ${envelope ?? 'sent'}: waiting for the signature` };
  if (version?.status === 'signed') return { actor: signer, detail: 'The quote is signed' };
  return { actor: signer, detail: 'The quote signed through DocuSign' };
}

/** The private offer: Finance creates it, releases it, then the buyer's AWS admin accepts it. */
function awsSteps(version: StepperVersion | null, people: ClosingPeople) {
  const admin = people.awsAdmin ?? "Customer's AWS admin";
  const status = version?.awsOfferStatus ?? 'none';
  const offerId = version?.evidence.awsOffer?.marketplaceOfferId;
  const agreement = version?.evidence.awsOffer?.agreementId;
  return {
    offer: {
      actor: people.finance,
      detail:
        status === 'none'
          ? 'A private offer in AWS Marketplace'
          : status === 'created'
            ? `Draft${offerId ? ` ${offerId}` : ''}: release it to the buyer`
            : 'Released to the buyer',
    },
    acceptance: {
      actor: admin,
      detail: agreement ? `Agreement ${agreement}` : 'The private offer accepted',
    },
  };
}

/**
 * The steps of the closing flow for a deal, given its current offer version (null: no offer yet); `people`
 * names who acts for the seller (the deal's owner), for Finance and for the customer.
 */
export function closingSteps(
  version: StepperVersion | null,
  deal: { won: boolean },
  people: ClosingPeople,
): ClosingStep[] {
  const at = version ? rank(version.status) : -1;
  const awsAt = version ? awsRank(version.awsOfferStatus) : -1;
  const reached = (status: (typeof ORDER)[number]) => at >= rank(status);
  const approval = version ? approvalDetail(version) : { actor: 'Approvers', detail: 'After the offer' };
  const { owner: seller, finance } = people;
  const aws = awsSteps(version, people);
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
      ...signatureStep(version, people),
      done: reached('signed'),
    },
    {
      key: 'aws_offer',
      label: 'AWS offer',
      ...aws.offer,
      done: awsAt >= awsRank('released'),
    },
    {
      key: 'acceptance',
      label: 'Acceptance',
      ...aws.acceptance,
      done: awsAt >= awsRank('accepted'),
    },
    {
      key: 'won',
      label: 'Won',
      actor: 'Closepath',
      detail: deal.won ? 'Closed won' : 'When both evidences are on file',
      done: deal.won,
    },
  ];
  const firstOpen = steps.findIndex((step) => !step.done);
  return steps.map(({ done, ...step }, index) => ({
    ...step,
    state: done ? 'done' : index === firstOpen ? 'current' : 'upcoming',
  }));
}
