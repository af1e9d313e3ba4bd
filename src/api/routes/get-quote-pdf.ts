import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getQuotePdf } from '../../app/closing/get-quote-pdf.js';
import { problemResponses } from '../errors/problem.js';
import { unwrap } from '../errors/unwrap.js';
import { idParams } from '../schemas/record-schemas.js';

const pdfResponse = {
  description: 'The quote PDF, as stored; its ETag is its SHA-256 (hex)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

export const getQuotePdfRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/quotes/:id/pdf',
    {
      schema: {
        operationId: 'getQuotePdf',
        tags: ['closing'],
        summary: "Download a quote's PDF",
        description:
          'Whoever may see the deal may download it (404 otherwise); the file is named by the quote number.',
        params: idParams,
        response: { 200: pdfResponse, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const quote = unwrap(await getQuotePdf(request.context, request.actor, request.params.id));
      // The schema documents a binary string; Fastify sends a Buffer as-is (no serializer), so it is passed as one.
      const bytes = Buffer.from(
        quote.pdf.buffer,
        quote.pdf.byteOffset,
        quote.pdf.byteLength,
      ) as unknown as string;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${quote.number}.pdf"`)
        .header('etag', `"${quote.sha256}"`)
        .header('content-length', String(quote.byteSize))
        .send(bytes);
    },
  );
};
