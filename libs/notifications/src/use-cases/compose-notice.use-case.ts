import { randomUUID } from 'node:crypto';
import { Clock } from '#kernel';
import { ProposalRepository, UnitRepository, type OutboxMessage } from '#proposals';
import { audiencesFor } from '../audiences.policy.js';
import type { EmailDirectory } from '../email-directory.js';
import { isNoticeEvent, type DeliveryRecord, type NoticeRecord } from '../notice.records.js';
import { noticeText } from '../notice-text.js';
import { NoticeRepository } from '../ports/notice.repository.js';
import { NoticeChannel } from '../ports/notice-channel.js';
import { WebhookRepository } from '../ports/webhook.repository.js';
import { signalOf } from './live-notices.js';

/** A committed transition as the outbox relays it (`proposal.transitioned`). */
export interface CommittedEvent {
  proposalId: string;
  seq: number;
  type: string;
  at: string;
}

export const noticeKey = (proposalId: string, seq: number) => `${proposalId}:${seq}`;

/**
 * After a timer event is committed, makes its notice: the inbox rows for each audience, one delivery per
 * subscribed webhook and per e-mail address, and the outbox messages that queue those deliveries, all in one
 * transaction. The notice key (proposal and event seq) is unique, so a job run twice, or a message relayed
 * twice, makes nothing twice.
 */
export class ComposeNoticeUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly units: UnitRepository,
    private readonly notices: NoticeRepository,
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    /** Null when SMTP_URL is not configured: then no e-mail deliveries are made. */
    private readonly emails: EmailDirectory | null,
    /** Null where nobody listens live (tests of the notice itself). */
    private readonly live: NoticeChannel | null = null,
  ) {}

  /** The notice made, or null when the event makes none or its notice already exists. */
  async execute(event: CommittedEvent): Promise<NoticeRecord | null> {
    if (!isNoticeEvent(event.type)) return null;
    const key = noticeKey(event.proposalId, event.seq);
    if (await this.notices.exists(key)) return null;
    const proposal = await this.proposals.findById(event.proposalId);
    // A committed event's proposal exists (proposals are never deleted); nothing to say about one that does not.
    if (!proposal) return null;

    const nominee = proposal.snapshot.context.nominee.name;
    const audiences = audiencesFor(event.type, proposal.unitId);
    const now = this.clock.now().toISOString();
    const notice: NoticeRecord = {
      id: randomUUID(),
      key,
      proposalId: proposal.id,
      seq: event.seq,
      event: event.type,
      unitId: proposal.unitId,
      nominee,
      rule: proposal.deadline?.rule ?? null,
      dueDate: proposal.deadline?.dueDate ?? null,
      dueAt: proposal.deadline?.dueAt ?? null,
      at: event.at,
      audiences,
      createdAt: now,
      ...noticeText({
        event: event.type,
        nominee,
        kind: proposal.kind,
        awardForm: proposal.awardForm,
        state: proposal.state,
        deadline: proposal.deadline,
      }),
    };

    const delivery = (channel: DeliveryRecord['channel'], target: string, fields: Pick<DeliveryRecord, 'webhookId' | 'recipient'>) => ({
      id: randomUUID(),
      key: `${key}:${channel}:${target}`,
      noticeId: notice.id,
      channel,
      ...fields,
      status: 'pending' as const,
      attempts: 0,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      deliveredAt: null,
    });
    const deliveries: DeliveryRecord[] = (await this.webhooks.subscribedTo(event.type)).map((webhook) =>
      delivery('webhook', webhook.id, { webhookId: webhook.id, recipient: null }),
    );
    if (this.emails) {
      const unit = await this.units.findById(proposal.unitId);
      for (const address of this.emails.addressesFor(audiences, unit?.code ?? null)) {
        deliveries.push(delivery('email', address.toLowerCase(), { webhookId: null, recipient: address }));
      }
    }
    const outbox: OutboxMessage[] = deliveries.map((d) => ({
      topic: d.channel === 'webhook' ? 'notice.webhook' : 'notice.email',
      key: d.key,
      payload: { deliveryId: d.id },
    }));
    if (!(await this.notices.store(notice, deliveries, outbox))) return null;
    await this.tellOpenConsoles(notice);
    return notice;
  }

  /**
   * After the commit, never before: a console told about a notice must find it in the inbox. A Redis that
   * does not answer costs the live update only (the console's count catches up on reconnect), never the job.
   */
  private async tellOpenConsoles(notice: NoticeRecord): Promise<void> {
    try {
      await this.live?.publish(signalOf(notice));
    } catch {
      // Nothing is lost: the notice is stored and the next unread-count read shows it.
    }
  }
}

