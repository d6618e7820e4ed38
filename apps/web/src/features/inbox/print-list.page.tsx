import { useMemo } from 'react';
import type { ApiClient } from '../../api/api-client.js';
import type { CampaignView, Page, ProposalView, UnitView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { localToday } from '../../calendar/working-days.js';
import { AWARD_FORM_NAMES, COMMON, STATE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { listedUnitName } from '../units/listed-unit-name.js';
import { UNITS_MESSAGES } from '../units/units.messages.js';
import { inboxUrl, listScope, proposalsQuery, readFilters, type InboxFilters } from './inbox-filters.js';
import { PRINT_MESSAGES } from './print-list.messages.js';

/** Pages of the API's largest size; a list longer than this many pages is cut, and says so. */
const PRINT_PAGE_SIZE = 200;
export const PRINT_MAX_PAGES = 25;

async function loadAll(api: ApiClient, filters: InboxFilters, inbox: boolean, signal: AbortSignal) {
  const items: ProposalView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PRINT_MAX_PAGES; page++) {
    const answer = await api.get<Page<ProposalView>>('/api/proposals', proposalsQuery(filters, { inbox, cursor, limit: PRINT_PAGE_SIZE }), signal);
    items.push(...answer.items);
    if (!answer.nextCursor) return { items, truncated: false };
    cursor = answer.nextCursor;
  }
  return { items, truncated: true };
}

/**
 * The nominee's chức vụ when the proposal carries one (a collective has none). The proposal view has no such
 * field yet; `title` is what the server's forms call it (libs/forms NomineeLine), `position` a likely spelling.
 */
const positionOf = (proposal: ProposalView) => {
  if (proposal.nominee.type !== 'individual') return '—';
  const nominee = proposal.nominee as { title?: unknown; position?: unknown };
  const position = typeof nominee.title === 'string' && nominee.title.trim() ? nominee.title : nominee.position;
  return typeof position === 'string' && position.trim() ? position.trim() : '—';
};

/**
 * The list of the inbox, with its filters, as a plain table to print (route /print/proposals): STT, name,
 * position, unit, award form, achievement, state, deadline. Printed A4 landscape without the console's
 * header, the table's header row repeated on every page (styles.css, `@media print`).
 */
export default function PrintListPage() {
  const t = useT(PRINT_MESSAGES);
  const common = useT(COMMON);
  const unitWords = useT(UNITS_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const { user } = useSession();
  const { location } = useRouter();
  const filters = readFilters(location.query);
  const { all } = listScope(user, filters);
  const key = JSON.stringify({ ...filters, all });
  // Back to the inbox as it was: the scope stays in its URL only when it is not the caller's default.
  const defaultAll = listScope(user, { ...filters, all: null }).all;
  const backTo = inboxUrl({ ...filters, all: filters.all === defaultAll ? null : filters.all });

  const list = useResource((signal) => loadAll(api, filters, !all, signal), key);
  const units = useResource((signal) => api.get<{ items: UnitView[] }>('/api/units', undefined, signal), 'units');
  const campaigns = useResource(
    (signal) => (filters.campaignId ? api.get<{ items: CampaignView[] }>('/api/campaigns', undefined, signal) : Promise.resolve({ items: [] })),
    `campaigns:${filters.campaignId ?? ''}`,
  );
  const unitNames = useMemo(() => new Map(units.data?.items.map((unit) => [unit.id, unit.name])), [units.data]);
  const unitsById = useMemo(() => new Map(units.data?.items.map((unit) => [unit.id, unit])), [units.data]);
  /** The unit's name the day the proposal was drafted, "(nay là …)" when it is now called otherwise (docs/documents.md). */
  const unitOf = (proposal: ProposalView) => {
    const unit = unitsById.get(proposal.unitId);
    return unit ? listedUnitName(unit, localToday(new Date(proposal.createdAt)), unitWords.nowIs) : '—';
  };
  const campaignTitle = campaigns.data?.items.find((campaign) => campaign.id === filters.campaignId)?.title ?? filters.campaignId;

  const described = [
    all ? t.scopeAll : t.scopeInbox,
    filters.state && `${t.state}: ${STATE_NAMES[lang][filters.state]}`,
    filters.unitId && `${t.unit}: ${unitNames.get(filters.unitId) ?? '…'}`,
    filters.campaignId && `${t.campaign}: ${campaignTitle ?? '…'}`,
    filters.late && t.lateOnly,
  ].filter(Boolean);

  return (
    <div className="print-sheet">
      <div className="print-toolbar no-print" role="group" aria-label={t.toolbar}>
        <Link to={backTo}>{t.back}</Link>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!list.data} data-testid="print-button" title={t.printHint}>
          {t.print}
        </button>
      </div>
      <h1 className="print-title">{t.title}</h1>
      <p className="print-meta">
        {described.join(' · ')}
        <br />
        {t.printedOn(formatDay(localToday(), lang))}
        {list.data && <> · {t.count(list.data.items.length)}</>}
      </p>
      {list.error ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <p aria-busy="true">{common.loading}</p>
      ) : (
        <>
          {list.data.truncated && (
            <p className="cal-banner" role="note">
              {t.truncated(list.data.items.length)}
            </p>
          )}
          <table className="print-table" aria-label={t.table} data-testid="print-table">
            <thead>
              <tr>
                <th scope="col">{t.no}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.position}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.awardForm}</th>
                <th scope="col">{t.summary}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((proposal, index) => (
                <tr key={proposal.id} data-proposal-id={proposal.id}>
                  <td className="print-table__no">{index + 1}</td>
                  <td>{proposal.nominee.name}</td>
                  <td>{positionOf(proposal)}</td>
                  <td>{unitOf(proposal)}</td>
                  <td>{AWARD_FORM_NAMES[lang][proposal.awardForm] ?? proposal.awardForm}</td>
                  <td className="print-table__summary">{proposal.achievement.summary}</td>
                  <td>{STATE_NAMES[lang][proposal.state] ?? proposal.state}</td>
                  <td className="print-table__deadline">
                    {proposal.deadline ? formatDay(proposal.deadline.dueDate, lang) : '—'}
                    {proposal.deadline?.provisional && <> ({t.provisional})</>}
                    {proposal.late && <> ({t.late})</>}
                  </td>
                </tr>
              ))}
              {list.data.items.length === 0 && (
                <tr>
                  <td colSpan={8} className="inbox-table__empty">
                    {t.empty}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
