import { signAccessToken } from '#auth';
import type { Actor, PersonRole } from '#kernel';
import type { EventRequest, NewCampaign, NewProposal } from '#proposals';

/** Who acts in the benches, what they send, and the campaign their proposals belong to. */

export type ActorKey = 'drafter' | 'unitHead' | 'council' | 'homeAffairs' | 'chairman';

const PEOPLE: Record<ActorKey, { role: PersonRole; inUnit: boolean; name: string }> = {
  drafter: { role: 'drafter', inUnit: true, name: 'Chuyên viên soạn thảo' },
  unitHead: { role: 'unit_head', inUnit: true, name: 'Thủ trưởng đơn vị' },
  council: { role: 'council', inUnit: false, name: 'Hội đồng Thi đua - Khen thưởng' },
  homeAffairs: { role: 'home_affairs', inUnit: false, name: 'Sở Nội vụ' },
  chairman: { role: 'chairman', inUnit: false, name: 'Chủ tịch UBND tỉnh' },
};

export function actorsOf(unitId: string): Record<ActorKey, Actor> {
  const entries = Object.entries(PEOPLE).map(([key, { role, inUnit, name }]) => [key, { id: `bench-${key}`, name, roles: [role], unitId: inUnit ? unitId : null }]);
  return Object.fromEntries(entries) as Record<ActorKey, Actor>;
}

/** A bearer token per actor of `unitId`, and one for an admin. */
export function tokensFor(unitId: string, secret: string): Record<ActorKey | 'admin', string> {
  const sign = (actor: Actor) => signAccessToken({ sub: actor.id, name: actor.name ?? actor.id, roles: actor.roles as PersonRole[], unitId: actor.unitId }, secret);
  const tokens = Object.fromEntries(Object.entries(actorsOf(unitId)).map(([key, actor]) => [key, sign(actor)]));
  return { ...(tokens as Record<ActorKey, string>), admin: sign({ id: 'bench-admin', name: 'Admin', roles: ['admin'], unitId: null }) };
}

/** The five events after creation, in order, with who sends them: a proposal from drafting to awarded. */
export const PIPELINE_EVENTS: readonly { by: ActorKey; request: EventRequest }[] = [
  { by: 'drafter', request: { type: 'SUBMIT' } },
  { by: 'unitHead', request: { type: 'FORWARD' } },
  { by: 'council', request: { type: 'RECOMMEND', vote: { members: 9, for: 7, against: 2 } } },
  { by: 'homeAffairs', request: { type: 'AGREE' } },
  { by: 'chairman', request: { type: 'APPROVE', decision: { number: '1/QĐ-UBND', date: '2026-06-22', signedBy: 'Chủ tịch' } } },
];

export function draftFor(unitId: string, campaignId: string, index: number): NewProposal {
  return {
    kind: 'thematic',
    unitId,
    campaignId,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: `Nguyễn Văn An ${index}` },
    achievement: { summary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025', date: '2025-12-15' },
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A campaign complete enough for the rulebook (TH-1): plan, launch, final review, and guidance whose period
 * holds the proposals' achievement date, which offers their award form, with the largest quota the API takes.
 * The ceremony is months ahead, so that no proposal is marked late (TH-5) by the day the bench runs.
 */
export const BENCH_CAMPAIGN: NewCampaign = {
  title: 'Phong trào thi đua "Chuyển đổi số" 2025 (benchmark)',
  round: 'campaign',
  plan: { ref: '45/KH-UBND', issuedAt: '2025-01-15' },
  launchedAt: '2025-02-01',
  finalReviewAt: '2026-01-20',
  guidance: {
    ref: '12/HD-UBND',
    issuedAt: '2026-01-25',
    scope: 'Các sở, ban, ngành và địa phương trong tỉnh',
    subjects: 'Cá nhân, tập thể có thành tích trong phong trào',
    criteria: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số',
    achievementPeriod: { from: '2025-01-01', to: '2030-12-31' },
    awardForms: ['unit_certificate', 'chairman_certificate'],
    quota: { unit_certificate: 1_000_000, chairman_certificate: 1_000_000 },
  },
  ceremonyDate: inDays(120),
};
