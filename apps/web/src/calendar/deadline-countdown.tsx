import type { ProposalDeadline } from '../api/api-types.js';
import { COMMON } from '../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../i18n/i18n.js';
import { RuleLink } from '../ui/rule-link.js';
import { useCalendarYears } from './use-calendar-years.js';
import { indexYears, localToday, workingDaysLeft, yearsBetween } from './working-days.js';

const MESSAGES = {
  vi: {
    left: (n: number) => `Còn ${n} ngày làm việc`,
    lastDay: 'Hôm nay là ngày cuối cùng',
    overdue: (n: number) => `Quá hạn ${n} ngày làm việc`,
    overdueToday: 'Quá hạn (hôm nay là ngày nghỉ)',
    due: 'Hạn',
    metOnTime: (day: string) => `Đã trình ngày ${day}, đúng hạn`,
    metLate: (day: string) => `Đã trình ngày ${day}, quá hạn`,
    closed: 'Hồ sơ đã kết thúc',
  },
  en: {
    left: (n: number) => `${n} working day${n === 1 ? '' : 's'} left`,
    lastDay: 'Today is the last day',
    overdue: (n: number) => `${n} working day${n === 1 ? '' : 's'} overdue`,
    overdueToday: 'Overdue (today is a day off)',
    due: 'Due',
    metOnTime: (day: string) => `Sent on ${day}, on time`,
    metLate: (day: string) => `Sent on ${day}, late`,
    closed: 'The proposal is closed',
  },
};

interface DeadlineCountdownProps {
  deadline: ProposalDeadline | null;
  today?: string;
  showRule?: boolean;
  /** When the event that meets the deadline happened (the proposal's deadlineMetAt): then no countdown, but on time or late. */
  metAt?: string | null;
  /** The machine's own verdict (the proposal's `late`), when there is one; else judged from `metAt`. */
  late?: boolean;
  /** The proposal ended before meeting it. */
  closed?: boolean;
}

/** A deadline with its rule, last day and the working days left, counted on the server's calendar. */
export function DeadlineCountdown({ deadline, today = localToday(), showRule = true, metAt = null, late: verdict, closed = false }: DeadlineCountdownProps) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const settled = !!metAt || closed;
  const years = useCalendarYears(deadline && !settled ? yearsBetween(today, deadline.dueDate) : []);
  if (!deadline) return <span className="muted">—</span>;
  if (settled) {
    const late = verdict ?? (!!metAt && metAt >= deadline.dueAt);
    return (
      <span className="countdown" data-due={deadline.dueDate} data-met={metAt ?? undefined}>
        {showRule && <RuleLink rule={deadline.rule} />} {t.due} {formatDay(deadline.dueDate, lang)}
        {' · '}
        {metAt ? (
          <strong className={late ? 'badge badge--late' : undefined}>{(late ? t.metLate : t.metOnTime)(formatDay(localToday(new Date(metAt)), lang))}</strong>
        ) : (
          <span className="muted">{t.closed}</span>
        )}
      </span>
    );
  }
  const left = years ? workingDaysLeft(today, deadline.dueDate, indexYears(years)) : null;
  const passed = today > deadline.dueDate;
  return (
    <span className="countdown" data-due={deadline.dueDate} data-left={left ?? undefined}>
      {showRule && <RuleLink rule={deadline.rule} />} {t.due} {formatDay(deadline.dueDate, lang)}
      {left !== null && (
        <>
          {' · '}
          <strong className={passed ? 'badge badge--late' : left <= 3 ? 'badge badge--reminded' : undefined}>
            {passed ? (left === 0 ? t.overdueToday : t.overdue(-left)) : today === deadline.dueDate ? t.lastDay : t.left(left)}
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
