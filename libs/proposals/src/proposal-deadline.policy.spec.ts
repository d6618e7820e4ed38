import { deadlineMetAt } from './proposal-deadline.policy.js';

describe('deadlineMetAt', () => {
  const deadline = { rule: 'TH-5' as const };
  const base = { awardForm: 'chairman_certificate' as const, deadline, submittedAt: '2026-09-01T02:00:00.000Z', forwardedAt: '2026-09-02T02:00:00.000Z' };

  it('a provincial award meets it at FORWARD, a unit DX-4 award at SUBMIT', () => {
    expect(deadlineMetAt({ ...base, state: 'councilScreening' })).toBe(base.forwardedAt);
    expect(deadlineMetAt({ ...base, state: 'unitDecision', forwardedAt: null })).toBeNull();
    const unitAward = { ...base, awardForm: 'unit_certificate' as const, deadline: { rule: 'DX-4' as const } };
    expect(deadlineMetAt({ ...unitAward, state: 'unitDecision' })).toBe(base.submittedAt);
  });

  it('sent back to drafting, it has to meet the deadline again, whatever it was sent on before', () => {
    expect(deadlineMetAt({ ...base, state: 'drafting' })).toBeNull();
    expect(deadlineMetAt({ ...base, awardForm: 'unit_certificate', deadline: { rule: 'DX-4' }, state: 'drafting' })).toBeNull();
  });

  it('has nothing to say without a deadline', () => {
    expect(deadlineMetAt({ ...base, deadline: null, state: 'awarded' })).toBeNull();
  });
});
