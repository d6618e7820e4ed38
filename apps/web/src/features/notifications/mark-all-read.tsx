import { useState } from 'react';
import type { MarkAllReadBody } from '#contracts';
import { useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { MESSAGES } from './notifications.messages.js';
import { announceNoticesRead } from './unread-sync.js';

export const MARK_ALL_URL = '/api/notifications/read-all';

/**
 * "Đánh dấu tất cả là đã đọc": one request (POST /api/notifications/read-all), then the bell counts again
 * (announceNoticesRead) and the caller updates its own list. Used by the notifications page and the bell's popup.
 */
export function MarkAllReadButton({ onDone, disabled }: { onDone?(answer: MarkAllReadBody): void; disabled?: boolean }) {
  const t = useT(MESSAGES);
  const api = useApi();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);

  const markAll = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const answer = await api.post<MarkAllReadBody>(MARK_ALL_URL);
      setDone(answer.marked);
      onDone?.(answer);
      announceNoticesRead();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <span className="mark-all">
      <button type="button" data-testid="mark-all-read" onClick={() => void markAll()} disabled={saving || disabled}>
        {saving ? t.marking : t.markAll}
      </button>
      <span className="muted" role="status" aria-live="polite">
        {done !== null ? t.markedAll(done) : ''}
      </span>
      <ErrorView error={failure} />
    </span>
  );
}
