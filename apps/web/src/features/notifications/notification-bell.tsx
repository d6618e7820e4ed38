import type { InboxPageBody, LiveNoticeBody } from '#contracts';
import { useEffect, useId, useState } from 'react';
import { pick, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session.js';
import { MESSAGES } from './notifications.messages.js';
import { followEventStream, type SseMessage } from './sse-client.js';
import { onNoticesRead } from './unread-sync.js';
import { MarkAllReadButton } from './mark-all-read.js';

/** The `data` of a `notice` message on /api/notifications/stream (the contract's LiveNoticeBody). */
export type LiveNotice = LiveNoticeBody;

const STREAM_URL = '/api/notifications/stream';
const COUNT_URL = '/api/notifications/unread-count';
/** Long enough to read a title, short enough not to cover the navigation for long. */
export const LIVE_NOTICE_MS = 6_000;

function readNotice(message: SseMessage): LiveNotice | null {
  if (message.event !== 'notice') return null;
  try {
    const data = JSON.parse(message.data) as Partial<LiveNotice>;
    return typeof data.id === 'string' && typeof data.title === 'string' ? (data as LiveNotice) : null;
  } catch {
    return null;
  }
}

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

const RECOUNT_AFTER_MS = 500;
const POPUP_SIZE = 5;

/**
 * The bell's popup: the newest unread notices at a glance and "mark all read", without leaving the screen.
 * Its list is asked for when it opens, not kept live: the bell's count is.
 */
function BellPopup({ unread, onMarkedAll }: { unread: number | null; onMarkedAll(unread: number): void }) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const { api } = useSession();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxPageBody['items'] | null>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setItems(null);
    api.get<InboxPageBody>('/api/notifications', { limit: 20 }, controller.signal).then(
      (page) => !controller.signal.aborted && setItems(page.items.filter((item) => !item.read).slice(0, POPUP_SIZE)),
      () => !controller.signal.aborted && setItems([]),
    );
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    return () => {
      controller.abort();
      window.removeEventListener('keydown', close);
    };
  }, [api, open]);

  return (
    <>
      <button
        type="button"
        className="bell__toggle"
        data-testid="bell-popup-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t.quick}
        title={t.quick}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="bell__popup card" id={id} role="dialog" aria-label={t.quickHeading} data-testid="bell-popup">
          <p className="bell__popup-heading">{t.quickHeading}</p>
          {items === null ? (
            <p aria-busy="true" className="muted">…</p>
          ) : items.length === 0 ? (
            <p className="muted">{t.quickEmpty}</p>
          ) : (
            <ul className="bell__popup-list">
              {items.map((item) => (
                <li key={item.id}>
                  <Link to={`/proposals/${encodeURIComponent(item.proposalId)}`} onClick={() => setOpen(false)}>
                    {pick(lang, item.title, item.titleEn)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <MarkAllReadButton
              disabled={unread === 0}
              onDone={(answer) => {
                setItems([]);
                onMarkedAll(answer.unread);
              }}
            />
            <Link to="/notifications" onClick={() => setOpen(false)}>
              {t.seeAll}
            </Link>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * The header's bell: how many notices wait unread, kept live by the server's event stream. The count is asked
 * for again on every (re)connection, since notices may have come and gone while the stream was down.
 */
export function NotificationBell() {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const { token, api } = useSession();
  const [unread, setUnread] = useState<number | null>(null);
  const [live, setLive] = useState<LiveNotice | null>(null);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    // A notice delivered twice (a retried publish, two server instances) must not be counted twice.
    const seen = new Set<string>();
    let asked = false;
    let recount: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      asked = true;
      api.get<{ unread: number }>(COUNT_URL, undefined, controller.signal).then(
        (answer) => !controller.signal.aborted && setUnread(answer.unread),
        () => undefined,
      );
    };
    void followEventStream({
      url: STREAM_URL,
      token,
      signal: controller.signal,
      onOpen: refresh,
      // Without a stream (a server without it, or down), the count is still shown, once. A 401 goes
      // through the API client too, which signs out the way every other screen does.
      onDrop: ({ status }) => {
        if (!asked || status === 401) refresh();
      },
      onMessage: (message) => {
        const notice = readNotice(message);
        if (!notice || seen.has(notice.id)) return;
        seen.add(notice.id);
        // Shown at once, then corrected by the server's count: a notice stored while the first count was in
        // flight is in that count too, and would otherwise be counted twice. A storm asks only once.
        setUnread((count) => (count ?? 0) + 1);
        setLive(notice);
        clearTimeout(recount);
        recount = setTimeout(refresh, RECOUNT_AFTER_MS);
      },
    });
    const stopListening = onNoticesRead(refresh);
    return () => {
      controller.abort();
      clearTimeout(recount);
      stopListening();
    };
  }, [api, token]);

  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => setLive(null), LIVE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [live]);

  return (
    <span className="bell">
      <Link to="/notifications" className="bell__link" data-testid="bell" aria-label={t.bell(unread)} data-unread={unread ?? undefined}>
        <BellIcon />
        {unread !== null && (
          <span className={unread > 0 ? 'bell__count' : 'bell__count bell__count--zero'} data-testid="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </Link>
      <BellPopup unread={unread} onMarkedAll={(left) => setUnread(left)} />
      <span className="bell__live" role="status" aria-live="polite" data-testid="bell-live">
        {live ? t.live(pick(lang, live.title, live.titleEn)) : ''}
      </span>
    </span>
  );
}
