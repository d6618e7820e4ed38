import { Clock } from '#kernel';
import { DeliveryRepository } from '../ports/delivery.repository.js';

/**
 * The queue gave up on a delivery without its last attempt being logged: the job stalled once too often (a
 * worker killed mid-send, twice), or failed outside the attempt. Left alone the delivery would read `pending`
 * forever; it is dead-lettered with the queue's reason, so the log says what became of it. A delivery that is
 * no longer pending is left as it is.
 */
export class AbandonDeliveryUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async execute(deliveryId: string, reason: string): Promise<'dead-lettered' | 'already-done'> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || delivery.status !== 'pending') return 'already-done';
    await this.deliveries.recordAttempt(delivery.id, {
      attempt: delivery.attempts + 1,
      at: this.clock.now().toISOString(),
      statusCode: null,
      error: `the queue gave up: ${reason}`,
      durationMs: 0,
      outcome: 'dead',
    });
    return 'dead-lettered';
  }
}
