import { createHash } from 'node:crypto';
import { canonicalJson } from '#audit';
import type { IdempotencyToken } from '#proposals';
import { validationFailed } from '../errors/validation.js';

/** `If-Match: 3`, `"3"` or `W/"3"`: the proposal version the caller last saw. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw validationFailed([{ field: 'If-Match', message: 'If-Match must be the proposal version, e.g. "3"' }]);
  return Number(match[1]);
}

export function idempotencyToken(header: string | undefined, method: string, path: string, body: unknown): IdempotencyToken | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw validationFailed([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–200 visible ASCII characters' }]);
  }
  const requestHash = createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
  return { key: header, requestHash };
}
