import { describe, expect, it } from 'vitest';
import { cellOf, parseCsv } from './csv-text';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and quoted line breaks as one cell', () => {
    const table = parseCsv('\uFEFFId,Name,Note\r\n1,"Acme, Inc.","say ""hi""\nthere"\r\n\r\n2,Beta,\r\n');
    expect(table.header).toEqual(['Id', 'Name', 'Note']);
    expect(table.rows).toEqual([
      ['1', 'Acme, Inc.', 'say "hi"\nthere'],
      ['2', 'Beta', ''],
    ]);
  });

  it('refuses a broken quote, naming the line (the upload step shows it)', () => {
    expect(() => parseCsv('Id,Name\n1,"Acme\n2,"Beta" Inc\n')).toThrow(/line 3/);
  });

  it('reads a last row without a line break, and a header alone as no rows', () => {
    expect(parseCsv('A,B\n1,2').rows).toEqual([['1', '2']]);
    expect(parseCsv('A,B\n').rows).toEqual([]);
    expect(parseCsv('').header).toEqual([]);
  });

  it('takes the first non-blank of several columns', () => {
    const table = parseCsv('OwnerId,OwnerEmail\n, a@b.c \n');
    const [row = []] = table.rows;
    expect(cellOf(table, row, 'Owner.Email', 'OwnerEmail')).toBe('a@b.c');
    expect(cellOf(table, row, 'OwnerId')).toBe('');
  });
});
