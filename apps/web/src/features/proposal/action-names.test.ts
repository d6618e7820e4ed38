import { describe, expect, it } from 'vitest';
import { machineFor, PERSON_EVENT_TYPES, type ProposalEventType, type ProposalState } from '#workflows/proposal';
import { actionIntro, actionLabel, historyPhrase, stageName } from './action-names.messages.js';

/** Every stage of the current machine with the events a person may send there. */
function personEvents(): [ProposalState, ProposalEventType][] {
  const pairs: [ProposalState, ProposalEventType][] = [];
  for (const [state, node] of Object.entries(machineFor(2).root.states)) {
    for (const type of Object.keys(node.on ?? {})) {
      if ((PERSON_EVENT_TYPES as readonly string[]).includes(type)) pairs.push([state as ProposalState, type as ProposalEventType]);
    }
  }
  return pairs;
}

describe('action names', () => {
  it('gives every event a person may send, in every stage of the machine, its own words and question (both languages)', () => {
    const pairs = personEvents();
    expect(pairs.length).toBeGreaterThan(15);
    for (const [state, type] of pairs) {
      for (const lang of ['vi', 'en'] as const) {
        expect(actionLabel(lang, state, type), `${state} ${type}`).not.toBe(type);
        if (type !== 'UPDATE') expect(actionIntro(lang, state, type, 'An'), `${lang} ${state} ${type}`).toContain('An');
      }
    }
  });

  it('keeps “Không khen thưởng” for the chairman’s stage (and a unit’s own Giấy khen)', () => {
    const noAward = personEvents().filter(([state, type]) => actionLabel('vi', state, type, 'chairman_certificate') === 'Không khen thưởng');
    expect(noAward).toEqual([['chairmanDecision', 'REJECT']]);
    expect(actionLabel('vi', 'homeAffairsAgreement', 'REJECT')).toBe('Không thống nhất');
    expect(actionLabel('vi', 'councilScreening', 'REJECT')).toBe('Không đề nghị khen thưởng');
  });

  it('tells the history by who acted in which stage', () => {
    expect(historyPhrase('vi', 'REJECT', 'councilScreening')).toBe('Hội đồng Thi đua – Khen thưởng không đề nghị khen thưởng');
    expect(historyPhrase('vi', 'REJECT', 'chairmanDecision')).toBe('Chủ tịch UBND tỉnh không khen thưởng');
    expect(historyPhrase('vi', 'APPROVE', 'chairmanDecision', ['chairman'])).toBe('Chủ tịch UBND tỉnh ký quyết định khen thưởng');
    expect(historyPhrase('vi', 'APPROVE', 'chairmanDecision', ['vice_chairman'])).toContain('Phó Chủ tịch');
    expect(historyPhrase('vi', 'SOMETHING_NEW', null)).toBeNull();
    expect(stageName('vi', 'councilScreening')).toBe('Hội đồng Thi đua – Khen thưởng xem xét');
  });
});
