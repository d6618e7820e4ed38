import type { INestApplicationContext } from '@nestjs/common';
import { QUEUES } from '#queue';
import { AUDIT_CHECKPOINT_SCHEDULER_ID, AuditCheckpointSchedule } from '../../apps/worker/src/audit/audit-checkpoint.schedule.js';
import { deleteKeysOfPrefix, sleep, startTimerRig, type TimerRig } from '../support/timers-rig.js';
import { waitFor } from '../support/wait.js';

/**
 * The periodic audit checkpoint is a BullMQ job scheduler; a Redis that loses its data loses it with the
 * deadline timers. The reconcile watchdog that puts the timers back puts it back too, without a restart, and
 * however often it (or a second worker) does so there is one schedule. As in redis-loss.e2e-spec.ts, only the
 * keys of this suite's QUEUE_PREFIX are deleted: other suites share this Redis.
 */

const RECONCILE_EVERY_MS = 2_000;

describe('audit checkpoint schedule: Redis loses every key of the deployment', () => {
  let rig: TimerRig;
  let worker: INestApplicationContext;
  const checkpoints = () => rig.queue(QUEUES.auditCheckpoints);
  const schedulers = async () => {
    const all = await checkpoints().getJobSchedulers(0, -1);
    return { count: await checkpoints().getJobSchedulersCount(), keys: all.map((scheduler) => scheduler.key) };
  };

  beforeAll(async () => {
    rig = await startTimerRig('sqlite', 'kt-timers-checkpoints');
    worker = await rig.startWorker({ reconcileEveryMs: RECONCILE_EVERY_MS });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('before: the worker has a signing key (the development key file) and put the checkpoint on one scheduler', async () => {
    expect(rig.api.config.audit.signingKeyPem).toBeTruthy();
    await waitFor('the checkpoint scheduler', () => checkpoints().getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID), { timeoutMs: 10_000 });
    expect(await checkpoints().getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID)).toMatchObject({
      key: AUDIT_CHECKPOINT_SCHEDULER_ID,
      every: rig.api.config.audit.checkpointEveryMs,
    });
    expect(await schedulers()).toEqual({ count: 1, keys: [AUDIT_CHECKPOINT_SCHEDULER_ID] });
  });

  it('after every key of the prefix is deleted, the scheduler is back within 10 s, once, without a restart', async () => {
    const lost = await deleteKeysOfPrefix(rig.redis, rig.prefix);
    expect(lost).toBeGreaterThan(0);
    expect(await checkpoints().getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID)).toBeFalsy();
    const startedAt = Date.now();

    await waitFor('the checkpoint scheduler back', () => checkpoints().getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID), {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(await checkpoints().getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER_ID)).toMatchObject({
      key: AUDIT_CHECKPOINT_SCHEDULER_ID,
      every: rig.api.config.audit.checkpointEveryMs,
    });
    // The watchdog keeps looking every second: a few more looks add nothing.
    await sleep(2 * RECONCILE_EVERY_MS);
    expect(await schedulers()).toEqual({ count: 1, keys: [AUDIT_CHECKPOINT_SCHEDULER_ID] });
  });

  it('restoring it several times at once, as several workers would, still leaves one schedule', async () => {
    await deleteKeysOfPrefix(rig.redis, rig.prefix);
    const schedule = worker.get(AuditCheckpointSchedule);
    const restored = await Promise.all([schedule.restore(), schedule.restore(), schedule.restore()]);
    // Each saw it missing before any had put it back, or found it back: either way one schedule.
    expect(restored.some(Boolean)).toBe(true);
    await sleep(2 * RECONCILE_EVERY_MS);
    expect(await schedulers()).toEqual({ count: 1, keys: [AUDIT_CHECKPOINT_SCHEDULER_ID] });
    expect(await schedule.restore()).toBe(false);
  });

  it('a second worker starting meanwhile adds no second schedule', async () => {
    await rig.startWorker({ reconcileEveryMs: RECONCILE_EVERY_MS });
    await sleep(RECONCILE_EVERY_MS);
    expect(await schedulers()).toEqual({ count: 1, keys: [AUDIT_CHECKPOINT_SCHEDULER_ID] });
  });
});
