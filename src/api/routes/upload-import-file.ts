import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../app/app-error.js';
import { MAX_UPLOAD_BYTES, receiveImportUpload, uploadQuery } from '../../app/imports/receive-upload.js';
import { problemResponses } from '../errors/problem.js';
import { fail, unwrap } from '../errors/unwrap.js';
import { importUploadSchema } from '../schemas/import-schemas.js';

export const uploadImportFileRoute: FastifyPluginAsyncZod = async (app) => {
  // The body is the file: handed on as the request's stream, never read whole (the route stores it in chunks).
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.post(
    '/api/v1/imports/uploads',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        operationId: 'uploadImportFile',
        tags: ['imports'],
        summary: 'Upload a CSV file for an import (streamed)',
        description:
          'The body is the file itself (Content-Type: text/csv, up to 512 MB), streamed into the database a chunk ' +
          'at a time: nothing holds it whole. Start the import with its id (startImport: accountsUploadId / ' +
          'opportunitiesUploadId); a dry run keeps it for the import that follows, a writing run deletes it, ' +
          'and uploads are deleted after a day. Only its uploader may use it. RevOps (importData).',
        consumes: ['text/csv'],
        querystring: uploadQuery,
        body: z.any().describe('The CSV file'),
        response: { 201: importUploadSchema, ...problemResponses(400, 403) },
      },
    },
    async (request, reply) => {
      if (!(request.body instanceof Readable)) {
        fail(invalid([{ path: 'headers.content-type', message: 'must be text/csv: the body is the file' }]));
      }
      const upload = unwrap(
        await receiveImportUpload(request.context, request.actor, request.query, request.body),
      );
      reply.code(201);
      return {
        id: upload.id,
        file: upload.file,
        name: upload.name,
        bytes: upload.bytes,
        lines: upload.lines,
        createdAt: upload.createdAt,
      };
    },
  );
};
