/**
 * Test support only (never exported from the barrel, excluded from the build): the AuditLog port over arrays,
 * paging like the SQL adapter (ordered by id, then by (proposalId, seq)), with tiny pages by default so that specs
 * cross page boundaries, a proposal's events split over two pages included.
 */
import { AuditLog, type AuditedEvent, type AuditedProposal, type EventRange, type StoredCheckpoint } from '../audit-log.port.js';
import type { CheckpointHead } from '../merkle.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface InMemoryAuditLogOptions {
  pageSize?: number;
  /** Hand out copies, as a database does; turn off to measure the verifier rather than structuredClone. */
  copies?: boolean;
  /** Keep the heads checkpoints are made from, as a store with a table for them does. Default true. */
  keepsCheckpointHeads?: boolean;
}

export class InMemoryAuditLog extends AuditLog {
  /** Tamper with these directly, as a test with the SQLite file open would. */
  readonly rows = new Map<string, AuditedProposal>();
  eventRows: AuditedEvent[] = [];
  readonly savedCheckpoints: StoredCheckpoint[] = [];
  /** Checkpoint id → its heads, in the order they were saved; tamper with them as with the rows. */
  readonly savedHeads = new Map<string, CheckpointHead[]>();
  /** Pages handed out so far, so that a spec can tell its walk really crossed page boundaries. */
  pagesRead = 0;
  private readonly pageSize: number;
  private readonly copies: boolean;
  private readonly keepsCheckpointHeads: boolean;

  constructor(options: InMemoryAuditLogOptions = {}) {
    super();
    this.pageSize = options.pageSize ?? 3;
    this.copies = options.copies ?? true;
    this.keepsCheckpointHeads = options.keepsCheckpointHeads ?? true;
  }

  add(...logs: { head: AuditedProposal | null; events: readonly AuditedEvent[] }[]): this {
    for (const log of logs) {
      if (log.head) this.rows.set(log.head.id, structuredClone(log.head));
      this.eventRows.push(...structuredClone(log.events));
    }
    return this;
  }

  event(proposalId: string, seq: number): AuditedEvent {
    const found = this.eventRows.find((event) => event.proposalId === proposalId && event.seq === seq);
    if (!found) throw new Error(`no event ${proposalId}#${seq}`);
    return found;
  }

  async *proposals(pageSize = this.pageSize): AsyncIterable<AuditedProposal[]> {
    const sorted = [...this.rows.values()].sort((a, b) => compare(a.id, b.id));
    yield* this.paged(sorted, pageSize);
  }

  async *events(range: EventRange = {}, pageSize = this.pageSize): AsyncIterable<AuditedEvent[]> {
    const selected = this.eventRows
      .filter(
        (event) =>
          (range.proposalId === undefined || event.proposalId === range.proposalId) &&
          (range.from === undefined || event.at >= range.from) &&
          (range.to === undefined || event.at < range.to),
      )
      .sort((a, b) => compare(a.proposalId, b.proposalId) || a.seq - b.seq);
    yield* this.paged(selected, pageSize);
  }

  async proposal(id: string): Promise<AuditedProposal | null> {
    const row = this.rows.get(id);
    return row ? this.copy(row) : null;
  }

  async eventsOf(proposalId: string): Promise<AuditedEvent[]> {
    const events: AuditedEvent[] = [];
    for await (const page of this.events({ proposalId }, Number.MAX_SAFE_INTEGER)) events.push(...page);
    return events;
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    this.savedCheckpoints.push(structuredClone(checkpoint));
  }

  async checkpoints(limit: number): Promise<StoredCheckpoint[]> {
    return [...this.savedCheckpoints]
      .sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id))
      .slice(0, limit)
      .map((checkpoint) => this.copy(checkpoint));
  }

  async checkpoint(id: string): Promise<StoredCheckpoint | null> {
    const found = this.savedCheckpoints.find((checkpoint) => checkpoint.id === id);
    return found ? this.copy(found) : null;
  }

  override async saveCheckpointHeads(checkpointId: string, heads: readonly CheckpointHead[]): Promise<boolean> {
    if (!this.keepsCheckpointHeads) return false;
    const kept = this.savedHeads.get(checkpointId) ?? [];
    kept.push(...structuredClone(heads));
    this.savedHeads.set(checkpointId, kept);
    return true;
  }

  override async *checkpointHeads(checkpointId: string, pageSize = this.pageSize): AsyncIterable<CheckpointHead[]> {
    const sorted = [...(this.savedHeads.get(checkpointId) ?? [])].sort((a, b) => compare(a.proposalId, b.proposalId));
    yield* this.paged(sorted, pageSize);
  }

  private async *paged<T>(items: T[], pageSize: number): AsyncIterable<T[]> {
    for (let start = 0; start < items.length; start += pageSize) {
      this.pagesRead++;
      yield items.slice(start, start + pageSize).map((item) => this.copy(item));
    }
  }

  private copy<T>(item: T): T {
    return this.copies ? structuredClone(item) : item;
  }
}
