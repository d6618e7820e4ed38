import type { Actor } from '#kernel';
import { canMigrate, upgradeSnapshot } from './proposal-migration.js';
import { allowedEventTypes, restore, startProposal, step, toStored } from './proposal-transitions.js';
import { PROPOSAL_STATES, type ProposalEvent, type ProposalInput, type StoredSnapshot } from './proposal.types.js';

const UNIT = 'unit-a';
const at = '2026-03-02T03:00:00.000Z';
const homeAffairs: Actor = { id: 'ha-1', roles: ['home_affairs'], unitId: null };

const input: ProposalInput = {
  proposalId: 'p-1',
  kind: 'extraordinary',
  unitId: UNIT,
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'individual', name: 'Nguyễn Văn A' },
  achievement: { summary: 'Cứu người đuối nước', date: '2026-02-20', basis: 'rescue' },
};

/** A version 1 proposal waiting on home affairs, with a reason and an escalation it must keep. */
const v1AtHomeAffairs: StoredSnapshot = {
  value: 'homeAffairsAgreement',
  context: {
    ...startProposal(1, input).context,
    escalation: 'reminded',
    lastReason: 'Bổ sung biên bản họp',
    vote: { members: 9, for: 7, against: 2 },
    submittedAt: '2026-02-25T02:00:00.000Z',
    forwardedAt: '2026-02-26T02:00:00.000Z',
  },
};

describe('upgrading a stored snapshot', () => {
  it('keeps the stage and every field of a version 1 snapshot, and starts the supplement count at 0', () => {
    const upgraded = upgradeSnapshot(v1AtHomeAffairs, 1, 2);
    expect(upgraded).toEqual({ value: 'homeAffairsAgreement', context: { ...v1AtHomeAffairs.context, supplementRequests: 0 } });
  });

  it('does not touch the snapshot it was given', () => {
    const before = structuredClone(v1AtHomeAffairs);
    upgradeSnapshot(v1AtHomeAffairs, 1, 2);
    expect(v1AtHomeAffairs).toEqual(before);
  });

  it('gives what version 2 would have started with', () => {
    expect(upgradeSnapshot(startProposal(1, input), 1, 2)).toEqual(startProposal(2, input));
  });

  it('leaves a snapshot alone when the versions are the same', () => {
    expect(upgradeSnapshot(v1AtHomeAffairs, 1, 1)).toEqual(v1AtHomeAffairs);
  });

  it('refuses a downgrade and an unregistered version', () => {
    const v2 = upgradeSnapshot(v1AtHomeAffairs, 1, 2);
    expect(() => upgradeSnapshot(v2, 2, 1)).toThrow(/cannot be migrated down/);
    expect(() => upgradeSnapshot(v1AtHomeAffairs, 1, 3)).toThrow(/version 3/);
    expect(() => upgradeSnapshot(v1AtHomeAffairs, 0, 2)).toThrow(/version 0/);
  });

  it('lets the migrated proposal use what version 2 added', () => {
    const migrated = restore(2, upgradeSnapshot(v1AtHomeAffairs, 1, 2));
    expect(allowedEventTypes(migrated, homeAffairs)).toContain('REQUEST_SUPPLEMENT');

    const event = { type: 'REQUEST_SUPPLEMENT', actor: homeAffairs, at, reason: 'Thiếu xác nhận' } as ProposalEvent;
    const requested = toStored(step(2, migrated, event).next);
    expect(requested).toMatchObject({
      value: 'supplementRequested',
      context: { supplementRequests: 1, lastReason: 'Thiếu xác nhận', escalation: 'reminded' },
    });
  });
});

describe('which proposals may migrate', () => {
  const open = ['drafting', 'unitDecision', 'councilScreening', 'homeAffairsAgreement', 'chairmanDecision'] as const;
  const final = ['awarded', 'awardedByUnit', 'rejected', 'withdrawn'] as const;

  it.each(open)('moves an open proposal in %s from 1 to 2', (state) => {
    expect(canMigrate(state, 1, 2)).toBe(true);
  });

  it.each(final)('leaves a decided proposal in %s on the version it was decided under', (state) => {
    expect(canMigrate(state, 1, 2)).toBe(false);
  });

  it('needs a newer version with a way to get there', () => {
    expect(canMigrate('drafting', 2, 2)).toBe(false);
    expect(canMigrate('drafting', 2, 1)).toBe(false);
    expect(canMigrate('drafting', 2, 3)).toBe(false);
  });

  it('refuses a stage the source version never had', () => {
    expect(canMigrate('supplementRequested', 1, 2)).toBe(false);
  });

  it('covers every stage it is asked about', () => {
    expect(PROPOSAL_STATES.filter((state) => canMigrate(state, 1, 2))).toEqual([...open]);
  });
});
