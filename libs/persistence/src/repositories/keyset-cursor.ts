import { DomainError } from '#kernel';

/**
 * The cursor of a keyset page: the last row's instant and id, base64url so it travels in a query string.
 * A client may send anything back, so decoding accepts only what encoding makes: an ISO instant and an id of
 * letters, digits and dashes. Anything else (a NUL byte that PostgreSQL refuses in text, a forged instant)
 * is the caller's mistake, named as such, and never reaches SQL.
 */
export const encodeCursor = (at: string, id: string): string => Buffer.from(`${at}|${id}`).toString('base64url');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

/** The refusal of a cursor this server did not hand out. */
const notOurCursor = () =>
  new DomainError('VALIDATION_FAILED', 'cursor is not one this server handed out', {
    errors: [{ field: 'cursor', message: 'use nextCursor from the previous page' }],
  });

export function decodeCursor(cursor: string): [at: string, id: string] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [at, id] = parts;
  if (parts.length !== 2 || !INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !ID.test(id)) throw notOurCursor();
  return [at, id];
}

/**
 * The cursor of a page in name order (the registry of nominees): the last row's name key and id, as base64url
 * JSON, since a name key may hold any character but NUL (which PostgreSQL refuses in text) and is at most 300 long.
 */
export const encodeNameCursor = (key: string, id: string): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

export function decodeNameCursor(cursor: string): [key: string, id: string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurCursor();
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    value[0].length <= 300 &&
    !value[0].includes('\u0000') &&
    typeof value[1] === 'string' &&
    ID.test(value[1])
  ) {
    return [value[0], value[1]];
  }
  throw notOurCursor();
}

/**
 * The cursor of a page ordered by deadline (the caller's turn): which part of the list it stands in (`due`:
 * proposals with a deadline, by deadline_due_at; `none`: those without, by created_at), the last row's key
 * there and its id. Decoding accepts only what encoding makes, as above.
 */
export type DeadlinePart = 'due' | 'none';

export const encodeDeadlineCursor = (part: DeadlinePart, key: string, id: string): string =>
  Buffer.from(`${part}|${key}|${id}`).toString('base64url');

export function decodeDeadlineCursor(cursor: string): { part: DeadlinePart; key: string; id: string } {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [part, key, id] = parts;
  if (parts.length !== 3 || (part !== 'due' && part !== 'none') || !INSTANT.test(key) || Number.isNaN(Date.parse(key)) || !ID.test(id)) {
    throw notOurCursor();
  }
  return { part, key, id };
}
