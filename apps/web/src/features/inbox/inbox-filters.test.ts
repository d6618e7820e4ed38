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
    expect(filters).toEqual({ state: 'awarded', unitId: 'u', campaignId: 'c', late: true, q: null, all: true });
    expect(inboxUrl(filters)).toBe('/?state=awarded&unitId=u&campaignId=c&late=true&all=true');
    expect(readFilters(new URLSearchParams('state=bogus&late=yes'))).toEqual({ state: null, unitId: null, campaignId: null, late: false, q: null, all: null });
    expect(inboxUrl(readFilters(new URLSearchParams('')))).toBe('/');
  });

  it('become the query of one page', () => {
    const filters = readFilters(new URLSearchParams('state=awarded&late=true'));
    expect(proposalsQuery(filters, { inbox: true, cursor: 'k', limit: 50 })).toEqual({
      inbox: true,
      actionable: undefined,
      q: undefined,
      state: 'awarded',
      unitId: undefined,
      campaignId: undefined,
      late: true,
      cursor: 'k',
      limit: 50,
    });
    expect(proposalsQuery(filters, { inbox: false, cursor: undefined, limit: 50 }).inbox).toBeUndefined();
  });

  it('carry a name search, trimmed and cut to what the server accepts, into the URL and the query', () => {
    // Given a search typed without diacritics
    const filters = readFilters(new URLSearchParams(`q=${encodeURIComponent('  nguyen van an ')}`));
    // Then it is kept as typed (the server folds it) and travels with the "my turn" part of the inbox
    expect(filters.q).toBe('nguyen van an');
    expect(inboxUrl(filters)).toBe('/?q=nguyen+van+an');
    expect(proposalsQuery(filters, { inbox: true, actionable: true, cursor: undefined, limit: 50 })).toMatchObject({ q: 'nguyen van an', actionable: true });
    expect(readFilters(new URLSearchParams(`q=${'a'.repeat(150)}`)).q).toHaveLength(100);
  });
});
