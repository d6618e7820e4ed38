import { invalidFields } from '#kernel';
import { DEADLINE_RULES, type Deadline, type DeadlineRule } from './deadline.js';
import { dx4Deadline, type Dx4Input } from './dx4-deadline.js';
import { th5Deadline } from './th5-deadline.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface DeadlineInputs {
  'DX-4': Dx4Input;
  'TH-5': { ceremonyDate: string };
}

/** One entry point for every rule that has a deadline (e.g. `GET /api/calendar/deadline?rule=…`). */
export function deadlineFor<R extends DeadlineRule>(rule: R, input: DeadlineInputs[R], calendar: WorkingCalendar): Deadline {
  switch (rule as DeadlineRule) {
    case 'DX-4':
      return dx4Deadline(input as Dx4Input, calendar);
    case 'TH-5':
      return th5Deadline((input as DeadlineInputs['TH-5'])?.ceremonyDate, calendar);
    default:
      throw invalidFields([{ field: 'rule', message: `no deadline rule ${JSON.stringify(rule)}; known: ${DEADLINE_RULES.join(', ')}` }], { field: 'rule', value: rule });
  }
}
