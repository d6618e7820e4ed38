import { machineGraph } from './machine-graph.js';

describe('machineGraph', () => {
  const v2 = machineGraph(2);
  const edge = (from: string, event: string) => v2.transitions.find((t) => t.from === from && t.event === event);

  it('lists the stages of the version, starting at drafting, the closed ones final', () => {
    expect(v2.initial).toBe('drafting');
    expect(v2.states.map((s) => s.id)).toContain('supplementRequested');
    expect(machineGraph(1).states.map((s) => s.id)).not.toContain('supplementRequested');
    expect(v2.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['awarded', 'awardedByUnit', 'rejected', 'withdrawn']);
  });

  it('takes targets and roles from the definition itself', () => {
    expect(edge('drafting', 'SUBMIT')).toEqual({ from: 'drafting', to: 'unitDecision', event: 'SUBMIT', roles: ['drafter', 'unit_head'] });
    expect(edge('councilScreening', 'RECOMMEND')).toMatchObject({ to: 'homeAffairsAgreement', roles: ['council'] });
    expect(edge('chairmanDecision', 'APPROVE')).toMatchObject({ to: 'awarded', roles: ['chairman', 'vice_chairman'] });
    expect(edge('homeAffairsAgreement', 'REQUEST_SUPPLEMENT')).toMatchObject({ to: 'supplementRequested', roles: ['home_affairs'] });
    expect(edge('supplementRequested', 'WITHDRAW')).toMatchObject({ to: 'withdrawn', roles: ['unit_head'] });
  });

  it('draws the timers as events that stay in their stage, sent by the system alone', () => {
    expect(edge('unitDecision', 'ESCALATE')).toEqual({ from: 'unitDecision', to: 'unitDecision', event: 'ESCALATE', roles: ['system'] });
    expect(v2.transitions.filter((t) => t.from === 'awarded')).toEqual([]);
  });

  it('refuses a version that was never registered', () => {
    expect(() => machineGraph(99)).toThrow(/No proposal machine version 99/);
  });
});
