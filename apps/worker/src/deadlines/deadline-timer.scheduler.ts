import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { WorkingCalendar } from '#calendar';
import { APP_CONFIG, type AppConfig } from '#config';
import { Clock } from '#kernel';
import {
  DEADLINE_OPEN_STATES,
  ProposalRepository,
  TIMER_LEVEL,
  timerPlan,
  type ProposalRecord,
} from '#proposals';
import { JOB_OPTIONS, QUEUES, timerJobId, type JobRegistry } from '#queue';
import { ESCALATION_ORDER, isDeadlineOpen } from '#workflows/proposal';

const CHUNK = 1000;

/**
 * Keeps BullMQ's delayed jobs in step with the deadline rows (SQL is the source of truth). Arming is
 * idempotent: job IDs are deterministic, and only the jobs Redis does not hold are added, a thousand per
 * round trip, so a campaign of 10,000 proposals is re-armed in a few calls, not 30,000.
 */
@Injectable()
export class DeadlineTimerScheduler implements OnModuleDestroy {
  /** A plain client for EXISTS checks, pipelined a thousand at a time (BullMQ 6 no longer exposes its own). */
  private readonly redis: Redis;

  constructor(
    @InjectQueue(QUEUES.deadlineTimers) private readonly queue: Queue,
    @Inject(ProposalRepository) private readonly proposals: ProposalRepository,
    @Inject(WorkingCalendar) private readonly calendar: WorkingCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** The timers each open proposal still needs: those whose escalation level it has not reached yet. */
  private wanted(records: ProposalRecord[]) {
    const now = this.clock.now().getTime();
    return records.flatMap((record) => {
      if (!record.deadline || !isDeadlineOpen(record)) return [];
      const reached = ESCALATION_ORDER.indexOf(record.escalation);
      const overdue = now >= Date.parse(record.deadline.dueAt);
      return timerPlan(record.deadline, this.calendar, this.config.timers)
        .filter((timer) => ESCALATION_ORDER.indexOf(TIMER_LEVEL[timer.kind]) > reached)
        // Past the deadline a reminder has nothing left to say (the missed timer speaks), so none is armed.
        .filter((timer) => !(overdue && timer.kind === 'reminder'))
        .map((timer) => {
          const data: JobRegistry['deadline.fire'] = { proposalId: record.id, kind: timer.kind, dueAt: record.deadline!.dueAt };
          // A job whose time has already passed fires at once.
          return { id: timerJobId(data), data, delay: Math.max(0, Date.parse(timer.fireAt) - now) };
        });
    });
  }

  /**
   * Adds the missing jobs for these proposals; returns how many were added. `readAt` is when the records were
   * read: a job that finished after that may have moved the proposal on, so it is not taken for a stale one.
   */
  async arm(records: ProposalRecord[], readAt = this.clock.now().getTime()): Promise<number> {
    const wanted = this.wanted(records);
    let added = 0;
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const chunk = wanted.slice(i, i + CHUNK);
      const pipeline = this.redis.pipeline();
      for (const job of chunk) {
        pipeline.exists(this.queue.toKey(job.id));
        pipeline.zscore(this.queue.keys.completed, job.id);
        pipeline.zscore(this.queue.keys.failed, job.id);
      }
      const replies = (await pipeline.exec()) ?? [];
      const reply = (index: number, offset: number) => replies[index * 3 + offset]?.[1];
      // A finished job the proposal still needs fired while its deadline was elsewhere (moved away and back):
      // it is replaced, so that the timer acts at once.
      const finishedBefore = (value: unknown) => value !== null && value !== undefined && Number(value) < readAt;
      const finished = chunk.filter((_, index) => finishedBefore(reply(index, 1)) || finishedBefore(reply(index, 2)));
      for (const job of finished) await this.queue.remove(job.id);
      const missing = chunk.filter((job, index) => reply(index, 0) !== 1 || finished.includes(job));
      if (missing.length === 0) continue;
      await this.queue.addBulk(
        missing.map((job) => ({
          name: 'deadline.fire',
          data: job.data,
          opts: { ...JOB_OPTIONS['deadline.fire'], jobId: job.id, delay: job.delay },
        })),
      );
      added += missing.length;
    }
    return added;
  }

  /** After an event: arm the proposal's timers, or drop them when it has left the stages its deadline guards. */
  async sync(proposalId: string): Promise<void> {
    const readAt = this.clock.now().getTime();
    const record = await this.proposals.findById(proposalId);
    if (!record) return;
    if (record.deadline && isDeadlineOpen(record)) {
      await this.arm([record], readAt);
      return;
    }
    if (!record.deadline) return;
    for (const kind of ['reminder', 'missed', 'escalation'] as const) {
      await this.queue.remove(timerJobId({ proposalId, kind, dueAt: record.deadline.dueAt }));
    }
  }

  /** Walks every open deadline (or one campaign's) and arms what is missing. */
  async reconcile(campaignId?: string): Promise<{ examined: number; armed: number }> {
    let examined = 0;
    let armed = 0;
    const pages = this.proposals.openDeadlines(DEADLINE_OPEN_STATES, campaignId)[Symbol.asyncIterator]();
    for (;;) {
      const readAt = this.clock.now().getTime();
      const page = await pages.next();
      if (page.done) break;
      examined += page.value.length;
      armed += await this.arm(page.value, readAt);
    }
    return { examined, armed };
  }
}
