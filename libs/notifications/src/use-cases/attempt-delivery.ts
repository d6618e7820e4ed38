import type { Clock } from '#kernel';
import type { DeliveryRecord } from '../notice.records.js';
import type { DeliveryRepository } from '../ports/delivery.repository.js';

/** What the queue knows about the try in progress. */
export interface AttemptContext {
  /** No retry follows if this one fails: a failure dead-letters the delivery. */
  lastAttempt: boolean;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export type DeliveryOutcome = 'delivered' | 'already-done';

/** Thrown after a failed attempt has been logged, so that the queue retries (or gives up, when `dead`). */
export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
  constructor(
    message: string,
    readonly dead: boolean,
  ) {
    super(message);
  }
}

/**
 * One try of one delivery, logged whatever happens. A delivery that is no longer pending (accepted, or
 * dead-lettered, by an earlier run of a duplicated job) is left alone: that is what makes retries harmless.
 */
export async function attemptDelivery(
  deliveries: DeliveryRepository,
  clock: Clock,
  deliveryId: string,
  context: AttemptContext,
  send: (delivery: DeliveryRecord) => Promise<SendResult>,
): Promise<DeliveryOutcome> {
  const delivery = await deliveries.findById(deliveryId);
  if (!delivery || delivery.status !== 'pending') return 'already-done';

  const at = clock.now().toISOString();
  const started = performance.now();
  let result: SendResult;
  try {
    result = await send(delivery);
  } catch (error) {
    result = { ok: false, statusCode: null, error: (error as Error).message || String(error) };
  }
  const outcome = result.ok ? 'delivered' : context.lastAttempt ? 'dead' : 'retry';
  await deliveries.recordAttempt(delivery.id, {
    attempt: delivery.attempts + 1,
    at,
    statusCode: result.statusCode,
    error: result.error,
    durationMs: Math.round(performance.now() - started),
    outcome,
  });
  if (!result.ok) {
    throw new DeliveryFailedError(`${delivery.key} attempt ${delivery.attempts + 1} failed: ${result.error}`, outcome === 'dead');
  }
  return 'delivered';
}
