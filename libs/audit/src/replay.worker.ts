import { parentPort } from 'node:worker_threads';
import { replayVerdict } from './chain-verifier.js';
import { EventRowDecoder } from './event-row-decoder.js';
import { unpackedJobs, type ReplayAnswer, type ReplayBatch } from './replay-thread.js';

/** The replay thread's side (replay-thread.ts): each batch answered with one verdict per proposal, in order. */
const decoder = new EventRowDecoder();

parentPort!.on('message', (batch: ReplayBatch) => {
  const id = batch.id;
  let answer: ReplayAnswer;
  try {
    const jobs = unpackedJobs(batch);
    answer = { id, verdicts: jobs.map((job) => replayVerdict(job.head, job.rows ? decoder.decodePage(job.rows) : job.events!)) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
