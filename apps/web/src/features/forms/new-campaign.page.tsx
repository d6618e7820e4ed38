import { useMemo, useState, type FormEvent } from 'react';
import type { AwardForm } from '#workflows/proposal';
import type { CampaignView } from '../../api/api-types.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { useRouter } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { FindingsList } from '../../ui/findings-list.js';
import { isCalendarDay } from './calendar-day.js';
import { EMPTY_CAMPAIGN_FORM, localProblems, offeredForms, toCampaignInput, toCreateCampaignBody, type CampaignFormState } from './campaign-form.js';
import { campaignPrerequisiteFindings } from './campaign-prerequisites.js';
import { DeadlinePreview } from './deadline-preview.js';
import { problemTextsByField } from './field-problems.js';
import { AWARD_FORM_NAMES, ROUND_NAMES } from '../../i18n/common.messages.js';
import { AWARD_FORM_CHOICES, ROUND_CHOICES } from './form-names.messages.js';
import { CheckField, DateField, NumberField, SelectField, TextField } from './labelled-field.js';
import { MESSAGES } from './new-campaign.messages.js';
import { UnitQuotaFieldset } from './unit-quota-fieldset.js';

/**
 * Home Affairs records a campaign (route /campaigns/new). While it is typed, TH-1 says what every thematic
 * proposal of the campaign would be refused for, so that a campaign is not opened to units half-prepared.
 */
export default function NewCampaignPage() {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const { navigate } = useRouter();

  const [form, setForm] = useState<CampaignFormState>(EMPTY_CAMPAIGN_FORM);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [triedWithLocalProblems, setTriedWithLocalProblems] = useState(false);
  const set =
    <K extends keyof CampaignFormState>(key: K) =>
    (value: CampaignFormState[K]) =>
      setForm((previous) => ({ ...previous, [key]: value }));
  const setOffered = (awardForm: AwardForm, offered: boolean) =>
    setForm((previous) => ({ ...previous, awardForms: { ...previous.awardForms, [awardForm]: offered } }));
  const setQuota = (awardForm: AwardForm, value: string) =>
    setForm((previous) => ({ ...previous, quota: { ...previous.quota, [awardForm]: value } }));
  const setUnitQuota = (unitId: string, awardForm: AwardForm, value: string) =>
    setForm((previous) => ({
      ...previous,
      unitQuota: { ...previous.unitQuota, [unitId]: { ...previous.unitQuota[unitId], [awardForm]: value } },
    }));

  const body = useMemo(() => toCreateCampaignBody(form), [form]);
  const findings = useMemo(() => campaignPrerequisiteFindings(toCampaignInput(body)), [body]);
  const local = localProblems(form);
  const server = problemTextsByField(error, lang);
  // A field's own mistake (a quota of 2.5) is named as it is typed; the server's complaints wait for a submit.
  const problem = (id: string, field?: string): string | undefined => (local[id] ? t.notCount : field ? server[field] : undefined);
  const forms = offeredForms(form);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const firstLocal = Object.keys(local)[0];
    if (firstLocal) {
      setTriedWithLocalProblems(true);
      document.getElementById(firstLocal)?.focus();
      return;
    }
    setTriedWithLocalProblems(false);
    setSaving(true);
    setError(null);
    try {
      await api.post<CampaignView>('/api/campaigns', body);
      navigate('/campaigns');
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      <form onSubmit={submit} noValidate aria-label={t.title}>
        <fieldset className="card">
          <legend>{t.campaignSection}</legend>
          <TextField id="campaign-title" label={t.campaignTitle} value={form.title} onChange={set('title')} problem={problem('campaign-title', 'title')} maxLength={500} />
          <SelectField
            id="campaign-round"
            label={t.round}
            value={form.round}
            onChange={(value) => value && set('round')(value)}
            problem={problem('campaign-round', 'round')}
            options={ROUND_CHOICES.map((round) => ({ value: round, label: ROUND_NAMES[lang][round] }))}
          />
          <div className="grid-2">
            <TextField id="campaign-plan-ref" label={t.planRef} value={form.planRef} onChange={set('planRef')} problem={problem('campaign-plan-ref', 'plan.ref')} maxLength={100} />
            <DateField id="campaign-plan-issued-at" label={t.planIssuedAt} value={form.planIssuedAt} onChange={set('planIssuedAt')} problem={problem('campaign-plan-issued-at', 'plan.issuedAt')} />
            <DateField id="campaign-launched-at" label={t.launchedAt} value={form.launchedAt} onChange={set('launchedAt')} problem={problem('campaign-launched-at', 'launchedAt')} />
            <DateField id="campaign-final-review-at" label={t.finalReviewAt} value={form.finalReviewAt} onChange={set('finalReviewAt')} problem={problem('campaign-final-review-at', 'finalReviewAt')} />
            <DateField
              id="campaign-ceremony-date"
              label={t.ceremonyDate}
              hint={t.ceremonyHint}
              value={form.ceremonyDate}
              onChange={set('ceremonyDate')}
              problem={problem('campaign-ceremony-date', 'ceremonyDate')}
            />
            <DeadlinePreview
              id="campaign-deadline"
              label={t.deadline}
              query={isCalendarDay(form.ceremonyDate) ? { rule: 'TH-5', ceremony: form.ceremonyDate } : null}
            />
          </div>
        </fieldset>

        <fieldset className="card" aria-describedby="campaign-guidance-hint">
          <legend>{t.guidanceSection}</legend>
          <p id="campaign-guidance-hint" className="hint">
            {t.guidanceHint}
          </p>
          {server.guidance && <p className="field-problem">{server.guidance}</p>}
          <div className="grid-2">
            <TextField id="campaign-guidance-ref" label={t.guidanceRef} value={form.guidanceRef} onChange={set('guidanceRef')} problem={problem('campaign-guidance-ref', 'guidance.ref')} maxLength={100} />
            <DateField
              id="campaign-guidance-issued-at"
              label={t.guidanceIssuedAt}
              value={form.guidanceIssuedAt}
              onChange={set('guidanceIssuedAt')}
              problem={problem('campaign-guidance-issued-at', 'guidance.issuedAt')}
            />
          </div>
          <TextField id="campaign-scope" label={t.scope} multiline value={form.scope} onChange={set('scope')} problem={problem('campaign-scope', 'guidance.scope')} />
          <TextField id="campaign-subjects" label={t.subjects} multiline value={form.subjects} onChange={set('subjects')} problem={problem('campaign-subjects', 'guidance.subjects')} />
          <TextField id="campaign-criteria" label={t.criteria} multiline value={form.criteria} onChange={set('criteria')} problem={problem('campaign-criteria', 'guidance.criteria')} />
          <div className="grid-2">
            <DateField
              id="campaign-period-from"
              label={t.periodFrom}
              value={form.periodFrom}
              onChange={set('periodFrom')}
              problem={problem('campaign-period-from', 'guidance.achievementPeriod.from') ?? server['guidance.achievementPeriod']}
            />
            <DateField id="campaign-period-to" label={t.periodTo} value={form.periodTo} onChange={set('periodTo')} problem={problem('campaign-period-to', 'guidance.achievementPeriod.to')} />
          </div>
          <fieldset>
            <legend>{t.awardForms}</legend>
            {(server['guidance.awardForms'] ?? server['guidance.quota']) && (
              <p className="field-problem">{server['guidance.awardForms'] ?? server['guidance.quota']}</p>
            )}
            {AWARD_FORM_CHOICES.map((awardForm) => (
              <div key={awardForm} className="grid-2 award-form-row">
                <CheckField
                  id={`campaign-offers-${awardForm}`}
                  label={AWARD_FORM_NAMES[lang][awardForm]}
                  checked={form.awardForms[awardForm]}
                  onChange={(offered) => setOffered(awardForm, offered)}
                />
                <NumberField
                  id={`campaign-quota-${awardForm}`}
                  label={t.quota(AWARD_FORM_NAMES[lang][awardForm])}
                  value={form.quota[awardForm]}
                  disabled={!form.awardForms[awardForm]}
                  onChange={(value) => setQuota(awardForm, value)}
                  problem={problem(`campaign-quota-${awardForm}`)}
                />
              </div>
            ))}
          </fieldset>
          {form.round === 'programme_summary' && (
            <NumberField
              id="campaign-steering-member-cap"
              label={t.steeringMemberCap}
              hint={t.steeringMemberCapHint}
              value={form.steeringMemberCap}
              onChange={set('steeringMemberCap')}
              problem={problem('campaign-steering-member-cap', 'guidance.steeringMemberCap')}
            />
          )}
          {form.round === 'anniversary' && (
            <UnitQuotaFieldset
              forms={forms}
              values={form.unitQuota}
              problems={Object.fromEntries(Object.keys(local).map((id) => [id, t.notCount]))}
              onChange={setUnitQuota}
            />
          )}
        </fieldset>

        <section className="card" data-testid="campaign-findings">
          {findings.length > 0 ? <FindingsList findings={findings} tone="warning" label={t.findings} /> : <p className="notice-ok">{t.noFindings}</p>}
        </section>

        {triedWithLocalProblems && Object.keys(local).length > 0 && (
          <p className="error" role="alert">
            {t.fixFirst}
          </p>
        )}
        <ErrorView error={error} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="campaign-save" disabled={saving} aria-busy={saving || undefined}>
            {t.save}
          </button>
          {saving && (
            <span role="status" className="muted">
              {t.saving}
            </span>
          )}
        </div>
      </form>
    </>
  );
}
