import { z } from 'zod';

/**
 * The eSignature REST v2.1 request shapes the fake checks, written from DocuSign's reference ("Envelopes:
 * create", EnvelopeDefinition, Document, Signer, SignHere, EventNotification, ConnectEventData) — the
 * fields Closepath sends, each as documented: strings for numbers and booleans, as DocuSign's API takes them.
 */
const boolText = z.enum(['true', 'false']);
const intText = z.string().regex(/^[1-9]\d*$/, 'a positive integer as text');

const pdfBase64 = z
  .string()
  .min(8)
  .refine((value) => Buffer.from(value, 'base64').subarray(0, 5).toString('latin1') === '%PDF-', {
    message: 'documentBase64 does not decode to a PDF',
  });

export const envelopeDefinitionShape = z.object({
  status: z.literal('sent'),
  emailSubject: z.string().min(1).max(100),
  documents: z
    .array(
      z.object({
        documentId: intText,
        name: z.string().min(1).max(100),
        fileExtension: z.literal('pdf'),
        documentBase64: pdfBase64,
      }),
    )
    .min(1),
  recipients: z.object({
    signers: z
      .array(
        z.object({
          recipientId: intText,
          routingOrder: intText,
          name: z.string().min(1).max(100),
          email: z.email(),
          customFields: z.array(z.string()).optional(),
          tabs: z.object({
            signHereTabs: z
              .array(
                z.object({
                  anchorString: z.string().min(1),
                  anchorUnits: z.enum(['pixels', 'inches', 'mms', 'cms']),
                  anchorXOffset: z.string(),
                  anchorYOffset: z.string(),
                  anchorIgnoreIfNotPresent: boolText,
                }),
              )
              .min(1),
          }),
        }),
      )
      .length(1),
  }),
  customFields: z.object({
    textCustomFields: z.array(
      z.object({ name: z.string().min(1), value: z.string().min(1), show: boolText, required: boolText }),
    ),
  }),
  eventNotification: z.object({
    url: z.url({ protocol: /^https$/ }),
    requireAcknowledgment: z.literal('true'),
    includeHMAC: z.literal('true'),
    loggingEnabled: boolText,
    deliveryMode: z.literal('SIM'),
    events: z.array(
      z.enum([
        'envelope-sent',
        'envelope-delivered',
        'envelope-completed',
        'envelope-declined',
        'envelope-voided',
        'recipient-completed',
      ]),
    ),
    eventData: z.object({
      version: z.literal('restv2.1'),
      format: z.literal('json'),
      includeData: z.array(z.enum(['custom_fields', 'recipients', 'documents', 'tabs', 'extensions'])),
    }),
  }),
});
export type EnvelopeRequest = z.infer<typeof envelopeDefinitionShape>;

export const tokenRequestShape = z.object({
  grant_type: z.literal('urn:ietf:params:oauth:grant-type:jwt-bearer'),
  assertion: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'a compact JWT'),
});
