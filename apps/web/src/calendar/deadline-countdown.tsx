import type { ProposalDeadline } from '../api/api-types.js';
import { COMMON } from '../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../i18n/i18n.js';
import { RuleLink } from '../ui/rule-link.js';
import { useCalendarYears } from './use-calendar-years.js';
import { indexYears, localToday, workingDaysLeft, yearsBetween } from './working-days.js';

const MESSAGES = {
  vi: {
    left: (n: number) => (n === 1 ? 'Ngày cuối cùng' : `Còn ${n} ngày làm việc`),
    overdue: (n: number) => `Quá hạn ${n} ngày làm việc`,
    overdueToday: 'Quá hạn (hôm nay là ngày nghỉ)',
    due: 'Hạn',
  },
  en: {
    left: (n: number) => (n === 1 ? 'Last day' : `${n} working days left`),
    overdue: (n: number) => `${n} working day${n === 1 ? '' : 's'} overdue`,
    overdueToday: 'Overdue (today is a day off)',
    due: 'Due',
  },
};

/** A deadline with its rule, last day and the working days left, counted on the server's calendar. */
export function DeadlineCountdown({ deadline, today = localToday(), showRule = true }: { deadline: ProposalDeadline | null; today?: string; showRule?: boolean }) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const years = useCalendarYears(deadline ? yearsBetween(today, deadline.dueDate) : []);
  if (!deadline) return <span className="muted">—</span>;
  const left = years ? workingDaysLeft(today, deadline.dueDate, indexYears(years)) : null;
  const passed = today > deadline.dueDate;
  return (
    <span className="countdown" data-due={deadline.dueDate} data-left={left ?? undefined}>
      {showRule && <RuleLink rule={deadline.rule} />} {t.due} {formatDay(deadline.dueDate, lang)}
      {left !== null && (
        <>
          {' · '}
          <strong className={passed ? 'badge badge--late' : left <= 3 ? 'badge badge--reminded' : undefined}>
            {passed ? (left === 0 ? t.overdueToday : t.overdue(-left)) : t.left(left)}
          </strong>
        </>
      )}
      {deadline.provisional && (
        <>
          {' '}
          <span className="badge badge--provisional">{common.provisional}</span>
        </>
      )}
    </span>
  );
}
