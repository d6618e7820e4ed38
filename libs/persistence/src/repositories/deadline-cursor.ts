import { DomainError } from '#kernel';

/**
 * The cursor of a page ordered by deadline (the caller's turn): which part of the list it stands in (`due`:
 * proposals with a deadline, by deadline_due_at; `none`: those without, by created_at), the last row's key
 * there and its id. Like keyset-cursor, decoding accepts only what encoding makes.
 */
export type DeadlinePart = 'due' | 'none';

export const encodeDeadlineCursor = (part: DeadlinePart, key: string, id: string): string =>
  Buffer.from(`${part}|${key}|${id}`).toString('base64url');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

export function decodeDeadlineCursor(cursor: string): { part: DeadlinePart; key: string; id: string } {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [part, key, id] = parts;
  if (parts.length !== 3 || (part !== 'due' && part !== 'none') || !INSTANT.test(key) || Number.isNaN(Date.parse(key)) || !ID.test(id)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not one this server handed out', {
      errors: [{ field: 'cursor', message: 'use nextCursor from the previous page' }],
    });
  }
  return { part, key, id };
}
