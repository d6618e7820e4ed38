import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AuditedEvent, AuditedEventRow } from './audit-log.port.js';
import type { ReplayedHead, ReplayVerdict } from './chain-verifier.js';

/** One proposal to replay: the row's parts replay is held against, and its events (as rows where at hand). */
export interface ReplayJob {
  head: ReplayedHead;
  rows?: readonly AuditedEventRow[];
  events?: readonly AuditedEvent[];
}

/**
 * A batch as it crosses to the thread: the rows' columns replay reads, as flat arrays (a third of the cost of
 * copying the row objects, and no hashes, which replay does not read); or the events themselves.
 */
export interface ReplayBatch {
  id: number;
  heads: ReplayedHead[];
  /** How many events of the columns (or lists) below are each job's. */
  sizes: number[];
  columns?: {
    proposalId: string[];
    seq: number[];
    type: string[];
    actorJson: string[];
    at: string[];
    payloadJson: string[];
    machineVersion: number[];
    state: string[];
  };
  events?: (readonly AuditedEvent[])[];
}

export type ReplayAnswer = { id: number; verdicts: ReplayVerdict[] } | { id: number; error: string };

/**
 * Replay on a second thread, so that a walk over the whole log uses both cores: replaying a proposal through
 * XState costs about as much as reading, decoding and hashing its events, which stay on the walk's thread.
 * Batches are answered in the order they were sent. The worker runs the same `replayVerdict` as the walk would.
 */
export class ReplayThread {
  private readonly waiting = new Map<number, { resolve: (verdicts: ReplayVerdict[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: ReplayAnswer) => {
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if ('error' in answer) waiter?.reject(new Error(`replay thread: ${answer.error}`));
      else waiter?.resolve(answer.verdicts);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`replay thread exited with code ${code}`)));
  }

  /** A thread, or null where its script is not built (the TypeScript sources run without a build). */
  static start(): ReplayThread | null {
    const script = workerScript();
    return script ? new ReplayThread(new Worker(script)) : null;
  }

  replay(jobs: ReplayJob[]): Promise<ReplayVerdict[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answered = new Promise<ReplayVerdict[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage(packed(id, jobs));
    return answered;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('replay thread closed');
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/** The worker's compiled script: beside this module in the build; from the sources, the build's copy if any. */
function workerScript(): URL | null {
  for (const candidate of ['./replay.worker.js', '../../../dist/libs/audit/src/replay.worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

function packed(id: number, jobs: readonly ReplayJob[]): ReplayBatch {
  const batch: ReplayBatch = { id, heads: jobs.map((job) => job.head), sizes: [] };
  if (jobs.some((job) => !job.rows)) {
    batch.events = jobs.map((job) => job.events ?? []);
    batch.sizes = batch.events.map((events) => events.length);
    return batch;
  }
  const columns: NonNullable<ReplayBatch['columns']> = {
    proposalId: [],
    seq: [],
    type: [],
    actorJson: [],
    at: [],
    payloadJson: [],
    machineVersion: [],
    state: [],
  };
  for (const job of jobs) {
    batch.sizes.push(job.rows!.length);
    for (const row of job.rows!) {
      columns.proposalId.push(row.proposalId);
      columns.seq.push(row.seq);
      columns.type.push(row.type);
      columns.actorJson.push(row.actorJson);
      columns.at.push(row.at);
      columns.payloadJson.push(row.payloadJson);
      columns.machineVersion.push(row.machineVersion);
      columns.state.push(row.state);
    }
  }
  batch.columns = columns;
  return batch;
}

/** The thread's side of {@link packed}: each job's rows again (without their hashes, which replay never reads). */
export function unpackedJobs(batch: ReplayBatch): { head: ReplayedHead; rows?: AuditedEventRow[]; events?: readonly AuditedEvent[] }[] {
  if (!batch.columns) return batch.heads.map((head, index) => ({ head, events: batch.events![index] }));
  const columns = batch.columns;
  let next = 0;
  return batch.heads.map((head, index) => {
    const rows: AuditedEventRow[] = [];
    for (const end = next + batch.sizes[index]; next < end; next++) {
      rows.push({
        proposalId: columns.proposalId[next],
        seq: columns.seq[next],
        type: columns.type[next],
        actorJson: columns.actorJson[next],
        at: columns.at[next],
        payloadJson: columns.payloadJson[next],
        machineVersion: columns.machineVersion[next],
        state: columns.state[next],
        prevHash: '',
        hash: '',
      });
    }
    return { head, rows };
  });
}
