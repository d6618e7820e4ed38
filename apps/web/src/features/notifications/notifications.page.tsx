import { useRef, useState } from 'react';
import type { InboxNotice, InboxPage } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON, EVENT_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, pick, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { RuleLink } from '../../ui/rule-link.js';
import { MESSAGES } from './notifications.messages.js';
import { announceNoticesRead } from './unread-sync.js';
import { MarkAllReadButton } from './mark-all-read.js';

const PAGE_SIZE = 50;

const EVENT_BADGE: Record<InboxNotice['event'], string> = {
  DEADLINE_REMINDER: 'badge--reminded',
  DEADLINE_MISSED: 'badge--missed',
  ESCALATE: 'badge--escalated',
};

function NoticeItem({ notice, onRead }: { notice: InboxNotice; onRead(notice: InboxNotice): void }) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const item = useRef<HTMLLIElement>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const markRead = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const updated = await api.post<InboxNotice>(`/api/notifications/${encodeURIComponent(notice.id)}/read`);
      onRead({ ...notice, ...updated, read: true, readAt: updated.readAt ?? new Date().toISOString() });
      // The button is gone once read: keep keyboard users where they were instead of back at the top.
      item.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <li ref={item} tabIndex={-1} className={`card notice${notice.read ? '' : ' notice--unread'}`} data-notice-id={notice.id} data-read={notice.read}>
      <p className="notice__meta">
        <span className={`badge ${EVENT_BADGE[notice.event]}`} data-event={notice.event}>
          {EVENT_NAMES[lang][notice.event]}
        </span>{' '}
        {notice.read ? <span className="muted">{t.readAt(formatDateTime(notice.readAt))}</span> : <span className="badge badge--state">{t.unreadBadge}</span>}
      </p>
      <h2 className="notice__title">{pick(lang, notice.title, notice.titleEn)}</h2>
      <p className="notice__body">{pick(lang, notice.body, notice.bodyEn)}</p>
      <p className="notice__facts">
        <Link to={`/proposals/${encodeURIComponent(notice.proposalId)}`}>{t.proposal(notice.nominee)}</Link>
        {notice.dueDate && (
          <>
            {' · '}
            {notice.rule && <RuleLink rule={notice.rule} />} {t.due} {formatDay(notice.dueDate, lang)}
          </>
        )}
        {' · '}
        <span className="muted">
          {t.at} {formatDateTime(notice.at)}
        </span>
      </p>
      {!notice.read && (
        <div className="actions">
          <button type="button" onClick={() => void markRead()} disabled={saving}>
            {saving ? t.marking : t.markRead}
          </button>
        </div>
      )}
      <ErrorView error={failure} />
    </li>
  );
}

/** Every notice addressed to the signed-in person's roles, newest first, read or not. */
export default function NotificationsPage() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  // Keyset paging: the way back is the cursors that led here.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useResource(
    (signal) => api.get<InboxPage>('/api/notifications', { cursor, limit: PAGE_SIZE }, signal),
    cursor ?? '',
  );
  // What was marked read here since the page arrived, so the list and count change without asking again.
  const [readHere, setReadHere] = useState<Record<string, InboxNotice>>({});
  // After "mark all read": every notice on screen is read, and the count is the server's.
  const [allRead, setAllRead] = useState<{ at: string; unread: number } | null>(null);

  const onRead = (notice: InboxNotice) => {
    setReadHere((previous) => ({ ...previous, [notice.id]: notice }));
    announceNoticesRead();
  };

  const items =
    page.data?.items.map((notice) => readHere[notice.id] ?? (allRead && !notice.read ? { ...notice, read: true, readAt: allRead.at } : notice)) ?? [];
  const markedHere = page.data ? page.data.items.filter((notice) => !notice.read && readHere[notice.id]).length : 0;
  const unread = page.data ? (allRead ? allRead.unread : Math.max(0, page.data.unread - markedHere)) : null;
  const nextCursor = page.data?.nextCursor ?? null;

  return (
    <section aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">{t.heading}</h1>
      {unread !== null && (
        <div className="notifications-head">
          <p className="muted" data-testid="notifications-unread" data-unread={unread}>
            {t.unread(unread)}
          </p>
          {(unread > 0 || allRead) && <MarkAllReadButton disabled={unread === 0} onDone={(answer) => setAllRead({ at: new Date().toISOString(), unread: answer.unread })} />}
        </div>
      )}
      {page.error ? (
        <ErrorView error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <p aria-busy="true">{common.loading}</p>
      ) : items.length === 0 ? (
        <p className="card">{t.empty}</p>
      ) : (
        <ul className="notice-list" aria-busy={page.loading} data-testid="notification-list">
          {items.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onRead={onRead} />
          ))}
        </ul>
      )}
      {(cursors.length > 0 || nextCursor) && (
        <nav className="actions pager" aria-label={t.paging}>
          <button type="button" disabled={cursors.length === 0 || page.loading} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
            {common.previous}
          </button>
          <span className="pager__page">{t.page(cursors.length + 1)}</span>
          <button type="button" disabled={!nextCursor || page.loading} onClick={() => nextCursor && setCursors((stack) => [...stack, nextCursor])}>
            {common.next}
          </button>
        </nav>
      )}
    </section>
  );
}
