import type { ProposalState } from '#workflows/proposal';
import type { IdempotentAnswer, LoggedEvent, OutboxMessage, ProposalRecord } from '../proposal.records.js';

/** One clause of a list filter; clauses are OR-ed (an inbox spans unit stages and provincial stages). */
export interface ProposalScope {
  states?: ProposalState[];
  unitId?: string;
}

export interface ProposalFilter {
  scopes: ProposalScope[];
  state?: ProposalState;
  unitId?: string;
  campaignId?: string;
  late?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a command may do inside its one transaction. */
export interface ProposalWriteTx {
  load(id: string): Promise<ProposalRecord | null>;
  insert(record: ProposalRecord, first: LoggedEvent, outbox: OutboxMessage[]): Promise<void>;
  /** Writes `next` only where the row still has `expectedVersion`; false when another command got there first. */
  advance(next: ProposalRecord, expectedVersion: number, event: LoggedEvent, outbox: OutboxMessage[]): Promise<boolean>;
  findAnswer(principal: string, key: string): Promise<IdempotentAnswer | null>;
  rememberAnswer(principal: string, key: string, answer: IdempotentAnswer): Promise<void>;
}

export abstract class ProposalRepository {
  /** Runs `work` in one database transaction; on SQLite, write transactions never interleave. */
  abstract transaction<T>(work: (tx: ProposalWriteTx) => Promise<T>): Promise<T>;
  abstract findById(id: string): Promise<ProposalRecord | null>;
  abstract list(filter: ProposalFilter, cursor: string | null, limit: number): Promise<Page<ProposalRecord>>;
  abstract history(id: string): Promise<LoggedEvent[]>;
}
