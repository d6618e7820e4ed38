export interface StoredCalendar {
  year: number;
  schedule: unknown;
  loadedAt: string;
  loadedBy: string;
}

/** Official schedules loaded by an administrator; they override the computed (provisional) years. */
export abstract class OfficialCalendarRepository {
  abstract all(): Promise<StoredCalendar[]>;
  abstract save(calendar: StoredCalendar): Promise<void>;
}
