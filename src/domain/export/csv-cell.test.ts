import { describe, expect, it } from 'vitest';
import { guardCell, guardRow } from './csv-cell.js';

describe('CSV cells guarded against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('prefixes %j with an apostrophe', (text, guarded) => {
    expect(guardCell(text)).toBe(guarded);
  });

  it.each(['Acme GmbH', 'a=b', '1500.00', ''])('leaves %j as it is', (text) => {
    expect(guardCell(text)).toBe(text);
  });

  it('writes numbers as text and null as an empty cell', () => {
    expect(guardRow(['x', 12, null, undefined, true])).toEqual(['x', '12', '', '', 'true']);
  });
});
