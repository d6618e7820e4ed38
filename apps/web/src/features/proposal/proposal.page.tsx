import { useCallback, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { CampaignView, HistoryEvent, MachineGraph } from '../../api/api-types.js';
import type { DocumentKind, DossierDocument } from '../../api/document-types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { deadlineClosed } from '../../calendar/deadline-closed.js';
import { localToday } from '../../calendar/working-days.js';
import { COMMON, STATE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, formatDateTime, useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { holdsAny } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { DossierJumpContext, type DossierJump } from '../../ui/dossier-jump.js';
import { ErrorView } from '../../ui/error-view.js';
import { Fact } from '../../ui/fact.js';
import { FindingsList } from '../../ui/findings-list.js';
import { RuleLink } from '../../ui/rule-link.js';
import { DossierRequirements } from '../documents/dossier-requirements.js';
import { DossierSection, type DossierSectionHandle } from '../documents/dossier-section.js';
import { ProposalForms } from '../documents/proposal-forms.js';
import { UnitName } from '../units/unit-name.js';
import { historyPhrase } from './action-names.messages.js';
import { ActionPanel } from './action-panel.js';
import { BlockerList } from './blockers.js';
import { DeadlineExplanation, deadlineQuery } from './deadline-explanation.js';
import { HistoryTimeline } from './history-timeline.js';
import { LateNote, useLateOutlook } from './late-warning.js';
import { MachineDiagram } from './machine-diagram.js';
import { actorLine, ProcessHistory } from './process-history.js';
import { EVENT_FACTS_MESSAGES } from './event-facts.messages.js';
import { PROPOSAL_MESSAGES } from './proposal.messages.js';
import { useProposal } from './use-proposal.js';
import './proposal-page.css';

type Tab = 'dossier' | 'audit';
/** The audit tab is in the address (`?tab=kiem-tra`), so an inspector can bookmark or share it. */
const AUDIT_TAB = 'kiem-tra';

/**
 * One proposal, in two tabs. "Hồ sơ", what every official works with: what the rulebook and the deadline warn
 * about, what the signed-in person may do next (named as their office names it), what the proposal is, its
 * dossier (the documents, what the next steps still need, the forms to print), the deadline, and "Quá trình xử
 * lý", the history in plain words. "Kiểm tra (nhật ký)", the inspector's: the data and workflow versions, the
 * machine with its stage marked, and the hash-chained log. After every action, upload or removal the proposal,
 * its log and its documents are loaded again, so the buttons always match the stage.
 */
export default function ProposalPage({ params }: { params: { id?: string } & Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const api = useApi();
  const { user } = useSession();
  const { location, navigate } = useRouter();
  const t = useT(PROPOSAL_MESSAGES);
  const facts = useT(EVENT_FACTS_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const path = `/api/proposals/${encodeURIComponent(id)}`;
  const tab: Tab = location.query.get('tab') === AUDIT_TAB ? 'audit' : 'dossier';
  const inspector = holdsAny(user, 'auditor', 'admin');

  const loaded = useProposal(id);
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
  // The machine is drawn only in the audit tab: nobody else waits for it.
  const machineVersion = tab === 'audit' ? proposal?.machineVersion : undefined;
  const campaignId = proposal?.campaignId ?? null;
  const graph = useResource(
    (signal) => (machineVersion === undefined ? Promise.resolve(null) : api.get<MachineGraph>(`/api/machines/${machineVersion}`, undefined, signal)),
    `machine:${machineVersion ?? ''}`,
  );
  const campaign = useResource(
    (signal) => (campaignId ? api.get<CampaignView>(`/api/campaigns/${encodeURIComponent(campaignId)}`, undefined, signal) : Promise.resolve(null)),
    `campaign:${campaignId ?? ''}`,
  );
  const outlook = useLateOutlook(proposal);

  const { reload: reloadProposal } = loaded;
  const { reload: reloadHistory } = history;
  const { reload: reloadDocuments } = documents;
  // Documents are logged like events: after an action, an upload or a removal, all three are loaded again.
  const reload = useCallback(() => {
    reloadProposal();
    reloadHistory();
    reloadDocuments();
  }, [reloadProposal, reloadHistory, reloadDocuments]);

  const showTab = (next: Tab) => {
    const query = new URLSearchParams(location.query);
    if (next === 'audit') query.set('tab', AUDIT_TAB);
    else query.delete('tab');
    const search = query.toString();
    navigate(`${location.path}${search ? `?${search}` : ''}`, { replace: true });
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: Tab = tab === 'dossier' ? 'audit' : 'dossier';
    showTab(next);
    document.getElementById(`proposal-tab-${next}`)?.focus();
  };

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
  const events = history.data?.events;
  const returnedBy = p.state === 'drafting' && p.lastReason && events ? lastReturn(events, lang) : null;

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
        </p>

        <div className="proposal-tabs" role="tablist" aria-label={t.tabs}>
          <TabButton id="dossier" current={tab} onSelect={showTab} onKeyDown={onTabKey}>
            {t.tabDossier}
          </TabButton>
          <TabButton id="audit" current={tab} onSelect={showTab} onKeyDown={onTabKey}>
            {t.tabAudit}
          </TabButton>
        </div>

        {tab === 'dossier' ? (
          <div role="tabpanel" id="proposal-panel-dossier" aria-labelledby="proposal-tab-dossier" data-testid="tab-panel-dossier">
            <section className="card proposal-notes" aria-labelledby="proposal-notes">
              <h2 id="proposal-notes">{t.warnings}</h2>
              {/* ND-1 asked today: the official reads what their step would be refused for before pressing it. */}
              <BlockerList blockers={p.blockers} />
              <FindingsList
                findings={p.warnings}
                tone="warning"
                label={t.warnings}
                bare
                lead={outlook ? <LateNote outlook={outlook} /> : undefined}
                empty={p.blockers?.length ? undefined : t.noWarnings}
              />
            </section>

            <ActionPanel
              proposal={p}
              version={version}
              onChanged={reload}
              outlook={outlook}
              returnedBy={returnedBy}
              notice={p.dossier && <DossierRequirements required={p.dossier.required} onAttach={jump.attach} />}
            />

            <section className="card" aria-labelledby="proposal-details">
              <h2 id="proposal-details">{t.details}</h2>
              <dl className="facts grid-2">
                <Fact label={t.nominee}>
                  {/* The registry holds the person's other proposals, awards and Art. 4 matters (docs/rules.md ND-1). */}
                  {p.nominee.personId ? <Link to={`/people/${p.nominee.personId}`}>{p.nominee.name}</Link> : p.nominee.name}{' '}
                  <span className="muted">({t.nomineeType(p.nominee.type)})</span>
                  {(p.nominee.title || p.nominee.workplace) && (
                    <span className="muted"> — {[p.nominee.title, p.nominee.workplace].filter(Boolean).join(', ')}</span>
                  )}
                </Fact>
                <Fact label={t.kind}>{t.kindName(p.kind)}</Fact>
                <Fact label={t.awardForm}>{t.awardName(p.awardForm)}</Fact>
                {/* The unit as it was named the day the proposal was made, and what it is now if it has changed since. */}
                <Fact label={t.unit}>
                  <span data-testid="proposal-unit">
                    <UnitName unitId={p.unitId} on={localToday(new Date(p.createdAt))} />
                  </span>
                </Fact>
                <Fact label={t.campaign}>{p.campaignId ? (campaign.data?.title ?? common.loading) : '—'}</Fact>
                <Fact label={t.summary} wide>
                  <span className="history-text">{p.achievement.summary}</span>
                </Fact>
                <Fact label={t.achievementDate}>{day(p.achievement.date)}</Fact>
                <Fact label={t.basis}>{p.achievement.basis ? t.basisName(p.achievement.basis) : '—'}</Fact>
                <Fact label={t.recognizedAt}>{day(p.achievement.recognizedAt)}</Fact>
                <Fact label={t.submittedAt}>{formatDateTime(p.submittedAt)}</Fact>
                <Fact label={t.forwardedAt}>{formatDateTime(p.forwardedAt)}</Fact>
                <Fact label={t.vote}>{p.vote ? facts.voteText(p.vote.members, p.vote.for, p.vote.against) : '—'}</Fact>
                <Fact label={t.decision}>{p.decision ? facts.decisionText(p.decision.number, day(p.decision.date), p.decision.signedBy) : '—'}</Fact>
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

            <section className="card" aria-labelledby="proposal-process">
              <h2 id="proposal-process">{t.process}</h2>
              {events ? (
                <ProcessHistory events={events} />
              ) : history.error ? (
                <ErrorView error={history.error} onRetry={history.reload} />
              ) : (
                <p aria-busy="true">{common.loading}</p>
              )}
            </section>
          </div>
        ) : (
          <div role="tabpanel" id="proposal-panel-audit" aria-labelledby="proposal-tab-audit" data-testid="tab-panel-audit">
            <section className="card" aria-labelledby="proposal-audit">
              <h2 id="proposal-audit">{t.auditHeading}</h2>
              <p className="muted">{t.auditIntro}</p>
              <dl className="facts grid-2">
                <Fact label={t.dataVersion}>
                  <span data-testid="proposal-version">{version}</span>
                </Fact>
                <Fact label={t.machineVersion}>{p.machineVersion}</Fact>
                <Fact label={t.proposalId} wide>
                  <code>{p.id}</code>
                </Fact>
              </dl>
              {inspector && (
                <p>
                  <Link to={`/proposals/${encodeURIComponent(p.id)}/replay`}>{t.replay}</Link>
                </p>
              )}
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
                {events ? (
                  <HistoryTimeline events={events} />
                ) : history.error ? (
                  <ErrorView error={history.error} onRetry={history.reload} />
                ) : (
                  <p aria-busy="true">{common.loading}</p>
                )}
              </section>
            </div>
          </div>
        )}
      </article>
    </DossierJumpContext.Provider>
  );
}

function TabButton(props: { id: Tab; current: Tab; onSelect(tab: Tab): void; onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void; children: ReactNode }) {
  const selected = props.id === props.current;
  return (
    <button
      type="button"
      role="tab"
      id={`proposal-tab-${props.id}`}
      aria-selected={selected}
      aria-controls={`proposal-panel-${props.id}`}
      tabIndex={selected ? 0 : -1}
      data-testid={`tab-${props.id}`}
      className={selected ? 'proposal-tab proposal-tab--current' : 'proposal-tab'}
      onClick={() => props.onSelect(props.id)}
      onKeyDown={props.onKeyDown}
    >
      {props.children}
    </button>
  );
}

/** Who sent the proposal back, and when: the last RETURN of its log, in words. */
function lastReturn(events: readonly HistoryEvent[], lang: 'vi' | 'en'): string | null {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  for (let i = ordered.length - 1; i > 0; i--) {
    const event = ordered[i]!;
    if (event.type !== 'RETURN') continue;
    const what = historyPhrase(lang, 'RETURN', ordered[i - 1]!.state, event.actor.roles);
    return [what, actorLine(event, lang), formatDateTime(event.at)].filter(Boolean).join(' · ');
  }
  return null;
}

