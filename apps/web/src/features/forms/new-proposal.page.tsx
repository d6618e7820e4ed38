import type { ProposalView } from '../../api/api-types.js';
import type { CampaignView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { COMMON } from '../../i18n/common.messages.js';
import { useT } from '../../i18n/i18n.js';
import { useRouter } from '../../router/router.js';
import { useApi, useSession } from '../../session/session.js';
import { UnitNameOf, useUnit } from '../units/unit-name.js';
import { MESSAGES } from './new-proposal.messages.js';
import { EMPTY_PROPOSAL_FORM, type CreateProposalBody } from './proposal-form.js';
import { ProposalFormView } from './proposal-form-view.js';

/**
 * A drafter's new proposal (route /proposals/new). The unit is the signed-in user's; the form is the one a
 * draft is edited with (proposal-form-view.tsx), so what the drafter reads while typing is what reviewers
 * will read later.
 */
export default function NewProposalPage() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const api = useApi();
  const { user } = useSession();
  const { navigate } = useRouter();
  const unitId = user?.unitId ?? null;

  const campaigns = useResource((signal) => api.get<{ items: CampaignView[] }>('/api/campaigns', undefined, signal), 'campaigns');
  const unit = useUnit(unitId);

  async function save(body: CreateProposalBody) {
    const created = await api.post<ProposalView>('/api/proposals', body);
    navigate(`/proposals/${encodeURIComponent(created.id)}`);
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p>
        <strong>{t.unit}:</strong>{' '}
        {!unitId ? (
          <span role="alert">{t.noUnit}</span>
        ) : unit.data ? (
          <span data-testid="proposal-unit">
            <UnitNameOf unit={unit.data} />
          </span>
        ) : unit.error ? (
          <span className="muted">—</span>
        ) : (
          <span className="muted">{common.loading}</span>
        )}
      </p>
      <ProposalFormView
        mode={{ kind: 'create', onSave: save }}
        initial={EMPTY_PROPOSAL_FORM}
        unitId={unitId ?? ''}
        campaigns={{ items: campaigns.data?.items, error: campaigns.error, reload: campaigns.reload }}
        disabled={!unitId}
        saveLabel={t.save}
        label={t.title}
      />
    </>
  );
}
