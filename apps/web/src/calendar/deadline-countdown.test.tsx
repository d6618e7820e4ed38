import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarYear } from '#calendar';
import { stubFetch } from '../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../test-support/render-page.js';
import { DeadlineCountdown } from './deadline-countdown.js';
import { clearCalendarCache } from './use-calendar-years.js';
import { workingDaysLeft, indexYears } from './working-days.js';

const YEAR_2026: CalendarYear = {
  year: 2026,
  provisional: false,
  source: 'test',
  daysOff: [{ date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday', source: 'test' }],
  workingSaturdays: [{ date: '2026-09-05', name: 'Làm bù', source: 'test' }],
};
const deadline = { rule: 'TH-5' as const, dueDate: '2026-09-07', dueAt: '2026-09-07T17:00:00.000Z', provisional: false };

describe('working days left', () => {
  const index = indexYears([YEAR_2026]);
  it('counts today and the last day, skips days off, counts working Saturdays', () => {
    // Tue 1 Sep … Mon 7 Sep: 1, (2 off), 3, 4, Sat 5 working, (6 Sunday), 7.
    expect(workingDaysLeft('2026-09-01', '2026-09-07', index)).toBe(5);
    expect(workingDaysLeft('2026-09-07', '2026-09-07', index)).toBe(1);
    expect(workingDaysLeft('2026-09-09', '2026-09-07', index)).toBe(-2);
  });
  it('will not guess across a year it has not been given', () => {
    expect(workingDaysLeft('2026-12-30', '2027-01-04', index)).toBeNull();
  });
});

describe('<DeadlineCountdown>', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearCalendarCache();
  });

  it('counts down on the calendar the server sends', async () => {
    const api = stubFetch([{ path: '/api/calendar/2026', body: YEAR_2026 }]);
    renderPage(<DeadlineCountdown deadline={deadline} today="2026-09-01" />, { token: fakeToken({ roles: ['council'] }) });
    await screen.findByText('Còn 5 ngày làm việc');
    expect(api.sent('GET', '/api/calendar/2026')).not.toHaveLength(0);
  });

  it('once met, says on time or late instead of counting, and asks for no calendar', async () => {
    const api = stubFetch([]);
    const onTime = renderPage(<DeadlineCountdown deadline={deadline} metAt="2026-09-07T09:00:00.000Z" />, { token: fakeToken({ roles: ['council'] }) });
    expect(screen.getByText('Đã trình ngày 07/09/2026, đúng hạn')).toBeTruthy();
    onTime.unmount();
    // 17:30 UTC is 00:30 on the 8th in Vietnam: past 24:00 of the last day.
    renderPage(<DeadlineCountdown deadline={deadline} metAt="2026-09-07T17:30:00.000Z" />, { token: fakeToken({ roles: ['council'] }) });
    await waitFor(() => expect(screen.getByText('Đã trình ngày 08/09/2026, quá hạn')).toBeTruthy());
    expect(api.calls).toHaveLength(0);
  });
});
