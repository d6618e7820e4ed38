/**
 * Test support only (never exported from the barrel, excluded from the build): the AuditLog port over arrays,
 * paging like the SQL adapter (ordered by id, then by (proposalId, seq)), with tiny pages by default so that specs
 * cross page boundaries, a proposal's events split over two pages included.
 */
import { AuditLog, type AuditedEvent, type AuditedProposal, type EventRange, type StoredCheckpoint } from '../audit-log.port.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface InMemoryAuditLogOptions {
  pageSize?: number;
  /** Hand out copies, as a database does; turn off to measure the verifier rather than structuredClone. */
  copies?: boolean;
}

export class InMemoryAuditLog extends AuditLog {
  /** Tamper with these directly, as a test with the SQLite file open would. */
  readonly rows = new Map<string, AuditedProposal>();
  eventRows: AuditedEvent[] = [];
  readonly savedCheckpoints: StoredCheckpoint[] = [];
  /** Pages handed out so far, so that a spec can tell its walk really crossed page boundaries. */
  pagesRead = 0;
  private readonly pageSize: number;
  private readonly copies: boolean;

  constructor(options: InMemoryAuditLogOptions = {}) {
    super();
    this.pageSize = options.pageSize ?? 3;
    this.copies = options.copies ?? true;
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
