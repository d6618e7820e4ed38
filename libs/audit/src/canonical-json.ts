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

function jsonString(text: string): string {
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
