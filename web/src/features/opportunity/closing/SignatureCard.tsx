import { Button, Group } from '@mantine/core';
import type { Offer, OfferVersion } from '../../../api';
import { formatDateTime } from '../../../shared/format';
import { WhoMay } from '../../../shared/permission';
import { WriteError } from '../WriteError';
import { useWorkspace } from '../workspace-context';
import { ClosingStepCard, MissingOnAccount } from './ClosingStepCard';
import { envelopeMeaning, partyLabel } from './evidence-words';
import { useDealQuotes, useOfferWrite } from './queries';

/**
 * The quote's signature through DocuSign: who it goes to (the account's signer contact, or what to record
 * there), Finance's "Send for signature" of the version's latest quote, and the envelope's status and meaning.
 */
export function SignatureCard({ offer, version }: { offer: Offer; version: OfferVersion }) {
  const { view, contacts, nameOf } = useWorkspace();
  const dealId = view.opportunity.id;
  const write = useOfferWrite(dealId);
  const quotes = useDealQuotes(dealId);
  const { sign } = offer.permissions;
  const { parties } = offer;
  const envelope = version.evidence.envelope;
  const latest = quotes.data?.items.find(
    (quote) => quote.offerId === offer.id && quote.versionNumber === version.number,
  );
  const sentTo = envelope && contacts.find((contact) => contact.id === envelope.signerContactId);
  const signer = sentTo ?? parties.signer;
  const meaning = envelopeMeaning(envelope, signer?.name ?? "the account's signer", formatDateTime);
  return (
    <ClosingStepCard
      title="Signature (DocuSign)"
      testId="signature-card"
      meaning={meaning}
      facts={[
        [envelope ? 'Sent to' : 'Goes to', signer ? partyLabel(signer) : null],
        ['Quote', envelope?.quoteNumber ?? latest?.number],
        ['Envelope id', envelope?.envelopeId],
        ['Sent', envelope && `${formatDateTime(envelope.sentAt)} by ${nameOf(envelope.sentBy)}`],
        ['Completed', envelope?.completedAt && formatDateTime(envelope.completedAt)],
      ]}
    >
      {!envelope && (
        <MissingOnAccount
          missing={parties.signer ? [] : ['DocuSign signer contact (with an email address)']}
          accountId={parties.accountId}
          accountName={parties.accountName}
        />
      )}
      <WriteError error={write.error} />
      {sign.allowed && latest && (
        <Group gap="xs">
          <Button
            size="xs"
            data-requires="offer.sign"
            loading={write.isPending}
            onClick={() =>
              write.mutate({
                kind: 'offer',
                offerId: offer.id,
                version: offer.version,
                subpath: '/signature',
                body: { quoteId: latest.id },
              })
            }
          >
            Send {latest.number} for signature
          </Button>
        </Group>
      )}
      {version.status === 'quoted' && <WhoMay permission={sign} what="Send for signature" />}
    </ClosingStepCard>
  );
}
