import { DomainError } from '#kernel';
import type { ProposalWriteTx } from './ports/proposal.repository.js';

/** A client's retry token: the key, and a digest of the request it was first used for. */
export interface IdempotencyToken {
  key: string;
  requestHash: string;
}

/**
 * Runs `work` once per (principal, key): a repeat with the same request gets the first answer and writes
 * nothing; the same key on a different request is refused rather than silently answered with the wrong thing.
 * The answer is stored in the command's own transaction, so it exists exactly when the command's effects do.
 */
export async function oncePerKey<T>(
  tx: ProposalWriteTx,
  principal: string,
  token: IdempotencyToken | undefined,
  status: number,
  at: string,
  work: () => Promise<T>,
): Promise<{ body: T; status: number; replayed: boolean }> {
  if (!token) return { body: await work(), status, replayed: false };
  const earlier = await tx.findAnswer(principal, token.key);
  if (earlier) {
    if (earlier.requestHash !== token.requestHash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', {
        key: token.key,
      });
    }
    return { body: earlier.body as T, status: earlier.status, replayed: true };
  }
  const body = await work();
  await tx.rememberAnswer(principal, token.key, { requestHash: token.requestHash, status, body }, at);
  return { body, status, replayed: false };
}
