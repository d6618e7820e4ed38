import type { CampaignQuota } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { AWARD_FORM_NAMES, COMMON } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { useApi } from '../../session/session.js';
import { MESSAGES } from './campaigns.messages.js';

/**
 * How much of each award form's number (TH-1) the campaign has used, as the server counts it
 * (GET /api/campaigns/:id/quota). Reaching the number is marked, not only going over it: the next proposal
 * that reaches the province would be refused.
 */
export function QuotaUsage({ campaignId }: { campaignId: string }) {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const quota = useResource(
    (signal) => api.get<CampaignQuota>(`/api/campaigns/${encodeURIComponent(campaignId)}/quota`, undefined, signal),
    campaignId,
  );
  if (quota.error) {
    // One campaign's numbers failing is no reason to hide the list; the message says what the server said.
    return (
      <span className="muted" title={quota.error instanceof Error ? quota.error.message : undefined}>
        {t.quotaUnavailable}
      </span>
    );
  }
  if (!quota.data) return <span className="muted">{common.loading}</span>;
  if (quota.data.byAwardForm.length === 0) return <span className="muted">{t.noQuota}</span>;
  return (
    <ul className="quota-usage">
      {quota.data.byAwardForm.map(({ awardForm, limit, used }) => {
        const name = AWARD_FORM_NAMES[lang][awardForm];
        const reached = limit !== null && used >= limit;
        return (
          <li key={awardForm} data-testid={`quota-${awardForm}`} data-used={used} data-limit={limit ?? undefined}>
            <span className="quota-usage__name">{name}</span>{' '}
            <span className="quota-usage__count">{limit === null ? t.usedNoLimit(used) : t.usedOfLimit(used, limit)}</span>
            {limit !== null && (
              <meter className="quota-usage__bar" min={0} max={Math.max(limit, 1)} value={Math.min(used, Math.max(limit, 1))} aria-label={t.quotaLabel(name)} aria-valuetext={t.usedOfLimit(used, limit)} />
            )}
            {reached && (
              <>
                {' '}
                <span className="badge badge--late" data-testid="quota-over">
                  {used > limit ? t.over : t.full}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
