import type { OfferVersion } from '../../../api';

/**
 * What the closing evidence of an offer version means, in words (pure): the DocuSign envelope's status and the
 * AWS Marketplace private offer's, each with who acts next. `formatTime` writes the vendors' times.
 */
type Evidence = OfferVersion['evidence'];
type Envelope = NonNullable<Evidence['envelope']>;
type AwsOffer = NonNullable<Evidence['awsOffer']>;

/** A closing party as the screens name them: `Name <email>`. */
export const partyLabel = (party: { name: string; email: string | null }) =>
  party.email ? `${party.name} <${party.email}>` : party.name;

export interface Meaning {
  /** The status in one word or two, for a badge. */
  label: string;
  color: 'gray' | 'blue' | 'green' | 'red';
  /** What it means and who acts next. */
  text: string;
}

export function envelopeMeaning(
  envelope: Envelope | null,
  signer: string,
  formatTime: (value: string) => string,
): Meaning {
  if (!envelope)
    return { label: 'Not sent', color: 'gray', text: `Finance sends the latest quote to ${signer}.` };
  switch (envelope.envelopeStatus) {
    case 'sent':
      return {
        label: 'Sent',
        color: 'blue',
        text: `DocuSign emailed quote ${envelope.quoteNumber} to ${signer}; waiting for them to open it.`,
      };
    case 'delivered':
      return {
        label: 'Opened',
        color: 'blue',
        text: `${signer} opened the envelope; waiting for the signature.`,
      };
    case 'completed':
      return {
        label: 'Signed',
        color: 'green',
        text: `Signed${envelope.completedAt ? ` ${formatTime(envelope.completedAt)}` : ''}: the signed quote is on file.`,
      };
    case 'declined':
    case 'voided':
      return {
        label: envelope.envelopeStatus === 'declined' ? 'Declined' : 'Voided',
        color: 'red',
        text:
          `The envelope ended unsigned${envelope.endedReason ? ` (${envelope.endedReason})` : ''}. ` +
          'Finance sends the quote again, or a new quote after a new version.',
      };
  }
}

export function awsOfferMeaning(
  status: OfferVersion['awsOfferStatus'],
  awsOffer: AwsOffer | null,
  admin: string,
  formatTime: (value: string) => string,
): Meaning {
  if (!awsOffer || status === 'none')
    return {
      label: 'Not created',
      color: 'gray',
      text: "Finance creates the private offer of the chosen option for the buyer's AWS account.",
    };
  if (status === 'created')
    return {
      label: 'Draft',
      color: 'blue',
      text: `Created in AWS Marketplace, not visible to the buyer yet: Finance releases it to ${awsOffer.buyerAwsAccountId}.`,
    };
  if (status === 'released')
    return {
      label: 'Released',
      color: 'blue',
      text: `Released to AWS account ${awsOffer.buyerAwsAccountId}; waiting for ${admin} to accept it.`,
    };
  const accepted = awsOffer.acceptedAt ? ` ${formatTime(awsOffer.acceptedAt)}` : '';
  return {
    label: 'Accepted',
    color: 'green',
    text: `Accepted${accepted}: the agreement is on file.`,
  };
}
