import { type CsvTable, parseCsv } from './csv-text';

/** A file chosen in the browser, read whole (File.text()) and parsed for the wizard's previews. */
export interface UploadedFile {
  name: string;
  size: number;
  text: string;
  table: CsvTable;
}

export async function readUploadedFile(file: File): Promise<UploadedFile> {
  const text = await file.text();
  return { name: file.name, size: file.size, text, table: parseCsv(text) };
}

/** A size in words: 812 bytes, 14.2 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const rowsInWords = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
