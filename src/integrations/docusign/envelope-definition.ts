import { type SendEnvelopeInput, SIGNATURE_ANCHOR } from '../../app/integrations/e-signature.js';
import { ENVELOPE_EVENTS } from '../../domain/closing/envelope-status.js';
import { envelopeCustomFields } from '../../domain/inbound/envelope-subject.js';

/**
 * The eSignature REST v2.1 `EnvelopeDefinition` for a quote (Envelopes: create, developers.docusign.com/docs/
 * esign-rest-api/reference/envelopes/envelopes/create): sent at once, the PDF as a base64 document, one
 * signer with a signHere tab anchored to SIGNATURE_ANCHOR, the offer version in text custom fields (so a
 * Connect event names it), and an eventNotification asking Connect for JSON SIM events signed with HMAC.
 * Plain data: the SDK's models are built from it (EnvelopeDefinition.constructFromObject).
 */
export function envelopeDefinitionFor(input: SendEnvelopeInput, connectUrl: string) {
  return {
    status: 'sent',
    emailSubject: input.emailSubject,
    documents: [
      {
        documentId: input.documentId,
        name: input.documentName,
        fileExtension: 'pdf',
        documentBase64: Buffer.from(input.documentPdf).toString('base64'),
      },
    ],
    recipients: {
      signers: [
        {
          recipientId: '1',
          routingOrder: '1',
          name: input.signer.name,
          email: input.signer.email,
          customFields: [`closepathContactId:${input.signer.contactId}`],
          tabs: {
            signHereTabs: [
              {
                anchorString: SIGNATURE_ANCHOR,
                anchorUnits: 'pixels',
                anchorXOffset: '0',
                anchorYOffset: '0',
                anchorIgnoreIfNotPresent: 'false',
              },
            ],
          },
        },
      ],
    },
    customFields: {
      textCustomFields: envelopeCustomFields(input).map((field) => ({
        ...field,
        show: 'false',
        required: 'false',
      })),
    },
    eventNotification: {
      url: connectUrl,
      requireAcknowledgment: 'true',
      includeHMAC: 'true',
      loggingEnabled: 'true',
      deliveryMode: 'SIM',
      events: [...ENVELOPE_EVENTS],
      eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
    },
  };
}
