import type { Kysely } from 'kysely';
import { listQuotes } from '../../db/repositories/quotes-repo.js';
import { listActiveUsersWithRole, type User } from '../../db/repositories/users-repo.js';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../../domain/access/principal.js';
import type { Contact } from '../../domain/account/account.js';
import { approvalProgress, pendingSteps, resolveApprovalChain } from '../../domain/closing/approval-chain.js';
import {
  currentVersion,
  type Offer,
  type OfferDeal,
  type OfferVersion,
  type ResolvedStep,
} from '../../domain/closing/offer.js';
import { type OfferPermissions, offerPermissions } from '../../domain/closing/offer-permissions.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import type { Result } from '../../domain/result.js';
import type { AppContext } from '../context.js';
import { eSignatureOf, privateOffersOf } from '../integrations/closing-ports.js';
import { unconfiguredMessage } from '../integrations/integration-error.js';
import { type ClosingParties, loadClosingParties } from './closing-parties.js';

export interface ApproverView {
  id: string;
  name: string;
}

export interface PendingStepView extends ResolvedStep {
  /** 0-based position in the chain. */
  index: number;
  /** The step a decision is waited for now. */
  waiting: boolean;
  /** Who may act on it: holders of the role (in the deal's region where regional), not the author or owner. */
  approvers: ApproverView[];
}

export interface OfferVersionView extends OfferVersion {
  /** Steps approved of the version's chain ("step k of n" while in approval: k = approved + 1). */
  approvedSteps: number;
  totalSteps: number;
  /** On the current version: the steps still to decide (a draft: those its submission would need). */
  pending: PendingStepView[];
}

export interface ClosingPartyView {
  contactId: string;
  name: string;
  email: string | null;
}

/**
 * Who is on the closing path of the deal's account, as the send and create steps would find them: the
 * DocuSign signer and the AWS admin (null: none with an email address; the permissions say what to record),
 * and the buyer's AWS account id.
 */
export interface OfferPartiesView {
  accountId: string;
  accountName: string;
  signer: ClosingPartyView | null;
  awsAdmin: ClosingPartyView | null;
  buyerAwsAccountId: string | null;
}

/** An offer with its whole version history, oldest first, and who acts next on the current version. */
export interface OfferView {
  id: string;
  opportunityId: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The offer's concurrency version (send it back to change the offer). */
  version: number;
  currentVersion: number;
  versions: OfferVersionView[];
  /** What the caller may do with the offer now (screens hide the rest and show `who`). */
  permissions: OfferPermissions;
  parties: OfferPartiesView;
}

/** Who reads the view: their principal, and whether they hold the edit right on the deal. */
export interface OfferViewer {
  principal: Principal;
  mayEditDeal: boolean;
}

async function pendingOf(
  db: Kysely<Database>,
  playbook: Playbook,
  version: OfferVersion,
  deal: OfferDeal,
): Promise<PendingStepView[]> {
  const preview =
    version.status === 'draft' && playbook.closing
      ? resolveApprovalChain(playbook.closing, playbook.defaultCurrency, version, deal)
      : [];
  const steps = (version.chain ?? preview).slice(approvalProgress(version).approved);
  const candidates: User[] = [];
  for (const role of new Set(steps.map((step) => step.role)))
    candidates.push(...(await listActiveUsersWithRole(db, role)));
  return pendingSteps(version, deal, candidates, preview).map(({ index, step, waiting, approvers }) => ({
    ...step,
    index,
    waiting,
    approvers: approvers.map((user) => ({ id: user.id, name: user.name })),
  }));
}

const partyView = (party: Result<Contact, unknown>): ClosingPartyView | null =>
  party.ok ? { contactId: party.value.id, name: party.value.name, email: party.value.email } : null;

const partiesView = ({ account, signer, awsAdmin, buyerAwsAccount }: ClosingParties): OfferPartiesView => ({
  accountId: account.id,
  accountName: account.name,
  signer: partyView(signer),
  awsAdmin: partyView(awsAdmin),
  buyerAwsAccountId: buyerAwsAccount.ok ? buyerAwsAccount.value : null,
});

/** The latest quote of the version (the one a send would take), or null. */
async function latestQuoteOf(db: Kysely<Database>, offer: Offer, version: OfferVersion) {
  const quotes = await listQuotes(db, { opportunityId: offer.opportunityId, offerId: offer.id });
  return quotes.find((quote) => quote.versionNumber === version.number) ?? null;
}

/**
 * The caller's view of an offer (`db`: the request's transaction where there is one): the versions, who acts
 * next, the account's closing parties, and what the caller may do — the closing steps judged by the use
 * cases' own checks, with the latest quote, the parties and whether this server's integrations are configured.
 */
export async function offerView(
  db: Kysely<Database>,
  context: AppContext,
  offer: Offer,
  dealOf: { deal: Opportunity; offerDeal: OfferDeal },
  viewer: OfferViewer,
): Promise<OfferView> {
  const { deal: opportunity, offerDeal: deal } = dealOf;
  const current = currentVersion(offer);
  const pending = await pendingOf(db, context.playbook, current, deal);
  const parties = await loadClosingParties(db, opportunity);
  const facts = {
    latestQuote: await latestQuoteOf(db, offer, current),
    signer: parties.signer,
    awsAdmin: parties.awsAdmin,
    buyerAwsAccount: parties.buyerAwsAccount,
    unconfigured: {
      eSignature: unconfiguredMessage('docusign', eSignatureOf(context).setup),
      privateOffers: unconfiguredMessage('aws_marketplace', privateOffersOf(context).setup),
    },
  };
  return {
    id: offer.id,
    opportunityId: offer.opportunityId,
    createdBy: offer.createdBy,
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    version: offer.version,
    currentVersion: current.number,
    versions: offer.versions.map((version) => {
      const { approved, total } = approvalProgress(version);
      return {
        ...version,
        approvedSteps: approved,
        totalSteps: total,
        pending: version === current ? pending : [],
      };
    }),
    permissions: offerPermissions(viewer.principal, offer, deal, viewer.mayEditDeal, facts),
    parties: partiesView(parties),
  };
}
