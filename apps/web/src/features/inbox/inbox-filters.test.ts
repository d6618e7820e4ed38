import { describe, expect, it } from 'vitest';
import { FILTER_STATES, inboxUrl, proposalsQuery, readFilters } from './inbox-filters.js';

describe('inbox filters', () => {
  it('offer every state of the workflow', () => {
    expect(FILTER_STATES).toContain('drafting');
    expect(FILTER_STATES).toContain('supplementRequested');
    expect(FILTER_STATES).toHaveLength(10);
  });

  it('round-trip through the URL and drop what is not a state', () => {
    const filters = readFilters(new URLSearchParams('state=awarded&unitId=u&campaignId=c&late=true&all=true'));
    expect(filters).toEqual({ state: 'awarded', unitId: 'u', campaignId: 'c', late: true, all: true });
    expect(inboxUrl(filters)).toBe('/?state=awarded&unitId=u&campaignId=c&late=true&all=true');
    expect(readFilters(new URLSearchParams('state=bogus&late=yes'))).toEqual({ state: null, unitId: null, campaignId: null, late: false, all: null });
    expect(inboxUrl(readFilters(new URLSearchParams('')))).toBe('/');
  });

  it('become the query of one page', () => {
    const filters = readFilters(new URLSearchParams('state=awarded&late=true'));
    expect(proposalsQuery(filters, { inbox: true, cursor: 'k', limit: 50 })).toEqual({
      inbox: true,
      state: 'awarded',
      unitId: undefined,
      campaignId: undefined,
      late: true,
      cursor: 'k',
      limit: 50,
    });
    expect(proposalsQuery(filters, { inbox: false, cursor: undefined, limit: 50 }).inbox).toBeUndefined();
  });
});
