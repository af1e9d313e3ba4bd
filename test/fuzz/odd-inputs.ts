/** Inputs no schema describes but every server meets: odd text, bad ids and cursors, odd bodies. */

/** Control characters, NUL, lone surrogates, bidi overrides, zero-width and combining marks, emoji, very long. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u0008\u001b\u001f\u007f',
  '\t\r\n\v\f',
  '\uD800',
  'x\uDFFF',
  'a\uD83D',
  '\uDE00\uD83D',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕬𝖈𝖒𝖊 ﷽',
  'עִבְרִית العربية',
  '\u0085\u00A0\u2028\u2029',
  '\uFFFE\uFFFF',
  '\u{10FFFF}',
  "'; DROP TABLE accounts; --",
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00%ZZ%',
  '$' + '{7*7}{{7*7}}',
  '\\"\\\\',
  'null',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9'.repeat(400),
  'a'.repeat(70_000),
  '😀'.repeat(5_000),
];

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const cursorOf = (key: unknown) => base64url(JSON.stringify(key));

/** Cursors made by hand: other shapes, parts of the wrong kind, numbers past any id, not JSON, too long. */
export const HAND_MADE_CURSORS: readonly string[] = [
  cursorOf([]),
  cursorOf([1]),
  cursorOf(['x']),
  cursorOf([null, null]),
  cursorOf({ id: 'x' }),
  cursorOf('opp_x'),
  cursorOf([1e300]),
  cursorOf([-1]),
  cursorOf([2 ** 53]),
  cursorOf(['1e400']),
  cursorOf(['0000-01-01', 'opp_x']),
  cursorOf(['9999-12-31', 'opp_x']),
  cursorOf(['2026-02-30', 'opp_x']),
  cursorOf(['2026-11-30T14:00:00Z', 'x']),
  cursorOf(['0000-01-01T00:00:00Z', 1]),
  cursorOf(['a\u0000', 'acc_x']),
  cursorOf(['\uD800', 'acc_x']),
  cursorOf([{ a: 1 }, ['b']]),
  cursorOf(['a'.repeat(300)]),
  cursorOf([true, false, 1, 'x', null]),
  base64url('not json'),
  base64url('[1,'),
  Buffer.from([0xff, 0xfe, 0xc0, 0xaf]).toString('base64url'),
  'A',
  '-',
  '_',
  'AAAA',
  'x'.repeat(512),
  'x'.repeat(513),
  'eyJ',
];

/** Path ids that are no record: other formats, traversal, encodings the server must decode or refuse. */
export const BAD_IDS: readonly { text?: string; raw?: string }[] = [
  { text: 'x' },
  { text: 'opp_0000000000000000000' },
  { text: '0' },
  { text: '-1' },
  { text: '1e9' },
  { text: 'null' },
  { text: 'undefined' },
  { text: '00000000-0000-0000-0000-000000000000' },
  { text: ' ' },
  { text: '..' },
  { text: 'a'.repeat(64) },
  { text: 'a'.repeat(65) },
  { text: 'a'.repeat(5_000) },
  { text: '😀' },
  { text: '\u0000' },
  { text: '\uD800' },
  { text: "1' OR '1'='1" },
  { raw: '%2e%2e' },
  { raw: '%2F' },
  { raw: '%ZZ' },
  { raw: '%' },
  { raw: '%C0%AF' },
  { raw: '%ED%A0%80' },
  { raw: '%FF' },
  { raw: 'a%20b' },
  { raw: '%E2%80%AE' },
];

/** Nesting `depth` levels deep, as JSON text (too deep for JSON.stringify to be a safe way to build it). */
export function deeplyNested(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

export const NESTING_DEPTHS = [8, 31, 32, 33, 1_000, 50_000] as const;

/** Bodies that are not the JSON object an operation reads: wrong types, broken JSON, other media types. */
export const ODD_BODIES: readonly { contentType?: string; payload: string }[] = [
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: '{' },
  { contentType: 'application/json', payload: '{"a":1,}' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'application/json', payload: '[]' },
  { contentType: 'application/json', payload: '"text"' },
  { contentType: 'application/json', payload: '12' },
  { contentType: 'application/json', payload: 'true' },
  { contentType: 'application/json', payload: '\uFEFF{}' },
  { contentType: 'application/json', payload: '{"__proto__":{"admin":true}}' },
  { contentType: 'application/json', payload: '{"constructor":{"prototype":{"admin":true}}}' },
  { contentType: 'application/json', payload: '{"a":1,"a":2}' },
  { contentType: 'application/json', payload: '{"a":"\\ud800"}' },
  { contentType: 'application/json', payload: '{"a":1e999999}' },
  { contentType: 'application/json; charset=utf-16', payload: '{}' },
  { contentType: 'application/json; charset=latin1', payload: '{}' },
  { contentType: 'APPLICATION/JSON', payload: '{}' },
  { contentType: 'application/problem+json', payload: '{}' },
  { contentType: 'application/vnd.api+json', payload: '{}' },
  { contentType: 'text/plain', payload: '{}' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'name=x&amountMinor=1' },
  {
    contentType: 'multipart/form-data; boundary=x',
    payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  },
  { contentType: 'application/xml', payload: '<a/>' },
  { contentType: 'application/octet-stream', payload: '\u0000\u0001' },
  { contentType: '', payload: '{}' },
  { contentType: ';;', payload: '{}' },
  { payload: '{}' },
];
