import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { CampaignView, HistoryEvent, MachineGraph, ProposalView, UnitView } from '../../api/api-types.js';
import type { DocumentKind, DossierDocument } from '../../api/document-types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { deadlineClosed } from '../../calendar/deadline-closed.js';
import { COMMON, STATE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { holdsAny } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { DossierJumpContext, type DossierJump } from '../../ui/dossier-jump.js';
import { ErrorView } from '../../ui/error-view.js';
import { FindingsList } from '../../ui/findings-list.js';
import { RuleLink } from '../../ui/rule-link.js';
import { DossierRequirements } from '../documents/dossier-requirements.js';
import { DossierSection, type DossierSectionHandle } from '../documents/dossier-section.js';
import { ProposalForms } from '../documents/proposal-forms.js';
import { ActionPanel } from './action-panel.js';
import { DeadlineExplanation, deadlineQuery } from './deadline-explanation.js';
import { HistoryTimeline } from './history-timeline.js';
import { MachineDiagram } from './machine-diagram.js';
import { PROPOSAL_MESSAGES } from './proposal.messages.js';

interface LoadedProposal {
  proposal: ProposalView;
  /** From the ETag when the server sends one (what If-Match must repeat), else the body's own. */
  version: number;
}

/**
 * One proposal: what it is, where it stands and by when, what the rulebook warns about, its dossier (Hồ sơ:
 * the documents, what the next steps still need, the forms to print), the machine it runs on with its stage
 * marked, its log, and what the signed-in person may do next. After every action, upload or removal the
 * proposal, its log and its documents are loaded again, so the buttons always match the stage.
 */
export default function ProposalPage({ params }: { params: { id?: string } & Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const api = useApi();
  const { user } = useSession();
  const t = useT(PROPOSAL_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const path = `/api/proposals/${encodeURIComponent(id)}`;

  const loaded = useResource<LoadedProposal>(async (signal) => {
    const response = await api.request<ProposalView>(path, { signal });
    return { proposal: response.data, version: response.version ?? response.data.version };
  }, path);
  const history = useResource((signal) => api.get<{ events: HistoryEvent[] }>(`${path}/history`, undefined, signal), path);
  const proposal = loaded.data?.proposal;
  // A server without documents sends no `dossier`: then there is no Hồ sơ section and nothing to ask for.
  const hasDossier = !!proposal?.dossier;
  const documents = useResource(
    (signal) =>
      hasDossier ? api.get<{ items: DossierDocument[] }>(`${path}/documents`, undefined, signal).then((page) => page.items) : Promise.resolve(undefined),
    `${path}/documents:${hasDossier}`,
  );
  const dossierRef = useRef<DossierSectionHandle>(null);
  const jump = useMemo<DossierJump>(() => ({ attach: (kind: DocumentKind) => dossierRef.current?.attach(kind) }), []);
  const machineVersion = proposal?.machineVersion;
  const unitId = proposal?.unitId;
  const campaignId = proposal?.campaignId ?? null;
  const graph = useResource(
    (signal) => (machineVersion === undefined ? Promise.resolve(null) : api.get<MachineGraph>(`/api/machines/${machineVersion}`, undefined, signal)),
    `machine:${machineVersion ?? ''}`,
  );
  const unit = useResource(
    (signal) => (unitId ? api.get<UnitView>(`/api/units/${encodeURIComponent(unitId)}`, undefined, signal) : Promise.resolve(null)),
    `unit:${unitId ?? ''}`,
  );
  const campaign = useResource(
    (signal) => (campaignId ? api.get<CampaignView>(`/api/campaigns/${encodeURIComponent(campaignId)}`, undefined, signal) : Promise.resolve(null)),
    `campaign:${campaignId ?? ''}`,
  );

  const { reload: reloadProposal } = loaded;
  const { reload: reloadHistory } = history;
  const { reload: reloadDocuments } = documents;
  // Documents are logged like events: after an action, an upload or a removal, all three are loaded again.
  const reload = useCallback(() => {
    reloadProposal();
    reloadHistory();
    reloadDocuments();
  }, [reloadProposal, reloadHistory, reloadDocuments]);

  // While a reload is under way the last answer stays on screen, so the action panel keeps its message.
  if (!loaded.data) {
    if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
    return <p aria-busy="true">{common.loading}</p>;
  }
  const { version } = loaded.data;
  const p = loaded.data.proposal;
  const ceremony = campaign.data?.ceremonyDate ?? null;
  const query = deadlineQuery(p, ceremony);
  const day = (iso: string | null | undefined) => formatDay(iso, lang);

  return (
    <DossierJumpContext.Provider value={jump}>
      <article className="proposal-page" data-proposal={p.id} data-state={p.state} data-version={version} aria-busy={loaded.loading || undefined}>
        <p className="muted">
          <Link to="/">← {t.back}</Link>
        </p>
        <h1>{t.heading(p.nominee.name)}</h1>
        <p className="proposal-badges">
          <span className="badge badge--state" data-testid="proposal-state" title={t.state}>
            {STATE_NAMES[lang][p.state] ?? p.state}
          </span>
          {p.late && (
            <span className="proposal-late">
              <span className="badge badge--late">{common.late}</span>
              {p.lateRule && (
                <>
                  {' '}
                  <span className="muted">{t.lateBy}</span> <RuleLink rule={p.lateRule} />
                </>
              )}
            </span>
          )}
          {p.escalation !== 'none' && <span className={`badge badge--${p.escalation}`}>{t.escalation(p.escalation)}</span>}
          <span className="muted">{t.version(version)}</span>
          {holdsAny(user, 'auditor', 'admin') && <Link to={`/proposals/${encodeURIComponent(p.id)}/replay`}>{t.replay}</Link>}
        </p>

        <ActionPanel
          proposal={p}
          version={version}
          onChanged={reload}
          notice={p.dossier && <DossierRequirements required={p.dossier.required} onAttach={jump.attach} />}
        />

        <section className="card" aria-labelledby="proposal-details">
          <h2 id="proposal-details">{t.details}</h2>
          <FindingsList findings={p.warnings} tone="warning" label={t.warnings} />
          <dl className="facts grid-2">
            <Fact label={t.nominee}>
              {p.nominee.name} <span className="muted">({t.nomineeType(p.nominee.type)})</span>
            </Fact>
            <Fact label={t.kind}>{t.kindName(p.kind)}</Fact>
            <Fact label={t.awardForm}>{t.awardName(p.awardForm)}</Fact>
            <Fact label={t.unit}>{unit.data?.name ?? p.unitId}</Fact>
            <Fact label={t.campaign}>{p.campaignId ? (campaign.data?.title ?? p.campaignId) : '—'}</Fact>
            <Fact label={t.summary} wide>
              <span className="history-text">{p.achievement.summary}</span>
            </Fact>
            <Fact label={t.achievementDate}>{day(p.achievement.date)}</Fact>
            <Fact label={t.basis}>{p.achievement.basis ? t.basisName(p.achievement.basis) : '—'}</Fact>
            <Fact label={t.recognizedAt}>{day(p.achievement.recognizedAt)}</Fact>
            <Fact label={t.submittedAt}>{formatDateTime(p.submittedAt)}</Fact>
            <Fact label={t.forwardedAt}>{formatDateTime(p.forwardedAt)}</Fact>
            <Fact label={t.vote}>{p.vote ? t.voteText(p.vote.members, p.vote.for, p.vote.against) : '—'}</Fact>
            <Fact label={t.decision}>{p.decision ? t.decisionText(p.decision.number, day(p.decision.date), p.decision.signedBy) : '—'}</Fact>
            <Fact label={t.lastReason} wide>
              {p.lastReason ? <span className="history-text">{p.lastReason}</span> : '—'}
            </Fact>
          </dl>
        </section>

        {p.dossier && (
          <>
            <DossierSection
              ref={dossierRef}
              proposalId={p.id}
              dossier={p.dossier}
              documents={documents.data}
              documentsError={documents.error}
              loading={documents.loading}
              onChanged={reload}
              onRetry={documents.reload}
            />
            <ProposalForms proposalId={p.id} forms={p.dossier.forms} awardForm={p.awardForm} />
          </>
        )}

        <section className="card" aria-labelledby="proposal-deadline">
          <h2 id="proposal-deadline">{t.deadline}</h2>
          <p>
            <DeadlineCountdown deadline={p.deadline} metAt={p.deadlineMetAt} late={p.late} closed={deadlineClosed(p)} />
          </p>
          <DeadlineExplanation query={query} />
        </section>

        <div className="grid-2 proposal-columns">
          <section className="card" aria-labelledby="proposal-workflow">
            <h2 id="proposal-workflow">{t.workflow}</h2>
            {graph.data ? (
              <MachineDiagram graph={graph.data} current={p.state} lang={lang} />
            ) : graph.error ? (
              <ErrorView error={graph.error} onRetry={graph.reload} />
            ) : (
              <p aria-busy="true">{common.loading}</p>
            )}
          </section>
          <section className="card" aria-labelledby="proposal-history">
            <h2 id="proposal-history">{t.history}</h2>
            {history.data ? (
              <HistoryTimeline events={history.data.events} />
            ) : history.error ? (
              <ErrorView error={history.error} onRetry={history.reload} />
            ) : (
              <p aria-busy="true">{common.loading}</p>
            )}
          </section>
        </div>
      </article>
    </DossierJumpContext.Provider>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'fact fact--wide' : 'fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
