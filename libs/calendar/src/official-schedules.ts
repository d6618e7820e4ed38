import schedule2025 from './schedules/2025.schedule.json' with { type: 'json' };
import schedule2026 from './schedules/2026.schedule.json' with { type: 'json' };
import { parseOfficialSchedule, type ValidatedSchedule } from './official-schedule.js';

/**
 * The official schedules shipped with the library, one JSON file per year under `schedules/`. They go through the
 * same validator as a schedule sent to `PUT /api/calendar/:year`, at import time: a broken data file stops the
 * process at start-up instead of producing wrong deadlines later.
 *
 * To add a year: write `schedules/<year>.schedule.json` and import it here (see README.md).
 */
export const BUNDLED_SCHEDULES: readonly ValidatedSchedule[] = Object.freeze([schedule2025, schedule2026].map(parseOfficialSchedule));
