import { useId, useMemo, useState } from 'react';
import type { PersonRole } from '#kernel';
import type { CampaignView, Page, ProposalView, UnitView } from '../../api/api-types.js';
import type { RequestOptions } from '../../api/api-client.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { deadlineClosed } from '../../calendar/deadline-closed.js';
import { AWARD_FORM_NAMES, COMMON, ESCALATION_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { holdsAny } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { RuleLink } from '../../ui/rule-link.js';
import { ListTools } from './list-tools.js';
import { FILTER_STATES, hasFilters, inboxUrl, listScope, MAX_SEARCH_LENGTH, proposalsQuery, readFilters, type InboxFilters } from './inbox-filters.js';
import { MESSAGES } from './inbox.messages.js';

export const PAGE_SIZE = 50;

const UNIT_ROLES: PersonRole[] = ['drafter', 'unit_head'];

function ProposalRow({ proposal, unitName }: { proposal: ProposalView; unitName: string }) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const escalation = proposal.escalation === 'none' ? null : proposal.escalation;
  return (
    <tr data-proposal-id={proposal.id} data-state={proposal.state} data-late={proposal.late || undefined} data-escalation={escalation ?? undefined}>
      <td data-label={t.nominee}>
        <Link to={`/proposals/${encodeURIComponent(proposal.id)}`}>{proposal.nominee.name}</Link>
        {proposal.nominee.type === 'collective' && <span className="muted"> ({t.collective})</span>}
      </td>
      <td data-label={t.awardForm}>{AWARD_FORM_NAMES[lang][proposal.awardForm] ?? proposal.awardForm}</td>
      <td data-label={t.unit}>{unitName}</td>
      <td data-label={t.state}>
        <span className="badge badge--state">{STATE_NAMES[lang][proposal.state] ?? proposal.state}</span>
      </td>
      <td data-label={t.deadline}>
        <DeadlineCountdown deadline={proposal.deadline} metAt={proposal.deadlineMetAt} late={proposal.late} closed={deadlineClosed(proposal)} />
      </td>
      <td data-label={t.flags}>
        {proposal.late && (
          <span className="inbox__flag">
            <span className="badge badge--late">{common.late}</span>{' '}
            {proposal.lateRule && (
              <span title={t.lateBy}>
                <RuleLink rule={proposal.lateRule} />
              </span>
            )}
          </span>
        )}{' '}
        {escalation && <span className={`badge badge--${escalation}`}>{ESCALATION_NAMES[lang][escalation]}</span>}
        {!proposal.late && !escalation && <span className="muted">—</span>}
      </td>
    </tr>
  );
}

function Filters({
  filters,
  onChange,
  units,
  campaigns,
  showUnit,
  showAll,
  all,
}: {
  filters: InboxFilters;
  onChange(next: InboxFilters): void;
  units: UnitView[] | undefined;
  campaigns: CampaignView[] | undefined;
  showUnit: boolean;
  showAll: boolean;
  all: boolean;
}) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const id = useId();
  return (
    <form className="card inbox-filters" role="search" aria-label={t.filters} onSubmit={(event) => event.preventDefault()}>
      <div className="inbox-filters__fields">
        <div>
          <label htmlFor={`${id}-state`}>{t.state}</label>
          <select id={`${id}-state`} name="state" value={filters.state ?? ''} onChange={(event) => onChange({ ...filters, state: (event.target.value || null) as InboxFilters['state'] })}>
            <option value="">{t.any}</option>
            {FILTER_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_NAMES[lang][state]}
              </option>
            ))}
          </select>
        </div>
        {showUnit && (
          <div>
            <label htmlFor={`${id}-unit`}>{t.unit}</label>
            <select id={`${id}-unit`} name="unitId" value={filters.unitId ?? ''} onChange={(event) => onChange({ ...filters, unitId: event.target.value || null })}>
              <option value="">{t.any}</option>
              {/* A bookmarked unit stays selectable while the list loads, or if it was removed since. */}
              {filters.unitId && !units?.some((unit) => unit.id === filters.unitId) && <option value={filters.unitId}>{filters.unitId}</option>}
              {units?.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-campaign`}>{t.campaign}</label>
          <select id={`${id}-campaign`} name="campaignId" value={filters.campaignId ?? ''} onChange={(event) => onChange({ ...filters, campaignId: event.target.value || null })}>
            <option value="">{t.any}</option>
            {filters.campaignId && !campaigns?.some((campaign) => campaign.id === filters.campaignId) && <option value={filters.campaignId}>{filters.campaignId}</option>}
            {campaigns?.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="inbox-filters__checks">
        <label className="check">
          <input type="checkbox" name="late" checked={filters.late} onChange={(event) => onChange({ ...filters, late: event.target.checked })} /> {t.lateOnly}
        </label>
        {showAll && (
          <label className="check">
            <input type="checkbox" name="all" checked={all} onChange={(event) => onChange({ ...filters, all: event.target.checked })} /> {t.allVisible}
          </label>
        )}
        {hasFilters(filters) && (
          <button type="button" onClick={() => onChange({ ...filters, state: null, unitId: null, campaignId: null, late: false, q: null })}>
            {t.clear}
          </button>
        )}
      </div>
    </form>
  );
}

/** One list of the inbox, paged by its own keyset cursor; new filters start it again at page 1. */
function useProposalPages(filterUrl: string, query: (cursor: string | undefined) => NonNullable<RequestOptions['query']>, enabled: boolean) {
  const api = useApi();
  const [paging, setPaging] = useState<{ filterUrl: string; cursors: string[] }>({ filterUrl, cursors: [] });
  const cursors = paging.filterUrl === filterUrl ? paging.cursors : [];
  const params = enabled ? query(cursors.at(-1)) : null;
  const page = useResource(
    (signal) => (params ? api.get<Page<ProposalView>>('/api/proposals', params, signal) : Promise.resolve({ items: [], nextCursor: null })),
    JSON.stringify(params),
  );
  return {
    page,
    cursors,
    previous: () => setPaging({ filterUrl, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setPaging({ filterUrl, cursors: [...cursors, cursor] }),
  };
}

function ProposalSection({
  pages,
  unitNames,
  label,
  testId,
  empty,
  quietWhenEmpty,
}: {
  pages: ReturnType<typeof useProposalPages>;
  unitNames: Map<string, string>;
  label: string;
  testId: string;
  empty: string;
  /** A section that is only "the rest" says it is empty in one line rather than with an empty table. */
  quietWhenEmpty?: boolean;
}) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { page, cursors } = pages;
  const nextCursor = page.data?.nextCursor ?? null;
  if (page.error) return <ErrorView error={page.error} onRetry={page.reload} />;
  if (!page.data) return <p aria-busy="true">{common.loading}</p>;
  if (quietWhenEmpty && page.data.items.length === 0 && cursors.length === 0) {
    return (
      <p className="muted" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <>
      <table className="responsive inbox-table" data-testid={testId} aria-label={label} aria-busy={page.loading}>
        <thead>
          <tr>
            <th scope="col">{t.nominee}</th>
            <th scope="col">{t.awardForm}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">{t.deadline}</th>
            <th scope="col">{t.flags}</th>
          </tr>
        </thead>
        <tbody>
          {page.data.items.map((proposal) => (
            <ProposalRow key={proposal.id} proposal={proposal} unitName={unitNames.get(proposal.unitId) ?? '—'} />
          ))}
          {page.data.items.length === 0 && (
            <tr data-empty="true">
              <td colSpan={6} className="inbox-table__empty">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {(cursors.length > 0 || nextCursor) && (
        <nav className="actions pager" aria-label={t.pagingOf(label)}>
          <button type="button" disabled={cursors.length === 0 || page.loading} onClick={pages.previous}>
            {common.previous}
          </button>
          <span className="pager__page" aria-live="polite">
            {t.page(cursors.length + 1)}
          </span>
          <button type="button" disabled={!nextCursor || page.loading} onClick={() => nextCursor && pages.next(nextCursor)}>
            {common.next}
          </button>
        </nav>
      )}
    </>
  );
}

/** The name search: typed into a box, applied on Enter or the button (one request, not one per key). */
function NameSearch({ value, onSearch }: { value: string | null; onSearch(q: string | null): void }) {
  const t = useT(MESSAGES);
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The address changed (back, a bookmark, "clear"): the box follows it.
    setShown(value);
    setText(value ?? '');
  }
  return (
    <form
      className="inbox-search"
      role="search"
      aria-label={t.search}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim().slice(0, MAX_SEARCH_LENGTH) || null);
      }}
    >
      <div>
        <label htmlFor={`${id}-q`}>{t.searchLabel}</label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={text}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={t.searchPlaceholder}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit">{t.searchButton}</button>
    </form>
  );
}

/**
 * The first screen. In the inbox, what is the signed-in person's turn comes first ("Đến lượt tôi", nearest
 * deadline first, from GET /api/proposals?actionable=true), then the rest of what waits at their stages
 * ("Đang theo dõi", actionable=false); "all" is one list in the order proposals were made. Each list pages by
 * its own cursor. Unit and campaign names come from their lists, loaded once, and deadlines count down on
 * calendar years fetched once per load.
 */
export default function InboxPage() {
  const t = useT(MESSAGES);
  const api = useApi();
  const { user } = useSession();
  const { location, navigate } = useRouter();

  const filters = readFilters(location.query);
  const filterUrl = inboxUrl(filters);
  // Auditors and administrators have nothing waiting on them but watch everything; for them "all" is the point.
  const { hasInbox, showAll, all } = listScope(user, filters);
  const showUnit = !!user && user.roles.some((role) => !UNIT_ROLES.includes(role));

  const turn = useProposalPages(filterUrl, (cursor) => proposalsQuery(filters, { inbox: true, actionable: true, cursor, limit: PAGE_SIZE }), !all);
  const rest = useProposalPages(
    filterUrl,
    (cursor) => proposalsQuery(filters, { inbox: !all, actionable: all ? undefined : false, cursor, limit: PAGE_SIZE }),
    true,
  );
  const units = useResource((signal) => api.get<{ items: UnitView[] }>('/api/units', undefined, signal), 'units');
  const campaigns = useResource((signal) => api.get<{ items: CampaignView[] }>('/api/campaigns', undefined, signal), 'campaigns');
  const unitNames = useMemo(() => new Map(units.data?.items.map((unit) => [unit.id, unit.name])), [units.data]);

  const change = (next: InboxFilters) => {
    // The toggle is written to the URL only when it departs from the default, so a plain bookmark stays "/".
    const explicitAll = next.all === null || next.all === !hasInbox ? null : next.all;
    navigate(inboxUrl({ ...next, all: explicitAll }), { replace: true });
  };
  const filtered = hasFilters(filters);

  return (
    <section aria-labelledby="inbox-heading">
      <div className="inbox-head">
        <h1 id="inbox-heading">{t.heading}</h1>
        {holdsAny(user, 'drafter', 'unit_head') && (
          <Link to="/proposals/new" className="button-link primary">
            {t.newProposal}
          </Link>
        )}
      </div>
      <NameSearch value={filters.q} onSearch={(q) => change({ ...filters, q })} />
      <Filters filters={filters} onChange={change} units={units.data?.items} campaigns={campaigns.data?.items} showUnit={showUnit} showAll={showAll} all={all} />
      <ListTools filters={filters} inbox={!all} />
      {units.error ? <ErrorView error={units.error} onRetry={units.reload} /> : null}
      {campaigns.error ? <ErrorView error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {all ? (
        <ProposalSection pages={rest} unitNames={unitNames} label={t.table} testId="inbox-table" empty={filtered ? t.emptyFiltered : t.emptyAll} />
      ) : (
        <>
          <h2 className="inbox-section-heading" id="inbox-turn">
            {t.myTurn}
          </h2>
          <p className="muted inbox-section-hint">{t.myTurnHint}</p>
          <ProposalSection pages={turn} unitNames={unitNames} label={t.myTurn} testId="inbox-table" empty={filtered ? t.emptyFiltered : t.emptyTurn} />
          {/* One refusal says it all: both lists ask with the same filters. */}
          {!turn.page.error && (
            <>
              <h2 className="inbox-section-heading" id="inbox-watching">
                {t.watching}
              </h2>
              <p className="muted inbox-section-hint">{t.watchingHint}</p>
              <ProposalSection
                pages={rest}
                unitNames={unitNames}
                label={t.watching}
                testId="inbox-watching-table"
                empty={filtered ? t.emptyFiltered : t.emptyWatching}
                quietWhenEmpty
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
