/**
 * The envelope's custom fields Closepath sets when it sends a quote, so that a Connect event names the offer
 * version it is about. Pure: building them (adapter) and reading them back (receiver) share these names.
 */
export const ENVELOPE_FIELDS = {
  offerId: 'closepathOfferId',
  offerVersion: 'closepathOfferVersion',
  quoteNumber: 'closepathQuoteNumber',
} as const;

export interface EnvelopeReference {
  offerId: string;
  versionNumber: number;
  quoteNumber: string;
}

export interface TextCustomField {
  name: string;
  value: string;
}

export const envelopeCustomFields = (reference: EnvelopeReference): TextCustomField[] => [
  { name: ENVELOPE_FIELDS.offerId, value: reference.offerId },
  { name: ENVELOPE_FIELDS.offerVersion, value: String(reference.versionNumber) },
  { name: ENVELOPE_FIELDS.quoteNumber, value: reference.quoteNumber },
];

/**
 * The offer version an envelope's custom fields name, or null when they name none (an envelope sent from
 * elsewhere, or a Connect configuration that does not include custom fields): such an event is kept, matched
 * by its envelope id alone.
 */
export function offerVersionOfEnvelope(
  fields: ReadonlyArray<{ name: string; value?: string | undefined }>,
): { offerId: string; offerVersion: number } | null {
  const fieldValue = (name: string) => fields.find((field) => field.name === name)?.value?.trim();
  const offerId = fieldValue(ENVELOPE_FIELDS.offerId);
  const version = fieldValue(ENVELOPE_FIELDS.offerVersion);
  if (!offerId || !version || !/^[1-9]\d{0,8}$/.test(version)) return null;
  return { offerId, offerVersion: Number(version) };
}
