/**
 * One byte sequence per value, whatever the database or the key order it came back in: object keys sorted,
 * no whitespace, `undefined` members dropped (as JSON.stringify does). The hash chain is computed over this,
 * so it must never change; a new encoding would need a new chain version.
 *
 * Written for speed, since every event is encoded once per verification: plain loops appending to one string,
 * and JSON.stringify only for the strings and numbers whose encoding is not trivially the same. The spec checks
 * the output byte for byte against the straightforward definition.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      // Same digits as JSON.stringify for every finite number (-0 included); JSON has no NaN or Infinity.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? arrayJson(value) : objectJson(value as Record<string, unknown>);
    default:
      // undefined, functions and symbols encode as JSON.stringify encodes them inside an array; bigint throws.
      return JSON.stringify(value) ?? 'null';
  }
}

/** Only quotes, backslashes, control characters and lone surrogate halves need JSON.stringify's escaping. */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it (exported for the encoders built on this one). */
export function jsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ',';
    const item = items[index];
    text += item === undefined ? 'null' : canonicalJson(item);
  }
  return `${text}]`;
}

function objectJson(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${jsonString(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

const isEnumerableOwn = Object.prototype.propertyIsEnumerable;

/**
 * Whether two values have the same canonical encoding, without encoding them when they are alike member for
 * member (the usual answer when replay is compared with a stored snapshot); otherwise the encodings decide.
 */
export function sameCanonicalJson(a: unknown, b: unknown): boolean {
  return alike(a, b) || canonicalJson(a) === canonicalJson(b);
}

/**
 * Alike implies the same encoding: equal primitives (NaN and bigint left to the encoder), or arrays of the same
 * length alike item by item, or objects with the same own enumerable keys alike member by member, which is all
 * that canonicalJson reads. The converse does not hold (NaN and null encode alike, and so do objects that differ
 * only in undefined members), so `false` only means the encodings must be compared.
 */
function alike(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return a === b && typeof a !== 'bigint';
  if (typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!alike(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of keys) {
    if (!isEnumerableOwn.call(right, key) || !alike(left[key], right[key])) return false;
  }
  return true;
}
