import { useState } from 'react';
import { PERSON_TYPES, type Page, type PersonBody, type PersonType } from '#contracts';
import { useResource } from '../../api/use-resource.js';
import { COMMON } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { useDebouncedValue } from '../forms/use-debounced-value.js';
import { UnitName } from '../units/unit-name.js';
import { GENDER_NAMES, PEOPLE_MESSAGES, PERSON_TYPE_NAMES } from './people.messages.js';

const PAGE_SIZE = 50;

/**
 * The registry of nominees (route /people; docs/architecture.md, "People and their awards"): a search by name,
 * typed with or without tone marks (the server folds both sides), and each person's page behind the name. The
 * query is kept in the address (?q=), so a search can be bookmarked and the back button returns to it.
 */
export default function PeoplePage() {
  const t = useT(PEOPLE_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const { location, navigate } = useRouter();
  const [typed, setTyped] = useState(location.query.get('q') ?? '');
  const type = (PERSON_TYPES as readonly string[]).includes(location.query.get('type') ?? '') ? (location.query.get('type') as PersonType) : '';
  const q = useDebouncedValue(typed.trim(), 250);
  const [extra, setExtra] = useState<{ key: string; items: PersonBody[]; cursor: string | null } | null>(null);
  const key = `people:${q}:${type}`;
  const first = useResource(
    (signal) => api.get<Page<PersonBody>>('/api/people', { ...(q ? { q } : {}), ...(type ? { type } : {}), limit: String(PAGE_SIZE) }, signal),
    key,
  );
  const more = extra?.key === key ? extra : null;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const [loadingMore, setLoadingMore] = useState(false);

  const setFilter = (next: { q?: string; type?: string }) => {
    const query = new URLSearchParams();
    const nq = next.q ?? typed;
    const nt = next.type ?? type;
    if (nq.trim()) query.set('q', nq.trim());
    if (nt) query.set('type', nt);
    const search = query.toString();
    navigate(`/people${search ? `?${search}` : ''}`, { replace: true });
  };

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<PersonBody>>('/api/people', {
        ...(q ? { q } : {}),
        ...(type ? { type } : {}),
        limit: String(PAGE_SIZE),
        cursor: nextCursor,
      });
      setExtra({ key, items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <div className="inbox-filters__fields people-filters" role="search">
        <div className="field">
          <label htmlFor="people-search">{t.search}</label>
          <input
            id="people-search"
            type="search"
            value={typed}
            aria-describedby="people-search-hint"
            onChange={(event) => {
              setTyped(event.target.value);
              setFilter({ q: event.target.value });
            }}
          />
          <small id="people-search-hint" className="hint">
            {t.searchHint}
          </small>
        </div>
        <div className="field">
          <label htmlFor="people-type">{t.typeFilter}</label>
          <select id="people-type" value={type} onChange={(event) => setFilter({ type: event.target.value })}>
            <option value="">{t.allTypes}</option>
            {PERSON_TYPES.map((value) => (
              <option key={value} value={value}>
                {PERSON_TYPE_NAMES[lang][value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {first.error ? (
        <ErrorView error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <p aria-busy="true">{common.loading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{q || type ? t.noMatch : t.empty}</p>
      ) : (
        <>
          <div style={{ overflowX: 'auto' }}>
            <table className="people-table" data-testid="people-table">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.birthYear}</th>
                  <th scope="col">{t.position}</th>
                  <th scope="col">{t.workplace}</th>
                  <th scope="col">{t.unit}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((person) => (
                  <tr key={person.id}>
                    <td>
                      <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
                    </td>
                    <td>
                      {PERSON_TYPE_NAMES[lang][person.type]}
                      {person.gender ? `, ${GENDER_NAMES[lang][person.gender]}` : ''}
                    </td>
                    <td>{person.birthYear ?? t.none}</td>
                    <td>{person.title ?? t.none}</td>
                    <td>{person.workplace ?? t.none}</td>
                    <td>{person.unitId ? <UnitName unitId={person.unitId} /> : t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {nextCursor && (
            <button type="button" onClick={loadMore} disabled={loadingMore}>
              {t.more}
            </button>
          )}
        </>
      )}
    </>
  );
}
