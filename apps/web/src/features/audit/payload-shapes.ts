import type { Decision, Vote } from '#workflows/proposal';

/*
 * A log line holds whatever was written into it, and a tampered one anything at all: only what has the
 * expected shape is shown as a vote or a decision, so a strange line shows as missing fields, not as a crash.
 */

export function asVote(value: unknown): Vote | null {
  const vote = value as Partial<Vote> | null;
  return vote && typeof vote === 'object' && typeof vote.members === 'number' && typeof vote.for === 'number' && typeof vote.against === 'number'
    ? (vote as Vote)
    : null;
}

/**
 * A decision as the replay shows it: its number is enough, a missing date or signer shows as blank. `complete`
 * asks for all three, as the history of a proposal does (features/proposal/history-payload.ts).
 */
export function asDecision(value: unknown, { complete = false }: { complete?: boolean } = {}): Decision | null {
  const decision = value as Partial<Decision> | null;
  if (!decision || typeof decision !== 'object' || typeof decision.number !== 'string') return null;
  if (complete && (typeof decision.date !== 'string' || typeof decision.signedBy !== 'string')) return null;
  return {
    number: decision.number,
    date: typeof decision.date === 'string' ? decision.date : '',
    signedBy: typeof decision.signedBy === 'string' ? decision.signedBy : '—',
  };
}

export function asMigration(payload: Record<string, unknown>): { fromVersion: number; toVersion: number } | null {
  return typeof payload.fromVersion === 'number' && typeof payload.toVersion === 'number'
    ? { fromVersion: payload.fromVersion, toVersion: payload.toVersion }
    : null;
}
