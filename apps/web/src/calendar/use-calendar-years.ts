import { useEffect, useState } from 'react';
import type { CalendarYear } from '#calendar';
import type { ApiClient } from '../api/api-client.js';
import { useApi } from '../session/session.js';

// A year's calendar changes only when an administrator loads an official schedule: one fetch per page load.
const cache = new Map<number, Promise<CalendarYear>>();

export function loadCalendarYear(api: ApiClient, year: number): Promise<CalendarYear> {
  let pending = cache.get(year);
  if (!pending) {
    pending = api.get<CalendarYear>(`/api/calendar/${year}`);
    pending.catch(() => cache.delete(year));
    cache.set(year, pending);
  }
  return pending;
}

/** The calendar years asked for, once all have arrived (undefined until then, or if one failed). */
export function useCalendarYears(years: readonly number[]): CalendarYear[] | undefined {
  const api = useApi();
  const key = [...new Set(years)].sort().join(',');
  const [loaded, setLoaded] = useState<{ key: string; years: CalendarYear[] }>();
  useEffect(() => {
    let live = true;
    if (!key) return;
    Promise.all(key.split(',').map((year) => loadCalendarYear(api, Number(year)))).then(
      (result) => live && setLoaded({ key, years: result }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, key]);
  return loaded?.key === key ? loaded.years : undefined;
}

/** For tests: forget what was fetched. */
export const clearCalendarCache = () => cache.clear();
