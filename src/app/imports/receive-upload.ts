import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import {
  deleteImportUploads,
  findImportUpload,
  type ImportUpload,
  insertImportUpload,
  insertImportUploadChunk,
  markImportUploadReady,
} from '../../db/repositories/import-uploads-repo.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { checkImportRight } from './import-salesforce.js';

/** The largest file one upload takes (bigger: `closepath import salesforce` reads files of any size). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Characters per stored chunk: what an upload or a run holds of a file at a time. */
const CHUNK_CHARS = 1_000_000;

export const uploadQuery = z.strictObject({
  file: z
    .enum(['accounts', 'opportunities'])
    .describe('Which export the file is: Account.csv or Opportunity.csv'),
  name: z.string().trim().min(1).max(200).optional().describe('The file name, as the user chose it'),
});
export type UploadQuery = z.infer<typeof uploadQuery>;

const newlines = (text: string) => {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
};

/**
 * Streams an uploaded CSV into the database a chunk at a time (`importData`): the file is never held whole.
 * Answers the upload with its size and line count (a run's progress estimate); over MAX_UPLOAD_BYTES, or if the
 * stream breaks, what was stored is deleted.
 */
export async function receiveImportUpload(
  context: AppContext,
  actor: Actor,
  query: UploadQuery,
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  chunkChars = CHUNK_CHARS,
): Promise<Result<ImportUpload, AppError>> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  const id = context.newId('upl');
  const fallbackName = query.file === 'accounts' ? 'Account.csv' : 'Opportunity.csv';
  await insertImportUpload(context.db, {
    id,
    file: query.file,
    name: query.name ?? fallbackName,
    byUser: actor.id,
    createdAt: context.now(),
  });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let seq = 0;
  let bytes = 0;
  let lines = 0;
  let last = '';
  const flush = async (all: boolean) => {
    while (pending.length >= chunkChars || (all && pending.length > 0)) {
      const chunk = pending.slice(0, chunkChars);
      pending = pending.slice(chunk.length);
      await insertImportUploadChunk(context.db, id, seq, chunk);
      seq += 1;
    }
  };
  try {
    for await (const piece of body) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += buffer.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        await deleteImportUploads(context.db, [id]);
        return err(
          invalid([
            { path: 'body', message: 'larger than 512 MB: import it with `closepath import salesforce`' },
          ]),
        );
      }
      const text = decoder.write(buffer);
      if (text.includes('\u0000')) {
        await deleteImportUploads(context.db, [id]);
        const line = lines + newlines(text.slice(0, text.indexOf('\u0000'))) + 1;
        return err(
          invalid([{ path: 'body', message: `line ${line} holds a NUL character: not a CSV text file` }]),
        );
      }
      lines += newlines(text);
      if (text) last = text;
      pending += text;
      await flush(false);
    }
    const tail = decoder.end();
    if (tail) last = tail;
    pending += tail;
    await flush(true);
  } catch (error) {
    await deleteImportUploads(context.db, [id]);
    throw error;
  }
  if (last && !last.endsWith('\n')) lines += 1;
  await markImportUploadReady(context.db, id, { bytes, lines });
  const upload = await findImportUpload(context.db, id);
  return upload ? ok(upload) : err(notFound('import upload', id));
}
