import type { CampaignView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON, KIND_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link, useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { Fact } from '../../ui/fact.js';
import { useProposal } from '../proposal/use-proposal.js';
import { UnitNameOf, useUnit } from '../units/unit-name.js';
import { MESSAGES } from './edit-proposal.messages.js';
import { MESSAGES as FORM_MESSAGES } from './new-proposal.messages.js';
import { fromProposalView, toCreateProposalBody, type ProposalChanges } from './proposal-form.js';
import { ProposalFormView } from './proposal-form-view.js';

/**
 * A draft edited (route /proposals/:id/edit): the new-proposal form, filled from the proposal, saved as one
 * UPDATE event with only the parts changed and `If-Match`, so an edit made on an older copy is refused rather
 * than overwriting someone else's. Kind, unit and campaign are shown but cannot change (UPDATE does not take
 * them). A returned proposal says why it was returned, above the form.
 */
export default function EditProposalPage({ params }: { params: { id?: string } & Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const t = useT(MESSAGES);
  const form = useT(FORM_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const { navigate } = useRouter();
  const path = `/api/proposals/${encodeURIComponent(id)}`;
  const proposalPage = `/proposals/${encodeURIComponent(id)}`;

  const loaded = useProposal(id);
  const proposal = loaded.data?.proposal;
  const unitId = proposal?.unitId;
  const campaignId = proposal?.campaignId ?? null;
  const unit = useUnit(unitId);
  const campaign = useResource(
    (signal) => (campaignId ? api.get<CampaignView>(`/api/campaigns/${encodeURIComponent(campaignId)}`, undefined, signal) : Promise.resolve(null)),
    `campaign:${campaignId ?? ''}`,
  );

  if (!loaded.data || !proposal) {
    if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
    return <p aria-busy="true">{common.loading}</p>;
  }
  const { version } = loaded.data;
  const back = (
    <p className="muted">
      <Link to={proposalPage}>← {t.back}</Link>
    </p>
  );

  if (proposal.state !== 'drafting' || !proposal.allowedEvents.includes('UPDATE')) {
    return (
      <>
        {back}
        <h1>{t.title}</h1>
        <p className="notice" role="status" data-testid="proposal-not-editable">
          {t.notEditable}
        </p>
        <p>
          <Link to={proposalPage} className="button-link primary">
            {t.back}
          </Link>
        </p>
      </>
    );
  }

  const initial = fromProposalView(proposal);
  const baseline = toCreateProposalBody(initial, proposal.unitId);
  const save = async (changes: ProposalChanges) => {
    await api.request(`${path}/events`, { method: 'POST', body: { type: 'UPDATE', changes }, ifMatch: version });
    navigate(proposalPage);
  };
  const campaignName = campaignId ? (campaign.data?.title ?? common.loading) : t.noCampaign;

  return (
    <>
      {back}
      <h1>{t.title}</h1>
      {proposal.lastReason && (
        <section className="findings findings--warning" data-testid="proposal-return-reason">
          <p>
            <strong>{t.returnReason}:</strong> {proposal.lastReason}
          </p>
        </section>
      )}
      <ProposalFormView
        // Loaded again after a conflict: the form starts over from the newer version.
        key={`${proposal.id}:${version}`}
        mode={{ kind: 'edit', baseline, onSave: save, onReload: loaded.reload }}
        initial={initial}
        unitId={proposal.unitId}
        fixedCampaign={campaign.data ?? null}
        deadlineMet={!!proposal.deadlineMetAt}
        saveLabel={t.save}
        label={t.title}
      >
        <section className="card" data-testid="proposal-fixed">
          <dl className="facts grid-2">
            <Fact label={form.kind}>{KIND_NAMES[lang][proposal.kind]}</Fact>
            <Fact label={form.unit} testId="proposal-unit">
              {unit.data ? <UnitNameOf unit={unit.data} /> : unit.error ? '—' : common.loading}
            </Fact>
            {proposal.kind === 'thematic' && <Fact label={form.campaign}>{campaignName}</Fact>}
            <Fact label={t.state}>{STATE_NAMES[lang][proposal.state] ?? ''}</Fact>
          </dl>
          <p className="muted">{t.fixedNote}</p>
        </section>
      </ProposalFormView>
    </>
  );
}
