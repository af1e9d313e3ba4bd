import { Button, Group } from '@mantine/core';
import type { Offer, OfferVersion } from '../../../api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { WhoMay } from '../../../shared/permission';
import { WriteError } from '../WriteError';
import { useWorkspace } from '../workspace-context';
import { ClosingStepCard, MissingOnAccount } from './ClosingStepCard';
import { awsOfferMeaning, partyLabel } from './evidence-words';
import { useOfferWrite } from './queries';

/**
 * The AWS Marketplace private offer of the chosen option: the buyer's AWS account and AWS admin it needs (or
 * what to record on the account), Finance's create and release, then the agreement the acceptance made.
 */
export function AwsOfferCard({ offer, version }: { offer: Offer; version: OfferVersion }) {
  const { view, nameOf } = useWorkspace();
  const write = useOfferWrite(view.opportunity.id);
  const { createAwsOffer, releaseAwsOffer } = offer.permissions;
  const { parties } = offer;
  const aws = version.evidence.awsOffer;
  const status = version.awsOfferStatus;
  const admin = parties.awsAdmin;
  const meaning = awsOfferMeaning(status, aws, admin?.name ?? "the buyer's AWS admin", formatDateTime);
  const missing = [
    ...(parties.buyerAwsAccountId ? [] : ["buyer's AWS account id"]),
    ...(admin ? [] : ['AWS admin contact (with an email address)']),
  ];
  const actions = [
    {
      permission: createAwsOffer,
      requires: 'offer.createAwsOffer',
      label: 'Create AWS private offer',
      subpath: '/aws-offer',
    },
    {
      permission: releaseAwsOffer,
      requires: 'offer.releaseAwsOffer',
      label: 'Release to the buyer',
      subpath: '/aws-offer/release',
    },
  ];
  const post = (subpath: string) =>
    write.mutate({ kind: 'offer', offerId: offer.id, version: offer.version, subpath });
  return (
    <ClosingStepCard
      title="AWS Marketplace private offer"
      testId="aws-offer-card"
      meaning={meaning}
      facts={[
        ["Buyer's AWS account", aws?.buyerAwsAccountId ?? parties.buyerAwsAccountId],
        ['AWS admin', admin && partyLabel(admin)],
        ['Marketplace offer id', aws?.marketplaceOfferId],
        ['Created', aws && `${formatDateTime(aws.createdAt)} by ${nameOf(aws.createdBy)}`],
        ['Released', aws?.releasedAt && formatDateTime(aws.releasedAt)],
        ['Agreement id', aws?.agreementId],
        ['Agreement starts', aws?.agreementStart && formatDate(aws.agreementStart)],
        ['Accepted', aws?.acceptedAt && formatDateTime(aws.acceptedAt)],
        ['Agreement ended', aws?.agreementEndedAt && formatDateTime(aws.agreementEndedAt)],
      ]}
    >
      {status === 'none' && (
        <MissingOnAccount missing={missing} accountId={parties.accountId} accountName={parties.accountName} />
      )}
      <WriteError error={write.error} />
      <Group gap="xs">
        {actions
          .filter((action) => action.permission.allowed)
          .map((action) => (
            <Button
              key={action.requires}
              size="xs"
              data-requires={action.requires}
              loading={write.isPending}
              onClick={() => post(action.subpath)}
            >
              {action.label}
            </Button>
          ))}
      </Group>
      {status === 'none' && <WhoMay permission={createAwsOffer} what="Create the AWS private offer" />}
      {status === 'created' && <WhoMay permission={releaseAwsOffer} what="Release it to the buyer" />}
    </ClosingStepCard>
  );
}
