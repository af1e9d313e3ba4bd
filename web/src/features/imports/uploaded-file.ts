import { type CsvTable, parseCsv } from './csv-text';

/** How much of a file the browser reads for the previews; the upload streams the whole file from disk. */
export const PREVIEW_BYTES = 8_000_000;
/** The largest file the server takes in one upload (its MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** A file chosen in the browser: the file itself (uploaded as it is) and a parsed preview of its start. */
export interface UploadedFile {
  name: string;
  size: number;
  file: Blob;
  table: CsvTable;
  /** Whether the preview is the whole file (else its first PREVIEW_BYTES, cut at a whole row). */
  whole: boolean;
}

/** The first rows of a file's text that parse: a cut may fall inside a quoted cell, so rows are dropped until they do. */
function parseStart(text: string): CsvTable {
  let end = text.lastIndexOf('\n');
  for (let attempt = 0; attempt < 50 && end > 0; attempt++) {
    try {
      return parseCsv(text.slice(0, end + 1));
    } catch {
      end = text.lastIndexOf('\n', end - 1);
    }
  }
  return parseCsv(text.slice(0, Math.max(0, end + 1)));
}

export async function readUploadedFile(file: File): Promise<UploadedFile> {
  const whole = file.size <= PREVIEW_BYTES;
  const text = await (whole ? file : file.slice(0, PREVIEW_BYTES)).text();
  return { name: file.name, size: file.size, file, table: whole ? parseCsv(text) : parseStart(text), whole };
}

/** A size in words: 812 bytes, 14.2 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const rowsInWords = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;

/** The rows of a file in words: counted when the preview is the whole file, else estimated from its size. */
export function fileRowsInWords(file: UploadedFile): string {
  if (file.whole) return rowsInWords(file.table.rows.length);
  const estimate = Math.round((file.table.rows.length * file.size) / PREVIEW_BYTES / 1000) * 1000;
  return `about ${estimate.toLocaleString('en')} rows (values below from the first ${rowsInWords(file.table.rows.length)})`;
}
