import { useMemo } from 'react';
import type { CalendarYear } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { calendarSource } from './calendar-source.js';
import { loadCalendarYear } from '../../calendar/use-calendar-years.js';
import { localToday } from '../../calendar/working-days.js';
import { COMMON } from '../../i18n/common.messages.js';
import { formatDay, pick, useLang, useT, type Lang } from '../../i18n/i18n.js';
import { useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { dayKind, markDays, mondayIndex, monthGrid, yearEntries, type DayMark, type IsoDay } from './calendar-grid.js';
import { MESSAGES } from './calendar.messages.js';

type Text = (typeof MESSAGES)['vi'];

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** What a day's tooltip says: its name, kind and source, the same facts as the list below the grids. */
function describe(mark: DayMark, t: Text, lang: Lang): string {
  const kind = mark.kind === 'off' ? mark.entry.kind : 'working_saturday';
  return `${pick(lang, mark.entry.name, mark.entry.nameEn)} · ${t.kind(kind)} · ${t.source}: ${calendarSource(mark.entry.source, lang)}`;
}

function MonthGrid({ year, month, marks, today }: { year: number; month: number; marks: ReadonlyMap<IsoDay, DayMark>; today: IsoDay }) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const weeks = useMemo(() => monthGrid(year, month), [year, month]);
  return (
    <table className="cal-grid" data-month={month}>
      <caption>{t.month(month)}</caption>
      <thead>
        <tr>
          {Array.from({ length: 7 }, (_, i) => (
            <th key={i} scope="col" className={i >= 5 ? 'cal-grid__weekend' : undefined}>
              <abbr title={t.weekdayName(i)}>{t.weekday(i)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((day, i) => {
              if (!day) return <td key={`blank-${i}`} className="cal-day cal-day--blank" />;
              const kind = dayKind(day, marks);
              const mark = marks.get(day);
              const isToday = day === today;
              return (
                <td
                  key={day}
                  className={`cal-day cal-day--${kind.replace('_', '-')}${isToday ? ' cal-day--today' : ''}`}
                  data-date={day}
                  data-kind={kind}
                  title={mark ? describe(mark, t, lang) : undefined}
                  aria-current={isToday ? 'date' : undefined}
                >
                  {Number(day.slice(8))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function YearView({ calendar, today }: { calendar: CalendarYear; today: IsoDay }) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const marks = useMemo(() => markDays(calendar), [calendar]);
  const entries = useMemo(() => yearEntries(calendar), [calendar]);
  return (
    <>
      {calendar.provisional && (
        <div className="cal-banner" role="note" data-testid="calendar-provisional">
          <span className="badge badge--provisional">{common.provisional}</span> {t.provisional}
        </div>
      )}
      <p className="cal-source">
        <strong>{t.source}:</strong> {calendarSource(calendar.source, lang)}
      </p>
      <ul className="cal-legend" aria-label={t.legend}>
        <li>
          <span className="cal-swatch cal-day--off" aria-hidden="true" /> {t.legendOff}
        </li>
        <li>
          <span className="cal-swatch cal-day--working-saturday" aria-hidden="true" /> {t.legendSaturday}
        </li>
        <li>
          <span className="cal-swatch cal-day--weekend" aria-hidden="true" /> {t.legendWeekend}
        </li>
        <li>
          <span className="cal-swatch cal-day--today" aria-hidden="true" /> {t.legendToday}
        </li>
      </ul>
      <div className="cal-year" data-testid="calendar-grids">
        {MONTHS.map((month) => (
          <MonthGrid key={month} year={calendar.year} month={month} marks={marks} today={today} />
        ))}
      </div>
      <h2>{t.listHeading}</h2>
      {entries.length === 0 ? (
        <p>{t.noEntries}</p>
      ) : (
        <table className="responsive cal-list" data-testid="calendar-list">
          <thead>
            <tr>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.kindHeading}</th>
              <th scope="col">{t.source}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((mark) => {
              const kind = mark.kind === 'off' ? mark.entry.kind : 'working_saturday';
              const swappedWith = mark.kind === 'off' ? mark.entry.swappedWith : undefined;
              return (
                <tr key={mark.entry.date} data-date={mark.entry.date} data-kind={kind}>
                  <td data-label={t.date}>
                    {t.weekdayName(mondayIndex(mark.entry.date))} {formatDay(mark.entry.date, lang)}
                  </td>
                  <td data-label={t.name}>
                    {pick(lang, mark.entry.name, mark.entry.nameEn)}
                    {swappedWith && <span className="muted"> ({t.swappedWith(formatDay(swappedWith, lang))})</span>}
                  </td>
                  <td data-label={t.kindHeading}>
                    <span className={mark.kind === 'off' ? 'badge badge--state' : 'badge badge--reminded'}>{t.kind(kind)}</span>
                  </td>
                  <td data-label={t.source}>{calendarSource(mark.entry.source, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * The working-day calendar the server counts deadlines on, a year at a time: days off and working Saturdays
 * with where each comes from, and whether the year is still computed (provisional) rather than announced.
 */
export default function CalendarPage() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  const { location, navigate } = useRouter();
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  const asked = location.query.get('year');
  const valid = asked !== null && /^\d{4}$/.test(asked);
  const year = valid ? Number(asked) : thisYear;
  // Shares the cache the deadline countdowns use: a year looked at here is not fetched again for the inbox.
  const calendar = useResource(() => loadCalendarYear(api, year), String(year));
  const go = (target: number) => navigate(`/calendar?year=${target}`);

  return (
    <section aria-labelledby="calendar-heading" className="calendar-page">
      <h1 id="calendar-heading">{t.heading(year)}</h1>
      {asked !== null && !valid && (
        <p className="error" role="alert">
          {t.badYear}
        </p>
      )}
      <nav className="actions" aria-label={t.years}>
        <button type="button" onClick={() => go(year - 1)}>
          {t.previous(year - 1)}
        </button>
        {year !== thisYear && (
          <button type="button" onClick={() => go(thisYear)}>
            {t.thisYear}
          </button>
        )}
        <button type="button" onClick={() => go(year + 1)}>
          {t.next(year + 1)}
        </button>
      </nav>
      {calendar.error ? (
        <ErrorView error={calendar.error} onRetry={calendar.reload} />
      ) : !calendar.data || calendar.data.year !== year ? (
        <p aria-busy="true">{common.loading}</p>
      ) : (
        <YearView calendar={calendar.data} today={today} />
      )}
    </section>
  );
}
