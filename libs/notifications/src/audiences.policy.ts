import { UNIT_ROLES, type Actor, type Role } from '#kernel';
import type { Audience, NoticeEventType } from './notice.records.js';

/** The province's offices each event reaches, on top of the proposal's own unit (ISSUE 4, "Notices"). */
const PROVINCIAL: Record<NoticeEventType, Role[]> = {
  DEADLINE_REMINDER: [],
  DEADLINE_MISSED: ['home_affairs'],
  ESCALATE: ['home_affairs', 'chairman', 'vice_chairman'],
};

/** Every role a notice may be addressed to (configuration checks e-mail keys against these). */
export const NOTICE_ROLES: readonly Role[] = ['drafter', 'unit_head', 'home_affairs', 'chairman', 'vice_chairman'];

/**
 * A reminder reaches the unit that drafts the proposal (its drafters and head); a missed deadline also the
 * home-affairs department; an escalation also the chairman's office (the chairman and the vice-chairmen).
 */
export function audiencesFor(event: NoticeEventType, unitId: string): Audience[] {
  return [
    { role: 'drafter', unitId },
    { role: 'unit_head', unitId },
    ...PROVINCIAL[event].map((role) => ({ role, unitId: null })),
  ];
}

/**
 * The audiences a signed-in user belongs to: each of their roles, the unit roles only with the unit in their
 * token (a unit role without one belongs to no unit's audience).
 */
export function audiencesOf(actor: Actor): Audience[] {
  return actor.roles.flatMap((role): Audience[] => {
    if (UNIT_ROLES.includes(role)) return actor.unitId ? [{ role, unitId: actor.unitId }] : [];
    return role === 'system' ? [] : [{ role, unitId: null }];
  });
}

export const audienceLabel = (audience: Audience) => `${audience.role}:${audience.unitId ?? 'province'}`;

/** An inbox row is the in-app delivery to one audience; its key is unique like every other delivery key. */
export const inboxDeliveryKey = (noticeKey: string, audience: Audience) => `${noticeKey}:inbox:${audienceLabel(audience)}`;
