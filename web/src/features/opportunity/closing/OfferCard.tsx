import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Offer, OfferVersion, Permission } from '../../../api';
import { formatDate, formatDateTime, humanize } from '../../../shared/format';
import { WhoMay } from '../../../shared/permission';
import { WriteError } from '../WriteError';
import { useWorkspace } from '../workspace-context';
import { ApprovalChain } from './ApprovalChain';
import { ChoiceForm } from './ChoiceForm';
import { DecisionForm } from './DecisionForm';
import { OfferForm } from './OfferForm';
import { OptionsTable } from './OptionsTable';
import { draftFromVersion } from './offer-form';
import { useOfferWrite } from './queries';

const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  in_approval: 'blue',
  approved: 'teal',
  presented: 'indigo',
  option_chosen: 'green',
  quoted: 'green',
  sent_for_signature: 'blue',
  signed: 'green',
};

/** The one permission that matters for where the version stands, to say who may when the caller may not. */
function nextMove(offer: Offer, version: OfferVersion): { permission: Permission; what: string } | null {
  const p = offer.permissions;
  switch (version.status) {
    case 'draft':
      return { permission: p.submit, what: 'Submit for approval' };
    case 'in_approval':
      return { permission: p.decide, what: 'Decide the step waiting' };
    case 'approved':
      return { permission: p.present, what: 'Mark it presented' };
    case 'presented':
      return { permission: p.choose, what: "Record the customer's choice" };
    case 'option_chosen':
      return { permission: p.quote, what: 'Generate the quote' };
    default:
      return null;
  }
}

/** The deal's offer as it stands: the current version's options and approvals, and what the caller may do next. */
export function OfferCard({ offer, paymentSchedules }: { offer: Offer; paymentSchedules: string[] }) {
  const { view, contacts, nameOf } = useWorkspace();
  const write = useOfferWrite(view.opportunity.id);
  const [mode, setMode] = useState<'none' | 'edit' | 'choose'>('none');
  const version = offer.versions[offer.versions.length - 1];
  if (!version) return null;
  const p = offer.permissions;
  const waiting = version.pending.find((step) => step.waiting);
  // Closes the form that made the change once it is saved and read again, and nothing opened meanwhile.
  const change = (subpath: string, body?: unknown) => {
    const from = mode;
    write.mutate(
      { kind: 'offer', offerId: offer.id, version: offer.version, subpath, body },
      { onSuccess: () => setMode((current) => (current === from ? 'none' : current)) },
    );
  };
  const move = nextMove(offer, version);
  return (
    <Paper withBorder p="md" radius="md" data-testid="offer-card" data-status={version.status}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              Offer · version {version.number}
            </Title>
            <Badge color={STATUS_COLOR[version.status] ?? 'gray'} data-testid="offer-status">
              {humanize(version.status)}
            </Badge>
            {version.status === 'in_approval' && (
              <Text size="xs">
                step {version.approvedSteps + 1} of {version.totalSteps}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            valid until {formatDate(version.validUntil)} · by {nameOf(version.createdBy)},{' '}
            {formatDateTime(version.createdAt)}
          </Text>
        </Group>
        <OptionsTable
          options={version.options}
          currency={version.currency}
          chosen={version.chosen?.optionName ?? null}
        />
        {version.notes && <Text size="sm">“{version.notes}”</Text>}
        {version.chosen && (
          <Text size="sm" data-testid="offer-choice">
            The customer chose <b>{version.chosen.optionName}</b>: confirmed by{' '}
            {contacts.find((contact) => contact.id === version.chosen?.confirmedByContactId)?.name ??
              'a contact'}{' '}
            on {formatDateTime(version.chosen.confirmedAt)}, recorded by {nameOf(version.chosen.recordedBy)}.
          </Text>
        )}
        <ApprovalChain
          chain={version.chain}
          decisions={version.decisions}
          pending={version.pending}
          nameOf={nameOf}
        />
        <WriteError error={mode === 'none' ? write.error : null} />
        {mode === 'edit' && (
          <OfferForm
            initial={draftFromVersion(version)}
            paymentSchedules={paymentSchedules}
            submitLabel={`Save as version ${version.number + 1}`}
            requires="offer.revise"
            busy={write.isPending}
            error={write.error}
            onSave={(terms) => change('/versions', terms)}
            onCancel={() => setMode('none')}
          />
        )}
        {mode === 'choose' && (
          <ChoiceForm
            options={version.options}
            presentedAt={version.presentedAt}
            contacts={contacts}
            busy={write.isPending}
            error={write.error}
            onSave={(choice) => change('/choice', { versionNumber: version.number, ...choice })}
            onCancel={() => setMode('none')}
          />
        )}
        {p.decide.allowed && waiting && (
          <DecisionForm
            stepName={waiting.name}
            busy={write.isPending}
            error={write.error}
            onDecide={(decision, comment) =>
              change('/decisions', { versionNumber: version.number, step: waiting.key, decision, comment })
            }
          />
        )}
        {mode === 'none' && (
          <Group gap="xs">
            {p.submit.allowed && (
              <Button
                size="xs"
                data-requires="offer.submit"
                loading={write.isPending}
                onClick={() => change('/submit')}
              >
                Submit for approval
              </Button>
            )}
            {p.present.allowed && (
              <Button
                size="xs"
                data-requires="offer.present"
                loading={write.isPending}
                onClick={() => change('/presented', { versionNumber: version.number })}
              >
                Mark presented to the customer
              </Button>
            )}
            {p.quote.allowed && (
              <Button
                size="xs"
                data-requires="offer.quote"
                loading={write.isPending}
                onClick={() => change('/quotes', { versionNumber: version.number })}
              >
                {version.status === 'quoted' ? 'Generate a new quote' : 'Generate the quote'}
              </Button>
            )}
            {p.choose.allowed && (
              <Button
                size="xs"
                data-requires="offer.choose"
                variant={version.chosen ? 'default' : 'filled'}
                onClick={() => setMode('choose')}
              >
                {version.chosen ? "Change the customer's choice" : "Record the customer's choice"}
              </Button>
            )}
            {p.revise.allowed && (
              <Button
                size="xs"
                variant="default"
                data-requires="offer.revise"
                onClick={() => setMode('edit')}
              >
                Edit the offer (new version)
              </Button>
            )}
          </Group>
        )}
        {move && <WhoMay permission={move.permission} what={move.what} />}
      </Stack>
    </Paper>
  );
}
