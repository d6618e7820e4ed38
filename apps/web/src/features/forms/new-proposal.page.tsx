import { useMemo, useState, type FormEvent } from 'react';
import { evaluateRules } from '#rules';
import type { CampaignView, ProposalView, UnitView } from '../../api/api-types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { AWARD_FORM_NAMES, BASIS_NAMES, COMMON, KIND_NAMES, NOMINEE_TYPE_NAMES } from '../../i18n/common.messages.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { useRouter } from '../../router/router.js';
import { useApi, useSession } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { FindingsList } from '../../ui/findings-list.js';
import { isCalendarDay } from './calendar-day.js';
import { DeadlinePreview, type DeadlineQuery } from './deadline-preview.js';
import { problemsByField } from './field-problems.js';
import { AWARD_FORM_CHOICES, BASIS_CHOICES, NOMINEE_TYPE_CHOICES, PROPOSAL_KIND_CHOICES } from './form-names.messages.js';
import { CheckField, DateField, NumberField, SelectField, TextField } from './labelled-field.js';
import { MESSAGES } from './new-proposal.messages.js';
import { applicableFacts, EMPTY_PROPOSAL_FORM, toCreateProposalBody, toProposalFacts, type ProposalFormState } from './proposal-form.js';

/**
 * A drafter's new proposal (route /proposals/new). The unit is the signed-in user's; the rulebook the server
 * applies runs here on every keystroke, on exactly the body that would be sent, so what the drafter reads
 * while typing is what reviewers will read later.
 */
export default function NewProposalPage() {
  const t = useT(MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const { user } = useSession();
  const { navigate } = useRouter();
  const unitId = user?.unitId ?? null;

  const [form, setForm] = useState<ProposalFormState>(EMPTY_PROPOSAL_FORM);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof ProposalFormState>(key: K) =>
    (value: ProposalFormState[K]) =>
      setForm((previous) => ({ ...previous, [key]: value }));

  const campaigns = useResource((signal) => api.get<{ items: CampaignView[] }>('/api/campaigns', undefined, signal), 'campaigns');
  const unit = useResource<UnitView | null>(
    (signal) => (unitId ? api.get<UnitView>(`/api/units/${encodeURIComponent(unitId)}`, undefined, signal) : Promise.resolve(null)),
    unitId ?? '',
  );

  const applies = applicableFacts(form);
  const body = useMemo(() => toCreateProposalBody(form, unitId ?? ''), [form, unitId]);
  const campaign = (body.campaignId && campaigns.data?.items.find((item) => item.id === body.campaignId)) || null;
  // Pure and microseconds long: no debounce needed. At `create` everything comes back as a warning.
  const findings = useMemo(() => evaluateRules({ checkpoint: 'create', proposal: toProposalFacts(body), campaign }).warnings, [body, campaign]);

  const deadlineQuery: DeadlineQuery | null =
    form.kind === 'extraordinary' && isCalendarDay(body.achievement.date)
      ? {
          rule: 'DX-4',
          from: body.achievement.date,
          recognizedAt: body.achievement.recognizedAt && isCalendarDay(body.achievement.recognizedAt) ? body.achievement.recognizedAt : undefined,
        }
      : null;

  const problems = problemsByField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!unitId || saving) return;
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<ProposalView>('/api/proposals', body);
      navigate(`/proposals/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  }

  // noValidate: the server's validation is the one that counts, and its 400 names each field in the
  // console's language; the browser's own bubbles would stop the request first, in the browser's language.
  return (
    <>
      <h1>{t.title}</h1>
      <p>
        <strong>{t.unit}:</strong>{' '}
        {!unitId ? (
          <span role="alert">{t.noUnit}</span>
        ) : unit.data ? (
          <span data-testid="proposal-unit">{unit.data.name}</span>
        ) : unit.error ? (
          <code>{unitId}</code>
        ) : (
          <span className="muted">{common.loading}</span>
        )}
      </p>

      <form onSubmit={submit} noValidate aria-label={t.title}>
        <fieldset className="card">
          <legend>{t.proposalSection}</legend>
          <div className="grid-2">
            <SelectField
              id="proposal-kind"
              label={t.kind}
              value={form.kind}
              onChange={(value) => value && set('kind')(value)}
              problem={problems.kind}
              options={PROPOSAL_KIND_CHOICES.map((kind) => ({ value: kind, label: KIND_NAMES[lang][kind] }))}
            />
            <SelectField
              id="proposal-award-form"
              label={t.awardForm}
              value={form.awardForm}
              onChange={(value) => value && set('awardForm')(value)}
              problem={problems.awardForm}
              options={AWARD_FORM_CHOICES.map((awardForm) => ({ value: awardForm, label: AWARD_FORM_NAMES[lang][awardForm] }))}
            />
          </div>
          {applies.campaign && (
            <>
              <SelectField
                id="proposal-campaign"
                label={t.campaign}
                value={form.campaignId}
                onChange={set('campaignId')}
                problem={problems.campaignId}
                hint={campaigns.data && campaigns.data.items.length === 0 ? t.noCampaigns : undefined}
                options={[{ value: '', label: t.chooseCampaign }, ...(campaigns.data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))]}
              />
              {campaigns.error ? <ErrorView error={campaigns.error} onRetry={campaigns.reload} /> : null}
            </>
          )}
        </fieldset>

        <fieldset className="card">
          <legend>{t.nomineeSection}</legend>
          <div className="grid-2">
            <SelectField
              id="proposal-nominee-type"
              label={t.nomineeType}
              value={form.nomineeType}
              onChange={(value) => value && set('nomineeType')(value)}
              problem={problems['nominee.type']}
              options={NOMINEE_TYPE_CHOICES.map((type) => ({ value: type, label: NOMINEE_TYPE_NAMES[lang][type] }))}
            />
            <TextField id="proposal-nominee-name" label={t.nomineeName} value={form.nomineeName} onChange={set('nomineeName')} problem={problems['nominee.name']} maxLength={500} />
          </div>
          {applies.participants && (
            <div className="grid-2">
              <NumberField
                id="proposal-own-participants"
                label={t.ownParticipants}
                value={form.ownParticipants}
                onChange={set('ownParticipants')}
                problem={problems['nominee.ownParticipants']}
                hint={t.participantsHint}
              />
              <NumberField
                id="proposal-total-participants"
                label={t.totalParticipants}
                value={form.totalParticipants}
                onChange={set('totalParticipants')}
                problem={problems['nominee.totalParticipants']}
              />
            </div>
          )}
          {applies.steeringCommittee && (
            <CheckField
              id="proposal-steering-committee"
              label={t.steeringCommittee}
              hint={t.steeringCommitteeHint}
              checked={form.steeringCommittee}
              onChange={set('steeringCommittee')}
              problem={problems['nominee.steeringCommittee']}
            />
          )}
          {applies.steeringCommitteeMember && (
            <CheckField
              id="proposal-steering-member"
              label={t.steeringCommitteeMember}
              checked={form.steeringCommitteeMember}
              onChange={set('steeringCommitteeMember')}
              problem={problems['nominee.steeringCommitteeMember']}
            />
          )}
          <CheckField
            id="proposal-under-discipline"
            label={t.underDiscipline}
            checked={form.underDiscipline}
            onChange={set('underDiscipline')}
            problem={problems['nominee.underDiscipline']}
          />
        </fieldset>

        <fieldset className="card">
          <legend>{t.achievementSection}</legend>
          <TextField
            id="proposal-summary"
            label={t.summary}
            multiline
            maxLength={5000}
            value={form.summary}
            onChange={set('summary')}
            problem={problems['achievement.summary']}
          />
          <div className="grid-2">
            <DateField id="proposal-date" label={t.date} value={form.date} onChange={set('date')} problem={problems['achievement.date']} />
            {applies.recognizedAt && (
              <DateField
                id="proposal-recognized-at"
                label={t.recognizedAt}
                hint={t.recognizedAtHint}
                value={form.recognizedAt}
                onChange={set('recognizedAt')}
                problem={problems['achievement.recognizedAt']}
              />
            )}
          </div>
          {applies.basis && (
            <SelectField
              id="proposal-basis"
              label={t.basis}
              value={form.basis}
              onChange={set('basis')}
              problem={problems['achievement.basis']}
              options={[{ value: '', label: t.chooseBasis }, ...BASIS_CHOICES.map((basis) => ({ value: basis, label: BASIS_NAMES[lang][basis] }))]}
            />
          )}
          <CheckField
            id="proposal-service-work"
            label={t.serviceWork}
            checked={form.serviceWork}
            onChange={set('serviceWork')}
            problem={problems['achievement.serviceWork']}
          />
          {applies.outstanding && (
            <CheckField
              id="proposal-outstanding"
              label={t.outstanding}
              hint={t.outstandingHint}
              checked={form.outstanding}
              onChange={set('outstanding')}
              problem={problems['achievement.outstanding']}
            />
          )}
        </fieldset>

        <section className="card" data-testid="proposal-findings">
          {findings.length > 0 ? (
            <FindingsList findings={findings} tone="warning" label={t.findings} />
          ) : (
            <p className="notice-ok">{t.noFindings}</p>
          )}
          {form.kind === 'extraordinary' && <DeadlinePreview id="proposal-deadline" label={t.deadline} query={deadlineQuery} />}
          {campaign?.dossierDeadline && (
            <section className="deadline-preview" data-testid="proposal-campaign-deadline">
              <h3>{t.campaignDeadline}</h3>
              <p>
                <DeadlineCountdown deadline={campaign.dossierDeadline} />
              </p>
            </section>
          )}
        </section>

        <ErrorView error={error} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="proposal-save" disabled={!unitId || saving} aria-busy={saving || undefined}>
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
