import { useState, type FormEvent } from 'react';
import {
  STATISTICS_MAX_DAYS,
  STATISTICS_OUTCOMES,
  type StatisticsBody,
  type StatisticsBreakdownBody,
  type StatisticsCounts,
  type StatisticsDimension,
} from '#contracts';
import { NetworkError } from '../../api/api-error.js';
import { useResource } from '../../api/use-resource.js';
import { localToday } from '../../calendar/working-days.js';
import { COMMON } from '../../i18n/common.messages.js';
import { formatDateTime, formatDay, useLang, useT } from '../../i18n/i18n.js';
import { useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { DownloadStatus, useFileDownload } from '../../ui/file-download.js';
import { UnitName } from '../units/unit-name.js';
import { BarChart } from './statistics-chart.js';
import { periodFromQuery, periodProblem, QUICK_PERIODS, quickChoiceOf, quickPeriod, type Period } from './statistics-period.js';
import { MESSAGES } from './statistics.messages.js';
import './statistics.css';

type Text = (typeof MESSAGES)['vi'];

const valuesOf = (counts: StatisticsCounts) => [counts.awarded, counts.submitted, ...STATISTICS_OUTCOMES.map((outcome) => counts.outcome[outcome])];

const labelOf = (t: Text, by: StatisticsDimension, row: { key: string; label: string | null }) => (by === 'unit' ? (row.label ?? row.key) : t.key(row.key));

/** One breakdown as a table: a row per unit, form, kind…, its counts, and the total of the period. */
function BreakdownTable({ breakdown, total, t }: { breakdown: StatisticsBreakdownBody; total: StatisticsCounts; t: Text }) {
  const headers = [t.awarded, t.submitted, ...STATISTICS_OUTCOMES.map((outcome) => `${t.ofWhich}: ${t.outcome(outcome).toLowerCase()}`)];
  return (
    <table className="responsive stats-table" data-testid={`statistics-table-${breakdown.by}`} data-by={breakdown.by}>
      <caption>{t.dimension(breakdown.by)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.keyHeader(breakdown.by)}</th>
          {headers.map((header) => (
            <th key={header} scope="col" className="num">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {breakdown.rows.length === 0 && (
          <tr>
            <td colSpan={headers.length + 1} className="muted">
              {t.noUnits}
            </td>
          </tr>
        )}
        {breakdown.rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{labelOf(t, breakdown.by, row)}</th>
            {valuesOf(row.counts).map((value, i) => (
              <td key={headers[i]} className="num" data-label={headers[i]}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-key="total">
          <th scope="row">{t.total}</th>
          {valuesOf(total).map((value, i) => (
            <td key={headers[i]} className="num" data-label={headers[i]}>
              {value}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

function Report({ report, t }: { report: StatisticsBody; t: Text }) {
  const { lang } = useLang();
  const available = report.breakdowns.map((breakdown) => breakdown.by);
  const [chartBy, setChartBy] = useState<StatisticsDimension>(available.includes('unit') && report.unitId === null ? 'unit' : (available[1] ?? available[0] ?? 'unit'));
  const charted = report.breakdowns.find((breakdown) => breakdown.by === chartBy) ?? report.breakdowns[0];
  const from = formatDay(report.from, lang);
  const to = formatDay(report.to, lang);
  return (
    <div data-testid="statistics-report">
      <p className="stats-meta">
        {t.periodLine(from, to)} · {report.unitId ? (
          <>
            {t.scope} <UnitName unitId={report.unitId} />
          </>
        ) : (
          `${t.scope} ${t.everyUnit}`
        )} ·{' '}
        {t.generated(formatDateTime(report.generatedAt))}
      </p>
      <h2>{t.summary}</h2>
      <ul className="stats-summary" data-testid="statistics-summary">
        <li data-key="awarded">
          <strong>{report.total.awarded}</strong> {t.awardedTotal}
        </li>
        <li data-key="submitted">
          <strong>{report.total.submitted}</strong> {t.submittedTotal}
          <br />
          <span className="muted">
            {STATISTICS_OUTCOMES.map((outcome) => `${t.outcome(outcome)} ${report.total.outcome[outcome]}`).join(' · ')}
          </span>
        </li>
      </ul>
      {charted && (
        <section aria-labelledby="stats-chart-heading">
          <h2 id="stats-chart-heading">{t.chartHeading}</h2>
          <div className="no-print">
            <label htmlFor="stats-chart-by">{t.chartBy}</label>
            <select id="stats-chart-by" value={charted.by} onChange={(event) => setChartBy(event.target.value as StatisticsDimension)}>
              {available.map((by) => (
                <option key={by} value={by}>
                  {t.dimension(by)}
                </option>
              ))}
            </select>
          </div>
          <BarChart
            title={t.chartTitle(t.dimension(charted.by))}
            description={t.chartDescription(from, to)}
            empty={t.chartEmpty}
            series={[
              { name: t.awarded, className: 'stats-chart__bar--awarded' },
              { name: t.submitted, className: 'stats-chart__bar--submitted' },
            ]}
            groups={charted.rows.map((row) => ({ label: labelOf(t, charted.by, row), values: [row.counts.awarded, row.counts.submitted] }))}
          />
        </section>
      )}
      {report.breakdowns.map((breakdown) => (
        <BreakdownTable key={breakdown.by} breakdown={breakdown} total={report.total} t={t} />
      ))}
    </div>
  );
}

/**
 * The emulation-commendation office's period report (docs/statistics.md): a period (from/to, or a quick
 * choice), the counts in total and by unit, award form, kind, nominee and timeliness, a bar chart, the
 * spreadsheet to file, and a print view. The period is in the address, so a report can be bookmarked.
 */
export default function StatisticsPage() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  const { location, navigate } = useRouter();
  const today = localToday();
  const period = periodFromQuery(location.query, today);
  const problem = periodProblem(period, STATISTICS_MAX_DAYS);
  const [draft, setDraft] = useState<Period>(period);
  const [draftKey, setDraftKey] = useState(`${period.from}|${period.to}`);
  if (draftKey !== `${period.from}|${period.to}`) {
    // The address changed (back button, a quick choice): the fields follow it.
    setDraftKey(`${period.from}|${period.to}`);
    setDraft(period);
  }
  const report = useResource(
    (signal) =>
      problem ? Promise.resolve(undefined) : api.get<StatisticsBody>('/api/statistics', { from: period.from, to: period.to }, signal),
    problem ? `invalid:${period.from}|${period.to}` : `${period.from}|${period.to}`,
  );
  const { outcome, download } = useFileDownload();

  const go = (next: Period) => navigate(`/statistics?from=${encodeURIComponent(next.from)}&to=${encodeURIComponent(next.to)}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(draft);
  };
  const excel = () =>
    download({}, '/api/statistics', { from: period.from, to: period.to, format: 'xlsx' }, `thong-ke-khen-thuong-${period.from}-${period.to}.xlsx`, (error) =>
      error instanceof NetworkError ? t.network : t.excelFailed,
    );
  const pressed = quickChoiceOf(period, today);

  return (
    <section aria-labelledby="statistics-heading" className="stats-page">
      <h1 id="statistics-heading">{t.heading}</h1>
      <p className="stats-note">{t.whatIsCounted}</p>
      <form className="stats-period no-print" onSubmit={submit} aria-label={t.period} data-testid="statistics-period">
        <div>
          <label htmlFor="stats-from">{t.from}</label>
          <input id="stats-from" type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} required />
        </div>
        <div>
          <label htmlFor="stats-to">{t.to}</label>
          <input id="stats-to" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} required />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t.show}
          </button>
        </div>
        <div className="actions" role="group" aria-label={t.quickPeriods}>
          {QUICK_PERIODS.map((choice) => (
            <button key={choice} type="button" aria-pressed={pressed === choice} onClick={() => go(quickPeriod(choice, today))}>
              {t.quick(choice)}
            </button>
          ))}
        </div>
      </form>
      {problem ? (
        <p className="error" role="alert" data-testid="statistics-period-problem">
          {t[problem]}
        </p>
      ) : (
        <>
          <div className="actions no-print">
            <button type="button" onClick={() => void excel()} disabled={outcome.status === 'busy'} title={t.excelHint} data-testid="statistics-excel">
              {t.excel}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
          </div>
          <DownloadStatus outcome={outcome} downloading={t.downloading} saved={t.saved} className="no-print" />
          {report.error ? (
            <ErrorView error={report.error} onRetry={report.reload} />
          ) : !report.data || report.loading ? (
            <p aria-busy="true">{common.loading}</p>
          ) : (
            <Report report={report.data} t={t} />
          )}
        </>
      )}
    </section>
  );
}
