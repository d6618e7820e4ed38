import { useEffect, useState } from 'react';
import type { HistoryEvent, ProposalView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { MachineDiagram } from '../proposal/machine-diagram.js';
import { eventName, knownState, stateName } from './audit-names.js';
import type { ProposalReplayView } from './audit-types.js';
import { REPLAY_MESSAGES } from './replay.messages.js';
import { ReplayChecks } from './replay-checks.js';
import { ReplayEvent } from './replay-event.js';
import { ReplaySlider } from './replay-slider.js';
import { ReplaySnapshot } from './replay-snapshot.js';
import { useMachineGraph } from './use-machine-graph.js';

const positiveInteger = (text: string | null): number | null => {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 1 ? value : null;
};

/**
 * A proposal's history step by step, as an auditor checks it: the line at each step, the proposal the server
 * rebuilds from the log up to it, and whether the log can be trusted there. `?seq=N` opens (and shares) a step.
 */
export default function ReplayPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const path = `/api/proposals/${encodeURIComponent(id)}`;
  const api = useApi();
  const { location } = useRouter();
  const t = useT(REPLAY_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();

  const history = useResource((signal) => api.get<{ events: HistoryEvent[] }>(`${path}/history`, undefined, signal), `history:${id}`);
  const proposal = useResource((signal) => api.get<ProposalView>(path, undefined, signal), `proposal:${id}`);
  const [chosen, setChosen] = useState<number | null>(() => positiveInteger(location.query.get('seq')));

  const events = history.data?.events ?? [];
  // The highest seq, not the count: with a line deleted the slider must still reach the last one.
  const lastSeq = events.reduce((max, event) => Math.max(max, event.seq), 0);
  const requested = lastSeq > 0 ? Math.min(chosen ?? lastSeq, lastSeq) : chosen;
  // Without the history (a proposal row deleted from under its events), the replay of the whole log still
  // answers, and says how many events there are.
  const ready = !history.loading;
  const replay = useResource(
    (signal) =>
      ready
        ? api.get<ProposalReplayView>(`${path}/replay`, requested === null ? undefined : { seq: requested }, signal)
        : Promise.resolve(undefined),
    ready ? `replay:${id}:${requested ?? 'last'}` : `replay:${id}:waiting`,
  );

  const total = lastSeq || replay.data?.events || 0;
  const seq = requested ?? replay.data?.seq ?? total;
  const event = events.find((candidate) => candidate.seq === seq);
  const view = replay.data;
  const graphVersion = event?.machineVersion ?? view?.machineVersion ?? proposal.data?.machineVersion ?? null;
  const graph = useMachineGraph(graphVersion);

  useEffect(() => {
    if (chosen === null) return;
    // Replaced, not pushed: the back button should leave the replay, not walk back through every step.
    const url = new URL(window.location.href);
    url.searchParams.set('seq', String(chosen));
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
  }, [chosen]);

  const heading = proposal.data ? t.titleOf(proposal.data.nominee.name) : t.title;
  const stepLabel = total > 0 ? `${t.stepOf(seq, total)}${event ? `: ${eventName(lang, event.type)}` : ''}` : '';

  return (
    <div className="replay-page">
      <h1>{heading}</h1>
      {/* The proposal is named by its nominee above; its id stays in the link and the address, not the text. */}
      <p className="muted" data-proposal-id={id}>
        <Link to={`/proposals/${encodeURIComponent(id)}`}>{t.backToProposal}</Link>
        {proposal.data && <> · {t.machineNow(proposal.data.machineVersion)}</>}
      </p>
      <p className="muted">{t.intro}</p>

      {(history.loading || (replay.loading && !view)) && <p aria-busy="true">{common.loading}</p>}
      {ready && total === 0 && !replay.loading && !replay.error && <p>{t.noEvents}</p>}

      {total > 0 && (
        <section className="card" aria-label={t.step}>
          <ReplaySlider seq={seq} total={total} valueText={stepLabel} onChange={setChosen} />
        </section>
      )}

      {replay.error ? <ErrorView error={replay.error} onRetry={replay.reload} /> : null}

      {view && total > 0 && (
        <div data-testid="replay-view" data-seq={view.seq} aria-busy={replay.loading}>
          <p role="status" className="audit-sr-only">
            {`${t.stepOf(seq, total)}: ${stateName(lang, view.state)}`}
          </p>
          {replay.loading && <p className="muted">{t.loadingStep}</p>}
          <div className="grid-2">
            <section className="card" aria-labelledby="replay-event-heading">
              <h2 id="replay-event-heading">{t.eventHeading}</h2>
              {history.error ? <ErrorView error={history.error} onRetry={history.reload} /> : <ReplayEvent event={event} />}
            </section>
            <section className="card" aria-labelledby="replay-state-heading">
              <h2 id="replay-state-heading">{t.stateHeading}</h2>
              <ReplaySnapshot replay={view} />
            </section>
          </div>
          <section className="card" aria-labelledby="replay-checks-heading">
            <h2 id="replay-checks-heading">{t.checksHeading}</h2>
            <ReplayChecks replay={view} event={event} />
          </section>
          {graphVersion !== null && (
            <section className="card" aria-labelledby="replay-diagram-heading">
              <h2 id="replay-diagram-heading">{t.diagramHeading}</h2>
              <p className="muted">{t.diagramNote(graphVersion)}</p>
              {graph.error ? <ErrorView error={graph.error} onRetry={graph.reload} /> : null}
              {graph.data && <MachineDiagram graph={graph.data} current={knownState(view.state)} lang={lang} />}
            </section>
          )}
        </div>
      )}
    </div>
  );
}
