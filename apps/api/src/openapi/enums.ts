import type {
  BreakReason,
  ChainBreakReason,
  CheckpointBreakReason,
  DeadlineRuleId,
  NoticeEventType,
} from '#contracts';
import { PERSON_ROLES, type Role } from '#kernel';
import type { MigrationOutcome } from '#proposals';
import type { DeliveryAttempt, DeliveryChannel, DeliveryStatus } from '#notifications';
import type { CampaignRound } from '#rules';
import { PERSON_EVENT_TYPES, TIMER_EVENT_TYPES, type ProposalEventType } from '#workflows/proposal';
import { everyMember, type Holds } from './contract-check.js';

/** The value lists the schemas enumerate, each checked against the union it documents. */

export const EVENT_TYPES: readonly ProposalEventType[] = [...PERSON_EVENT_TYPES, ...TIMER_EVENT_TYPES];
export type EveryEventListed = Holds<Exclude<ProposalEventType, (typeof PERSON_EVENT_TYPES | typeof TIMER_EVENT_TYPES)[number]> extends never ? true : false>;

export const ROLES: readonly Role[] = [...PERSON_ROLES, 'system'];

export const CAMPAIGN_ROUNDS = everyMember<CampaignRound>({ campaign: true, anniversary: true, programme_summary: true });

export const DEADLINE_RULE_IDS = everyMember<DeadlineRuleId>({ 'DX-4': true, 'TH-5': true });

export const NOTICE_EVENTS = everyMember<NoticeEventType>({ DEADLINE_REMINDER: true, DEADLINE_MISSED: true, ESCALATE: true });

export const CHAIN_BREAK_REASONS = everyMember<ChainBreakReason>({
  edited: true,
  missing: true,
  reordered: true,
  inserted: true,
  snapshot_mismatch: true,
  replay_failed: true,
  document_altered: true,
  document_missing: true,
});

export const CHECKPOINT_BREAK_REASONS = everyMember<CheckpointBreakReason>({
  rewritten: true,
  truncated: true,
  deleted: true,
  backdated: true,
  checkpoint_mismatch: true,
});

export type EveryBreakListed = Holds<Exclude<BreakReason, ChainBreakReason | CheckpointBreakReason> extends never ? true : false>;

export const MIGRATION_OUTCOMES = everyMember<MigrationOutcome>({ migrated: true, already: true, final: true, not_found: true });

export const DELIVERY_CHANNELS = everyMember<DeliveryChannel>({ webhook: true, email: true });

export const DELIVERY_STATUSES = everyMember<DeliveryStatus>({ pending: true, delivered: true, dead: true });

export const ATTEMPT_OUTCOMES = everyMember<DeliveryAttempt['outcome']>({ delivered: true, retry: true, dead: true });
