import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Offer, Pipeline, Playbook } from '../../../api';
import { formatDateTime, humanize, roleName } from '../../../shared/format';
import { WhoMay } from '../../../shared/permission';
import { findStage } from '../../../shared/playbook';
import { ErrorState, LoadingState } from '../../../shared/states';
import { useWorkspace } from '../workspace-context';
import { AwsOfferCard } from './AwsOfferCard';
import { ClosingStepper } from './ClosingStepper';
import { closingSteps } from './closing-steps';
import { OfferCard } from './OfferCard';
import { OfferForm } from './OfferForm';
import { newOfferDraft } from './offer-form';
import { QuotesList } from './QuotesList';
import { useDealOffers, useOfferWrite } from './queries';
import { SignatureCard } from './SignatureCard';

/** Where the signature card shows: from the quote on. */
const SIGNING = ['quoted', 'sent_for_signature', 'signed'];
/** Where the AWS private offer card shows: from the customer's choice on (in parallel with the signature). */
const CHOSEN_ON = ['option_chosen', ...SIGNING];

/** The stage from which the playbook lets this pipeline's deals have offers; undefined: the pipeline makes none. */
export function offersFromStage(playbook: Playbook, pipeline: Pipeline) {
  const key = playbook.closing?.offersFrom[pipeline.key];
  return key ? findStage(pipeline, key) : undefined;
}

/** Why the deal cannot have an offer yet, or null when it can. */
function whyNoOffer(pipeline: Pipeline, fromKey: string, stageKey: string): string | null {
  const open = pipeline.stages.filter((stage) => stage.outcome === 'open');
  const at = open.findIndex((stage) => stage.key === stageKey);
  const from = open.findIndex((stage) => stage.key === fromKey);
  if (at < 0) return 'The deal is closed.';
  if (at < from) return `Offers are drafted once the deal reaches ${open[from]?.name ?? fromKey}.`;
  return null;
}

function EarlierVersions({ offer }: { offer: Offer }) {
  const { nameOf } = useWorkspace();
  const earlier = offer.versions.slice(0, -1).reverse();
  if (earlier.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={600}>
        Earlier versions
      </Text>
      <List size="xs" spacing={2} data-testid="earlier-versions">
        {earlier.map((version) => (
          <List.Item key={version.number}>
            Version {version.number}: {humanize(version.status)} — {humanize(version.origin)} by{' '}
            {nameOf(version.createdBy)}, {formatDateTime(version.createdAt)}
            {version.decisions.length > 0 &&
              ` · ${version.decisions.map((d) => `${d.decision} by ${nameOf(d.decidedBy)}`).join(', ')}`}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/**
 * The deal's closing flow: the stepper (who acts next), the current offer with its approvals and the caller's
 * next move, a new offer when there is none, and the earlier versions.
 */
export function ClosingPanel() {
  const { playbook, pipeline, view, nameOf } = useWorkspace();
  const { opportunity, permissions } = view;
  const offers = useDealOffers(opportunity.id);
  const write = useOfferWrite(opportunity.id);
  const [drafting, setDrafting] = useState(false);
  const closing = playbook.closing;
  const from = offersFromStage(playbook, pipeline);
  if (!closing || !from) return null;
  if (offers.isPending) return <LoadingState label="Loading the offers…" />;
  if (offers.isError)
    return (
      <ErrorState title="Could not load the offers" error={offers.error} onRetry={() => offers.refetch()} />
    );
  const offer = offers.data.items.at(-1);
  const version = offer?.versions.at(-1) ?? null;
  const won = findStage(pipeline, opportunity.stage)?.outcome === 'won';
  const steps = closingSteps(
    version,
    { won },
    {
      owner: nameOf(opportunity.ownerId),
      finance: roleName('vp_finance'),
      signer: offer?.parties.signer?.name ?? null,
      awsAdmin: offer?.parties.awsAdmin?.name ?? null,
    },
  );
  const notYet = whyNoOffer(pipeline, from.key, opportunity.stage);
  const schedules = closing.paymentSchedules;
  return (
    <Stack gap="md" data-testid="closing-panel">
      <Title order={2} size="h4">
        Closing
      </Title>
      <ClosingStepper steps={steps} />
      {offer ? (
        <OfferCard offer={offer} paymentSchedules={schedules} />
      ) : (
        <Paper withBorder p="md" radius="md" data-testid="no-offer">
          <Text size="sm">
            No offer yet. The deal's owner drafts the pricing options; the playbook's approval chain approves
            them before the customer sees them.
          </Text>
          {notYet && (
            <Text size="xs" c="dimmed">
              {notYet}
            </Text>
          )}
          {!notYet && permissions.edit.allowed && !drafting && (
            <Button size="xs" mt="xs" data-requires="edit" onClick={() => setDrafting(true)}>
              Draft an offer
            </Button>
          )}
          {!notYet && <WhoMay permission={permissions.edit} what="Draft an offer" />}
          {drafting && (
            <OfferForm
              initial={newOfferDraft(
                opportunity.currency,
                schedules[0] ?? 'annual',
                new Date().toISOString().slice(0, 10),
              )}
              paymentSchedules={schedules}
              submitLabel="Save the draft"
              requires="edit"
              busy={write.isPending}
              error={write.error}
              onSave={(terms) =>
                write.mutate({ kind: 'draft', body: terms }, { onSuccess: () => setDrafting(false) })
              }
              onCancel={() => setDrafting(false)}
            />
          )}
        </Paper>
      )}
      {offer && version && SIGNING.includes(version.status) && (
        <SignatureCard offer={offer} version={version} />
      )}
      {offer && version && CHOSEN_ON.includes(version.status) && (
        <AwsOfferCard offer={offer} version={version} />
      )}
      <QuotesList dealId={opportunity.id} />
      {offer && <EarlierVersions offer={offer} />}
    </Stack>
  );
}
