import type { Actor } from '#kernel';
import type { EscalationLevel, ProposalState } from '#workflows/proposal';
import type { QuotaUsage } from '#rules';
import type { DocumentRecord } from '../document.records.js';
import type {
  CampaignRecord,
  IdempotentAnswer,
  LoggedEvent,
  OutboxMessage,
  ProposalDeadline,
  ProposalRecord,
} from '../proposal.records.js';

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
  /** Rows matching any of these are left out (the inbox's "being watched" part leaves out the caller's turn). */
  exclude?: ProposalScope[];
  /** The nominee's name contains this, both folded by foldVietnamese (docs/operations.md, "The inbox's two parts"). */
  nameContains?: string;
  /**
   * `created` (the default): keyset pages in (created_at, id) order. `deadline`: the nearest deadline first
   * (an overdue one is nearest), proposals without one after them; the cursor says which part it stands in.
   */
  order?: 'created' | 'deadline';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a command may do inside its one transaction. */
export interface ProposalWriteTx {
  load(id: string): Promise<ProposalRecord | null>;
  /** Several proposals in one read, in id order; ids that do not exist are left out. */
  loadMany(ids: readonly string[]): Promise<ProposalRecord[]>;
  insert(record: ProposalRecord, first: LoggedEvent, outbox: OutboxMessage[]): Promise<void>;
  /**
   * Writes `next` only where the row still has `previous.version`; false when another command got there
   * first. Quota counters follow the proposal in and out of the counted stages in the same transaction.
   */
  advance(previous: ProposalRecord, next: ProposalRecord, event: LoggedEvent, outbox: OutboxMessage[]): Promise<boolean>;
  /**
   * The campaign, read in this transaction. `forUpdate` holds it until commit, so that two FORWARDs counting
   * the same quota run one after the other (PostgreSQL; SQLite transactions never overlap anyway).
   */
  loadCampaign(id: string, forUpdate: boolean): Promise<CampaignRecord | null>;
  /**
   * The campaign's proposals past the unit stage and still alive, as the quota rules count them. The one
   * being forwarded is still in unitDecision, so it is not among them.
   */
  quotaUsage(campaignId: string, unitId: string): Promise<QuotaUsage>;
  /** The documents now in the proposal's dossier (not removed), in the order they were attached. */
  documents(proposalId: string): Promise<DocumentRecord[]>;
  /** A new document row, sealed by the event `advance` appends in the same transaction. */
  insertDocument(document: DocumentRecord): Promise<void>;
  /** Stamps a document as removed; the row stays. False when it was not there to remove. */
  markDocumentRemoved(document: DocumentRecord, removedSeq: number, removedBy: Actor, removedAt: string): Promise<boolean>;
  findAnswer(principal: string, key: string): Promise<IdempotentAnswer | null>;
  rememberAnswer(principal: string, key: string, answer: IdempotentAnswer, at: string): Promise<void>;
}

export abstract class ProposalRepository {
  /** Runs `work` in one database transaction; on SQLite, write transactions never interleave. */
  abstract transaction<T>(work: (tx: ProposalWriteTx) => Promise<T>): Promise<T>;
  abstract findById(id: string): Promise<ProposalRecord | null>;
  abstract list(filter: ProposalFilter, cursor: string | null, limit: number): Promise<Page<ProposalRecord>>;
  abstract history(id: string): Promise<LoggedEvent[]>;
  /** The dossier's documents, in the order attached; removed ones too when asked (the auditor's view). */
  abstract documents(proposalId: string, includeRemoved?: boolean): Promise<DocumentRecord[]>;
  abstract document(proposalId: string, documentId: string): Promise<DocumentRecord | null>;
  /** The same count as {@link ProposalWriteTx.quotaUsage}, read outside a command (what a screen shows). */
  abstract quotaUsage(campaignId: string, unitId: string): Promise<QuotaUsage>;
  /** Proposals whose deadline is still open (in one of `states`; of one campaign if named), in batches. */
  abstract openDeadlines(states: readonly ProposalState[], campaignId?: string): AsyncIterable<ProposalRecord[]>;
  /**
   * Ids of the proposals in `states` whose deadline ends at exactly `dueAt` (under `rule`, when one is named)
   * and whose escalation is one of `escalation`, in id order after `afterId`: the proposals a timer storm has
   * to reach.
   */
  abstract dueAtInstant(
    dueAt: string,
    states: readonly ProposalState[],
    escalation: readonly EscalationLevel[],
    afterId: string,
    limit: number,
    rule?: 'DX-4' | 'TH-5' | null,
  ): Promise<string[]>;
  /**
   * Writes many deadlines in one transaction, with a message for the timers; the snapshot and the log are
   * untouched (a deadline is derived from them and the calendar).
   */
  abstract setDeadlines(changes: { id: string; deadline: ProposalDeadline | null }[], notice: OutboxMessage, at: string): Promise<void>;
  /** Gives every open thematic proposal of a campaign the same deadline in one statement (TH-5). */
  abstract setCampaignDeadline(
    campaignId: string,
    states: readonly ProposalState[],
    deadline: ProposalDeadline | null,
    notice: OutboxMessage,
    at: string,
  ): Promise<number>;
}
