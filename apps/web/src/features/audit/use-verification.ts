import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../session/session.js';
import type { LogVerification } from './audit-types.js';

/** What the verification is run against: the whole log (replaying or not), or a signed checkpoint. */
export type VerifyTarget = { kind: 'log'; replay: boolean } | { kind: 'checkpoint'; checkpointId: string };

export type VerificationState =
  | { status: 'idle' }
  | { status: 'running'; target: VerifyTarget; seconds: number }
  | { status: 'done'; target: VerifyTarget; result: LogVerification }
  | { status: 'cancelled'; target: VerifyTarget }
  | { status: 'failed'; target: VerifyTarget; error: unknown };

/**
 * One verification at a time, cancellable. A walk over millions of events takes minutes, so the elapsed
 * seconds are counted for the user, and leaving the screen stops the wait (not the server's walk).
 */
export function useVerification() {
  const api = useApi();
  const [state, setState] = useState<VerificationState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const running = state.status === 'running';
  useEffect(() => {
    if (!running) return;
    const startedAt = Date.now();
    const timer = setInterval(() => {
      const seconds = Math.floor((Date.now() - startedAt) / 1000);
      setState((previous) => (previous.status === 'running' ? { ...previous, seconds } : previous));
    }, 1000);
    return () => clearInterval(timer);
  }, [running]);

  const run = useCallback(
    async (target: VerifyTarget) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', target, seconds: 0 });
      // The server replays by default; only the "no" is worth sending.
      const query = target.kind === 'checkpoint' ? { checkpoint: target.checkpointId } : { replay: target.replay ? undefined : 'false' };
      try {
        const result = await api.get<LogVerification>('/api/audit/verify', query, own.signal);
        if (!own.signal.aborted) setState({ status: 'done', target, result });
      } catch (error) {
        if (own.signal.aborted) return;
        setState({ status: 'failed', target, error });
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    const current = controller.current;
    if (!current) return;
    current.abort();
    controller.current = null;
    setState((previous) => (previous.status === 'running' ? { status: 'cancelled', target: previous.target } : previous));
  }, []);

  return { state, run, cancel };
}
