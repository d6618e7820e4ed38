import type { ReplayVerdict } from './chain-verifier.js';
import type { ReplayJob, ReplayThread } from './replay-thread.js';

/** Proposals sent to the replay thread at a time. */
export const REPLAY_BATCH = 256;
/** The replay thread is given no more batches than this at once; the walk replays the next one itself. */
const BATCHES_AHEAD = 2;

/** A batch of proposals to replay: being filled, on its way to the replay thread, answered, or kept to be replayed here. */
interface Batch {
  jobs: ReplayJob[];
  verdicts: Promise<ReplayVerdict[]> | null;
  /** Its verdicts are in (or it is replayed here): the proposals in it can be reported. */
  ready: boolean;
  local: boolean;
}

/** Where one proposal's replay went: its batch and its place in it. */
export interface ReplayTicket {
  readonly batch: Batch;
  readonly index: number;
}

const newBatch = (): Batch => ({ jobs: [], verdicts: null, ready: false, local: false });

/**
 * Shares replay between the walk and the replay thread, a batch at a time. When the thread already has
 * BATCHES_AHEAD batches to do, the walk keeps the next one and replays it itself when its turn comes: both
 * threads stay busy whichever is faster on the machine at hand.
 */
export class ReplayScheduler {
  private batch = newBatch();
  private batchesAhead = 0;

  constructor(private readonly thread: ReplayThread) {}

  add(job: ReplayJob): ReplayTicket {
    const ticket = { batch: this.batch, index: this.batch.jobs.length };
    this.batch.jobs.push(job);
    if (this.batch.jobs.length >= REPLAY_BATCH) this.dispatch();
    return ticket;
  }

  /** Whether the ticket's verdict can be had without waiting for the thread. */
  isReady(ticket: ReplayTicket): boolean {
    return ticket.batch.ready;
  }

  /** The ticket's verdict: the thread's, or `replayHere()` where the walk kept the batch. */
  async verdict(ticket: ReplayTicket, replayHere: () => ReplayVerdict): Promise<ReplayVerdict> {
    if (ticket.batch === this.batch) this.dispatch();
    return ticket.batch.local ? replayHere() : (await ticket.batch.verdicts!)[ticket.index];
  }

  /** Sends what is being filled: nothing more is coming. */
  flush(): void {
    if (this.batch.jobs.length > 0) this.dispatch();
  }

  private dispatch(): void {
    const sent = this.batch;
    this.batch = newBatch();
    if (this.batchesAhead >= BATCHES_AHEAD) {
      Object.assign(sent, { jobs: [], ready: true, local: true });
      return;
    }
    this.batchesAhead++;
    sent.verdicts = this.thread.replay(sent.jobs);
    sent.jobs = [];
    const answered = () => {
      sent.ready = true;
      this.batchesAhead--;
    };
    sent.verdicts.then(answered, answered);
  }
}
