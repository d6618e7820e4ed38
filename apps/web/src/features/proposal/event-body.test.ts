import { describe, expect, it } from 'vitest';
import { PERSON_EVENT_TYPES } from '#workflows/proposal';
import { EVENT_NEEDS, emptyEventForm, eventBody, eventFormProblems, type EventForm } from './event-body.js';

const form = (changes: Partial<EventForm> = {}): EventForm => ({ ...emptyEventForm('2026-12-01'), ...changes });

describe('event bodies', () => {
  it('asks every person event for something, and a reason of each that ends or sends back a proposal', () => {
    for (const type of PERSON_EVENT_TYPES) expect(EVENT_NEEDS[type]).toBeDefined();
    for (const type of ['RETURN', 'REJECT', 'WITHDRAW', 'REQUEST_SUPPLEMENT'] as const) {
      expect(eventFormProblems(type, form())).toEqual({ reason: 'required' });
      expect(eventBody(type, form({ reason: '  Thiếu hồ sơ  ' }))).toEqual({ type, reason: 'Thiếu hồ sơ' });
    }
  });

  it('checks the vote as the API does', () => {
    expect(eventFormProblems('RECOMMEND', form())).toEqual({ members: 'required', for: 'required', against: 'required' });
    expect(eventFormProblems('RECOMMEND', form({ members: '9', for: '7.5', against: '1' }))).toEqual({ for: 'wholeNumber' });
    expect(eventFormProblems('RECOMMEND', form({ members: '0', for: '0', against: '0' }))).toEqual({ members: 'atLeastOne' });
    expect(eventFormProblems('RECOMMEND', form({ members: '9', for: '5', against: '5' }))).toEqual({ for: 'tooManyVotes' });
    expect(eventFormProblems('RECOMMEND', form({ members: '9', for: '4', against: '4' }))).toEqual({ for: 'noMajority' });
    expect(eventFormProblems('RECOMMEND', form({ members: '9', for: '8', against: '1' }))).toEqual({});
    expect(eventBody('RECOMMEND', form({ members: '9', for: '8', against: '1' }))).toEqual({ type: 'RECOMMEND', vote: { members: 9, for: 8, against: 1 } });
  });

  it('wants a whole decision, on a real day', () => {
    expect(eventFormProblems('AWARD_AT_UNIT', form({ date: '' }))).toEqual({ number: 'required', date: 'required', signedBy: 'required' });
    expect(eventFormProblems('APPROVE', form({ number: '1/QĐ', date: '2026-02-30', signedBy: 'Chủ tịch' }))).toEqual({ date: 'date' });
    expect(eventBody('AWARD_AT_UNIT', form({ number: ' 12/QĐ-SYT ', signedBy: 'Giám đốc Sở' }))).toEqual({
      type: 'AWARD_AT_UNIT',
      decision: { number: '12/QĐ-SYT', date: '2026-12-01', signedBy: 'Giám đốc Sở' },
    });
  });

  it('sends a note only when there is one, and nothing else with a confirmation', () => {
    expect(eventBody('SUPPLEMENT', form())).toEqual({ type: 'SUPPLEMENT' });
    expect(eventBody('SUPPLEMENT', form({ note: 'Đã nộp biên bản' }))).toEqual({ type: 'SUPPLEMENT', note: 'Đã nộp biên bản' });
    for (const type of ['SUBMIT', 'FORWARD', 'AGREE'] as const) {
      expect(eventFormProblems(type, form({ reason: 'ignored' }))).toEqual({});
      expect(eventBody(type, form({ reason: 'ignored' }))).toEqual({ type });
    }
  });
});
