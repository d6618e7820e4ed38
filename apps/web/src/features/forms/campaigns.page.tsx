import type { CampaignView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { COMMON, ROUND_NAMES } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { holdsAny } from '../../session/session-token.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { FORMS_MESSAGES } from '../documents/documents.messages.js';
import { FormDownloads } from '../documents/form-downloads.js';
import { MESSAGES } from './campaigns.messages.js';
import { QuotaUsage } from './quota-usage.js';

/** Every campaign with its ceremony, its TH-5 dossier deadline and how much of its numbers is used (route /campaigns). */
export default function CampaignsPage() {
  const t = useT(MESSAGES);
  const forms = useT(FORMS_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const { user } = useSession();
  const campaigns = useResource((signal) => api.get<{ items: CampaignView[] }>('/api/campaigns', undefined, signal), 'campaigns');

  return (
    <>
      <h1>{t.title}</h1>
      {holdsAny(user, 'home_affairs', 'admin') && (
        <p className="actions">
          <Link to="/campaigns/new" data-testid="campaign-new">
            {t.newCampaign}
          </Link>
        </p>
      )}
      {campaigns.error ? (
        <ErrorView error={campaigns.error} onRetry={campaigns.reload} />
      ) : !campaigns.data ? (
        <p aria-busy="true">{common.loading}</p>
      ) : campaigns.data.items.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t.campaign}</th>
              <th scope="col">{t.round}</th>
              <th scope="col">{t.ceremony}</th>
              <th scope="col">{t.deadline}</th>
              <th scope="col">{t.quota}</th>
              <th scope="col">{t.proposals}</th>
              <th scope="col">{t.forms}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((campaign) => (
              <tr key={campaign.id} data-testid={`campaign-${campaign.id}`}>
                <td data-label={t.campaign}>
                  <strong>{campaign.title}</strong>
                </td>
                <td data-label={t.round}>{ROUND_NAMES[lang][campaign.round]}</td>
                <td data-label={t.ceremony}>{formatDay(campaign.ceremonyDate, lang)}</td>
                <td data-label={t.deadline}>
                  <DeadlineCountdown deadline={campaign.dossierDeadline} />
                </td>
                <td data-label={t.quota}>
                  <QuotaUsage campaignId={campaign.id} />
                </td>
                <td data-label={t.proposals}>
                  <Link to={`/?campaignId=${encodeURIComponent(campaign.id)}`} aria-label={`${t.inbox}: ${campaign.title}`}>
                    {t.inbox}
                  </Link>
                </td>
                <td data-label={t.forms}>
                  {/* The whole approved list of the campaign in one decision; 409 until one proposal is approved. */}
                  <FormDownloads
                    items={[
                      {
                        key: 'quyet-dinh',
                        name: forms.campaignDecision,
                        spokenName: `${forms.campaignDecision}: ${campaign.title}`,
                        path: `/api/campaigns/${encodeURIComponent(campaign.id)}/forms/quyet-dinh`,
                        fallbackName: 'quyet-dinh-ca-dot',
                        notReady: forms.campaignNotReady,
                      },
                    ]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
