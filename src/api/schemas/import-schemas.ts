import { z } from 'zod';
import { timestamp } from './record-schemas.js';

export const importRunSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('What was imported: salesforce'),
    source: z.string().describe("The source system stored beside each record's external id"),
    mode: z.enum(['dry_run', 'all_or_nothing', 'good_rows_only']),
    status: z
      .enum(['queued', 'running', 'succeeded', 'failed'])
      .describe('failed: all or nothing with bad rows (nothing written), or an unreadable file'),
    rowsTotal: z.number().int().describe('Rows expected, from a line count (quoted line breaks overcount)'),
    rowsDone: z.number().int(),
    created: z.number().int(),
    updated: z.number().int().describe('Records imported before under the same external id, updated'),
    rejected: z.number().int().describe('Bad rows'),
    errorCount: z.number().int(),
    errors: z
      .array(z.object({ file: z.string(), line: z.number().int(), field: z.string(), message: z.string() }))
      .describe('The first 1000 problems, by file and line (the header is line 1) and column'),
    startedAt: timestamp,
    finishedAt: timestamp.nullable(),
    byUser: z.string(),
  })
  .meta({ id: 'ImportRun' });

export const importUploadSchema = z
  .object({
    id: z.string().describe('Give it to startImport as accountsUploadId or opportunitiesUploadId'),
    file: z.enum(['accounts', 'opportunities']),
    name: z.string(),
    bytes: z.number().int(),
    lines: z
      .number()
      .int()
      .describe('Line breaks counted (quoted line breaks included), the header among them'),
    createdAt: timestamp,
  })
  .meta({ id: 'ImportUpload' });
