import fc from 'fast-check';

/**
 * What an attacker, a broken client or a copy-paste from Word sends. Everything here is a
 * fast-check arbitrary so a failure shrinks to its smallest counterexample.
 */

/** Pieces of HTML that would run if a page put them out as sent: a response must never contain them raw. */
export const HTML_MARKERS = ['<script>pcfuzz(1)</script>', '"><img src=x onerror=pcfuzz(2)>', "'><svg/onload=pcfuzz(3)>", '<iframe src=javascript:pcfuzz(4)>'];
/** The opening of each marker: found unescaped in an HTML answer, it is an injection. */
export const HTML_MARKER_HEADS = ['<script>pcfuzz', '<img src=x onerror=pcfuzz', '<svg/onload=pcfuzz', '<iframe src=javascript:pcfuzz'];

const SQL = ["' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', "admin'--", "1' UNION SELECT password_hash FROM users--", "'||(SELECT version())||'", '%\' AND 1=1 --', '$1', "\\'; --", 'E\'\\x00\''];
const VIETNAMESE = ['Nguyễn Văn Hùng', 'Rơ Mah Thuận', "Siu H'Nhi", 'Ủy ban nhân dân xã Ia Dom', 'Đức Cơ'];
const UNICODE = [
  ...VIETNAMESE.map((name) => name.normalize('NFD')),
  'Ia\u200dDom', // zero-width joiner
  'Đức\u200bCơ', // zero-width space
  '\u202egnùH năV nễyugN', // right-to-left override
  'Nguy\u0065\u0302\u0303n', // stacked combining marks
  'a' + '\u0301'.repeat(200),
  '\ufeffGL', // byte order mark
  '\ud800', // lone high surrogate
  'x\udfffy', // lone low surrogate
  '\u0000', // NUL, which PostgreSQL text refuses
  'a\u0000b',
  '\u0001\u001f\u007f',
  'Sở <a@b.vn>\r\nBcc: x@y.vn', // header injection
  'ＧＬ', // full-width letters
  'АDMIN.GL', // Cyrillic А
  '🇻🇳👩‍👩‍👧',
  'İı',
];
const NUMBERISH = ['NaN', 'Infinity', '-Infinity', '1e309', '-1', '0', '-0', '0x10', '1_000', '١٢٣', '２０２７', '2027abc', ' 2027 ', '2027.0', '9007199254740993', '1,5', '1.000.000,5', '200.000.000đ'];
export const HOSTILE_DATES = ['2026-02-31', '31/02/2026', '2026-02-29', '2026-13-01', '2026-00-10', '0000-00-00', '2026-1-1', '2026-02-31T00:00:00Z', '2026-02-28T24:00:00Z', '+275760-09-13', '1970-01-01T00:00:00+25:00', 'ngày 31 tháng 2 năm 2026', '20260231', ''];
const PATHISH = ['../../etc/passwd', '..', '.', 'a/b', 'a\\b', '%00', '%2e%2e%2f', '?x=1', '#frag', ' ', '\t'];
/** Property names that walk into an object's prototype if code looks them up on a plain object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

export const HOSTILE_TEXTS: readonly string[] = [...SQL, ...HTML_MARKERS, ...UNICODE, ...NUMBERISH, ...HOSTILE_DATES, ...PATHISH, ...PROTOTYPE_KEYS, '{{7*7}}', '${7*7}', '<!--', ']]>', 'null', 'undefined', 'true'];

/** Any hostile string: one of the above, two of them glued to random text, or random code points. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_TEXTS)).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
);

/**
 * A hostile string that cannot be any real id, code, user name or token: every one of those is
 * made of `A-Za-z0-9._-` (plus `:` in ids), and this always holds some other character.
 */
export const hostileId: fc.Arbitrary<string> = hostileText.map((text) => (/[^A-Za-z0-9._:-]/.test(text) ? text : `${text}'<`));

/** A path segment sent as is, already percent-encoded, and malformed on purpose. */
export const MALFORMED_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%25%', '%00'];

/** A very long string, for limits on length (built, not generated: shrinking a megabyte helps no one). */
export const longText = (length: number) => fc.constantFrom('x', 'Đ', '<', "'").map((character) => character.repeat(length));

/** Numbers no count, year or version can be. `RAW(...)` values go out as written: JSON has no Infinity. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, -(2 ** 31), 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, -1e308),
  fc.constantFrom(...['1e309', '-1e309', '1e-400', '123456789012345678901234567890', '-0.0'].map(raw)),
  fc.double({ noDefaultInfinity: true, noNaN: true }).filter((value) => !Number.isInteger(value)),
);

/** A value of the wrong JSON type for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }),
  hostileNumber,
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.constant(deepNesting(50)),
);

/** Arrays within arrays, `depth` deep: a parser or a validator that recurses should not fall over. */
export function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A marker for a number JSON cannot spell (1e309, 30 digits): `jsonText` writes it out verbatim. */
export function raw(token: string): string {
  return `\u0000RAW:${token}\u0000`;
}

/** JSON text for a value, with `raw(...)` tokens put in as bare numbers. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000RAW:([^"\\]+)\\u0000"/g, '$1');
}

/** An object with an own property of any name, `__proto__` included, as JSON.parse would make it. */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}
