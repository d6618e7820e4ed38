import { describe, expect, it } from 'vitest';
import type { ProposalView } from '../../api/api-types.js';
import { EMPTY_PROPOSAL_FORM, formProblems, fromProposalView, toCreateProposalBody, toProposalChanges, type ProposalFormState } from './proposal-form.js';

const TODAY = '2026-04-25';
const UNIT = 'u-1';

const saved = {
  kind: 'extraordinary',
  campaignId: null,
  awardForm: 'chairman_certificate',
  nominee: { type: 'collective', name: 'Đội cứu hộ', ownParticipants: 20, totalParticipants: 30, workplace: 'Công an tỉnh', personId: 'p-9' },
  achievement: { summary: 'Cứu hộ lũ', date: '2026-04-22', recognizedAt: '2026-04-23', basis: 'rescue', serviceWork: true },
} as unknown as Pick<ProposalView, 'kind' | 'campaignId' | 'awardForm' | 'nominee' | 'achievement'>;

describe('the proposal form, pure', () => {
  it('Given a saved proposal, When it is opened in the form, Then the body the form would send is the proposal itself', () => {
    const body = toCreateProposalBody(fromProposalView(saved), UNIT);
    expect(body.nominee).toEqual(saved.nominee);
    expect(body.achievement).toEqual(saved.achievement);
    expect(toProposalChanges(body, body)).toEqual({});
  });

  it('Given the summary edited, Then only the achievement is a change, and it is sent whole', () => {
    const form = fromProposalView(saved);
    const before = toCreateProposalBody(form, UNIT);
    const after = toCreateProposalBody({ ...form, summary: 'Cứu hộ lũ quét ở Kỳ Sơn' }, UNIT);
    expect(toProposalChanges(before, after)).toEqual({ achievement: { ...saved.achievement, summary: 'Cứu hộ lũ quét ở Kỳ Sơn' } });
  });

  it('Given a collective, Then birth year, gender and position are not sent even if typed before switching', () => {
    const form: ProposalFormState = { ...EMPTY_PROPOSAL_FORM, nomineeType: 'collective', nomineeName: 'Phòng A', birthYear: '1980', gender: 'male', title: 'Trưởng phòng', workplace: ' Sở Y tế ' };
    expect(toCreateProposalBody(form, UNIT).nominee).toEqual({ type: 'collective', name: 'Phòng A', workplace: 'Sở Y tế' });
  });

  it('Given an empty form, Then name, summary and date are missing', () => {
    expect(formProblems(EMPTY_PROPOSAL_FORM, TODAY)).toEqual({
      'nominee.name': { kind: 'required' },
      'achievement.summary': { kind: 'required' },
      'achievement.date': { kind: 'required' },
    });
  });

  it('Given dates in the future, not real, or a recognition before the act, Then each is named', () => {
    const base = { ...EMPTY_PROPOSAL_FORM, kind: 'extraordinary' as const, nomineeName: 'A', summary: 'B' };
    expect(formProblems({ ...base, date: '2026-04-26' }, TODAY)['achievement.date']).toEqual({ kind: 'future' });
    expect(formProblems({ ...base, date: '2026-04-25' }, TODAY)['achievement.date']).toBeUndefined();
    expect(formProblems({ ...base, date: '2026-02-30' }, TODAY)['achievement.date']).toEqual({ kind: 'date' });
    expect(formProblems({ ...base, date: '2026-04-22', recognizedAt: '2026-04-21' }, TODAY)['achievement.recognizedAt']).toEqual({ kind: 'beforeAchievement' });
    expect(formProblems({ ...base, date: '2026-04-22', recognizedAt: '2026-04-26' }, TODAY)['achievement.recognizedAt']).toEqual({ kind: 'future' });
    expect(formProblems({ ...base, date: '2026-04-22', birthYear: '85' }, TODAY)['nominee.birthYear']).toEqual({ kind: 'year' });
    expect(formProblems({ ...base, date: '2026-04-22', birthYear: '1985' }, TODAY)).toEqual({});
  });
});
