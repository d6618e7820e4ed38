import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { evaluateRules } from '#rules';
import { ApiError } from '../../api/api-error.js';
import type { CampaignView } from '../../api/api-types.js';
import { DeadlineCountdown } from '../../calendar/deadline-countdown.js';
import { localToday } from '../../calendar/working-days.js';
import { AWARD_FORM_NAMES, BASIS_NAMES, KIND_NAMES, NOMINEE_TYPE_NAMES } from '../../i18n/common.messages.js';
import { formatDay, useLang, useT } from '../../i18n/i18n.js';
import { ErrorView } from '../../ui/error-view.js';
import { FindingsList } from '../../ui/findings-list.js';
import { RuleLink } from '../../ui/rule-link.js';
import { isCalendarDay } from './calendar-day.js';
import { DeadlinePreviewView, useDeadlinePreview, useLateness, type DeadlineQuery } from './deadline-preview.js';
import { FIELD_PROBLEM_MESSAGES } from './field-problems.messages.js';
import { problemSentence, sentencesByField } from './field-problems.js';
import { AWARD_FORM_CHOICES, BASIS_CHOICES, NOMINEE_TYPE_CHOICES, PROPOSAL_KIND_CHOICES } from './form-names.messages.js';
import { CheckField, DateField, NumberField, SelectField, TextField } from './labelled-field.js';
import { MESSAGES } from './new-proposal.messages.js';
import { NomineeNameField, type RegistryPerson } from './person-picker.js';
import {
  applicableFacts,
  formProblems,
  toCreateProposalBody,
  toProposalChanges,
  toProposalFacts,
  type CreateProposalBody,
  type NomineeGender,
  type ProposalChanges,
  type ProposalFormState,
} from './proposal-form.js';

/** The input each field path's problem belongs to, so the first problem can take the focus. */
const INPUT_IDS: Record<string, string> = {
  kind: 'proposal-kind',
  awardForm: 'proposal-award-form',
  campaignId: 'proposal-campaign',
  'nominee.type': 'proposal-nominee-type',
  'nominee.name': 'proposal-nominee-name',
  'nominee.birthYear': 'proposal-birth-year',
  'nominee.gender': 'proposal-gender',
  'nominee.title': 'proposal-title',
  'nominee.workplace': 'proposal-workplace',
  'nominee.ownParticipants': 'proposal-own-participants',
  'nominee.totalParticipants': 'proposal-total-participants',
  'achievement.summary': 'proposal-summary',
  'achievement.date': 'proposal-date',
  'achievement.recognizedAt': 'proposal-recognized-at',
  'achievement.basis': 'proposal-basis',
  lateAcknowledged: 'proposal-late-ack',
};

/** A field's path in the API's body and in its problems: `nominee.birthYear` is the form's `birthYear`. */
type FieldPath<K extends keyof ProposalFormState> = `${'nominee' | 'achievement'}.${K}`;

export type ProposalFormMode =
  | { kind: 'create'; onSave(body: CreateProposalBody): Promise<void> }
  | {
      kind: 'edit';
      /** The body the form had when it was opened: what "changed" is measured against. */
      baseline: CreateProposalBody;
      /** Only the parts changed (never empty: an unchanged form is not sent). */
      onSave(changes: ProposalChanges): Promise<void>;
      /** After a 409: load the proposal again. */
      onReload(): void;
    };

interface ProposalFormViewProps {
  mode: ProposalFormMode;
  initial: ProposalFormState;
  unitId: string;
  /** The campaigns to choose from (a new thematic proposal); an edit keeps its campaign and gets none. */
  campaigns?: { items: CampaignView[] | undefined; error: unknown; reload(): void };
  /** The proposal's own campaign, when editing: its TH-5 deadline applies. */
  fixedCampaign?: CampaignView | null;
  /** The deadline was already met (a proposal returned after forwarding): saving cannot make it late. */
  deadlineMet?: boolean;
  disabled?: boolean;
  saveLabel: string;
  label: string;
  children?: ReactNode;
}

/**
 * The proposal form, for a new proposal and for a draft being edited: the rulebook the server applies runs
 * on every keystroke on exactly the body that would be sent; the obvious mistakes are caught before sending
 * and every problem, the form's or the API's, is one Vietnamese sentence under its field; a proposal that
 * would already be late (DX-4, TH-5) says so and is saved only once the clerk has acknowledged it.
 */
export function ProposalFormView({ mode, initial, unitId, campaigns, fixedCampaign = null, deadlineMet = false, disabled = false, saveLabel, label, children }: ProposalFormViewProps) {
  const t = useT(MESSAGES);
  const { lang } = useLang();
  const problemText = FIELD_PROBLEM_MESSAGES[lang];
  const [form, setForm] = useState<ProposalFormState>(initial);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [lateAcknowledged, setLateAcknowledged] = useState(false);
  const set =
    <K extends keyof ProposalFormState>(key: K) =>
    (value: ProposalFormState[K]) => {
      setUnchanged(false);
      setForm((previous) => ({ ...previous, [key]: value }));
    };
  const editing = mode.kind === 'edit';

  const applies = applicableFacts(form);
  const body = useMemo(() => toCreateProposalBody(form, unitId), [form, unitId]);
  const campaign = editing ? fixedCampaign : (body.campaignId && campaigns?.items?.find((item) => item.id === body.campaignId)) || null;
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
  const preview = useDeadlinePreview(deadlineQuery);
  const dueDeadline = deadlineMet ? null : form.kind === 'extraordinary' ? preview.deadline : (campaign?.dossierDeadline ?? null);
  const lateness = useLateness(dueDeadline);
  const late = lateness.late && !!dueDeadline;

  const today = localToday();
  // The form's own problems show once the clerk has tried to save, and follow the typing from then on.
  const clientProblems = attempted ? formProblems(form, today) : {};
  if (attempted && late && !lateAcknowledged) clientProblems.lateAcknowledged = { kind: 'required' };
  if (unchanged) clientProblems.changes = { kind: 'required' };
  const clientSentences = Object.fromEntries(Object.entries(clientProblems).map(([field, problem]) => [field, problemSentence(field, problem, lang)]));
  const validation = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? error : null;
  const problems: Record<string, string> = { ...sentencesByField(validation, lang), ...clientSentences };
  const problemList = Object.values(problems);
  // What each field of the form is given: its value, its setter and the problem sentence under its path.
  const bind = <K extends keyof ProposalFormState>(path: FieldPath<K>) => {
    const key = path.slice(path.indexOf('.') + 1) as K;
    return { value: form[key], onChange: set(key), problem: problems[path] };
  };
  const bindCheck = <K extends keyof ProposalFormState>(path: FieldPath<K>) => {
    const { value, ...rest } = bind(path);
    return { checked: value, ...rest };
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled || saving) return;
    setAttempted(true);
    const found = formProblems(form, today);
    const fields = Object.keys(found);
    if (late && !lateAcknowledged) fields.push('lateAcknowledged');
    if (fields.length > 0) {
      setError(null);
      const first = fields.map((field) => INPUT_IDS[field]).find(Boolean);
      if (first) document.getElementById(first)?.focus();
      return;
    }
    let changes: ProposalChanges | null = null;
    if (mode.kind === 'edit') {
      changes = toProposalChanges(mode.baseline, body);
      if (Object.keys(changes).length === 0) {
        setUnchanged(true);
        return;
      }
    }
    setSaving(true);
    setError(null);
    try {
      if (mode.kind === 'edit') await mode.onSave(changes!);
      else await mode.onSave(body);
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  }

  const chooseType = (value: ProposalFormState['nomineeType'] | '') => {
    if (!value) return;
    // A person is not a collective: a registry entry chosen for the other type no longer applies.
    setForm((previous) => (previous.nomineeType === value ? previous : { ...previous, nomineeType: value, personId: '' }));
  };
  const typeName = (name: string) => setForm((previous) => ({ ...previous, nomineeName: name, personId: '' }));
  const choosePerson = (person: RegistryPerson) =>
    setForm((previous) => ({
      ...previous,
      nomineeType: person.type,
      nomineeName: person.name,
      personId: person.id,
      birthYear: person.birthYear === null || person.birthYear === undefined ? '' : String(person.birthYear),
      gender: person.gender ?? '',
      title: person.title ?? '',
      workplace: person.workplace ?? '',
    }));

  const conflict = error instanceof ApiError && error.isConflict;
  const individual = form.nomineeType === 'individual';

  // noValidate: the browser's own bubbles would stop the request in the browser's language; the form's
  // and the server's problems are shown under each field instead, in the console's.
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      {children}
      <fieldset className="card">
        <legend>{t.proposalSection}</legend>
        <div className="grid-2">
          {!editing && (
            <SelectField
              id="proposal-kind"
              label={t.kind}
              value={form.kind}
              onChange={(value) => value && set('kind')(value)}
              problem={problems.kind}
              options={PROPOSAL_KIND_CHOICES.map((kind) => ({ value: kind, label: KIND_NAMES[lang][kind] }))}
            />
          )}
          <SelectField
            id="proposal-award-form"
            label={t.awardForm}
            value={form.awardForm}
            onChange={(value) => value && set('awardForm')(value)}
            problem={problems.awardForm}
            options={AWARD_FORM_CHOICES.map((awardForm) => ({ value: awardForm, label: AWARD_FORM_NAMES[lang][awardForm] }))}
          />
        </div>
        {applies.campaign && !editing && (
          <>
            <SelectField
              id="proposal-campaign"
              label={t.campaign}
              value={form.campaignId}
              onChange={set('campaignId')}
              problem={problems.campaignId}
              hint={campaigns?.items && campaigns.items.length === 0 ? t.noCampaigns : undefined}
              options={[{ value: '', label: t.chooseCampaign }, ...(campaigns?.items ?? []).map((item) => ({ value: item.id, label: item.title }))]}
            />
            {campaigns?.error ? <ErrorView error={campaigns.error} onRetry={campaigns.reload} /> : null}
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
            onChange={chooseType}
            problem={problems['nominee.type']}
            options={NOMINEE_TYPE_CHOICES.map((type) => ({ value: type, label: NOMINEE_TYPE_NAMES[lang][type] }))}
          />
          <NomineeNameField
            id="proposal-nominee-name"
            label={t.nomineeName}
            value={form.nomineeName}
            nomineeType={form.nomineeType}
            personId={form.personId}
            problem={problems['nominee.name'] ?? problems['nominee.personId']}
            onType={typeName}
            onChoose={choosePerson}
          />
        </div>
        {individual ? (
          <div className="grid-2">
            <NumberField id="proposal-birth-year" label={t.birthYear} {...bind('nominee.birthYear')} />
            <SelectField<NomineeGender>
              id="proposal-gender"
              label={t.gender}
              {...bind('nominee.gender')}
              options={[
                { value: '', label: t.chooseGender },
                { value: 'male', label: t.male },
                { value: 'female', label: t.female },
              ]}
            />
            <TextField id="proposal-title" label={t.position} {...bind('nominee.title')} maxLength={200} />
            <TextField id="proposal-workplace" label={t.workplace} {...bind('nominee.workplace')} maxLength={500} />
          </div>
        ) : (
          <TextField id="proposal-workplace" label={t.collectiveWorkplace} {...bind('nominee.workplace')} maxLength={500} />
        )}
        {applies.participants && (
          <div className="grid-2">
            <NumberField id="proposal-own-participants" label={t.ownParticipants} hint={t.participantsHint} {...bind('nominee.ownParticipants')} />
            <NumberField id="proposal-total-participants" label={t.totalParticipants} {...bind('nominee.totalParticipants')} />
          </div>
        )}
        {applies.steeringCommittee && (
          <CheckField id="proposal-steering-committee" label={t.steeringCommittee} hint={t.steeringCommitteeHint} {...bindCheck('nominee.steeringCommittee')} />
        )}
        {applies.steeringCommitteeMember && (
          <CheckField id="proposal-steering-member" label={t.steeringCommitteeMember} {...bindCheck('nominee.steeringCommitteeMember')} />
        )}
        <CheckField id="proposal-under-discipline" label={t.underDiscipline} {...bindCheck('nominee.underDiscipline')} />
      </fieldset>

      <fieldset className="card">
        <legend>{t.achievementSection}</legend>
        <TextField id="proposal-summary" label={t.summary} multiline maxLength={5000} {...bind('achievement.summary')} />
        <div className="grid-2">
          <DateField id="proposal-date" label={t.date} {...bind('achievement.date')} />
          {applies.recognizedAt && (
            <DateField id="proposal-recognized-at" label={t.recognizedAt} hint={t.recognizedAtHint} {...bind('achievement.recognizedAt')} />
          )}
        </div>
        {applies.basis && (
          <SelectField
            id="proposal-basis"
            label={t.basis}
            {...bind('achievement.basis')}
            options={[{ value: '', label: t.chooseBasis }, ...BASIS_CHOICES.map((basis) => ({ value: basis, label: BASIS_NAMES[lang][basis] }))]}
          />
        )}
        <CheckField id="proposal-service-work" label={t.serviceWork} {...bindCheck('achievement.serviceWork')} />
        {applies.outstanding && (
          <CheckField id="proposal-outstanding" label={t.outstanding} hint={t.outstandingHint} {...bindCheck('achievement.outstanding')} />
        )}
      </fieldset>

      <section className="card" data-testid="proposal-findings">
        {late && dueDeadline && (
          <section className="findings findings--warning" aria-labelledby="proposal-late-title" data-testid="proposal-late-warning" data-rule={dueDeadline.rule}>
            <h3 id="proposal-late-title">{t.lateTitle}</h3>
            <p>
              {t.lateLead(lateness.workingDays)} (<RuleLink rule={dueDeadline.rule} />
              ): {(dueDeadline.rule === 'TH-5' ? t.lateTH5 : t.lateDX4)(formatDay(dueDeadline.dueDate, lang))}
            </p>
            <CheckField
              id="proposal-late-ack"
              label={t.lateAck}
              checked={lateAcknowledged}
              onChange={setLateAcknowledged}
              problem={problems.lateAcknowledged}
            />
          </section>
        )}
        {findings.length > 0 ? (
          <FindingsList findings={findings} tone="warning" label={t.findings} />
        ) : (
          !late && <p className="notice-ok">{t.noFindings}</p>
        )}
        {form.kind === 'extraordinary' && <DeadlinePreviewView id="proposal-deadline" label={t.deadline} state={preview} />}
        {campaign?.dossierDeadline && (
          <section className="deadline-preview" data-testid="proposal-campaign-deadline">
            <h3>{t.campaignDeadline}</h3>
            <p>
              <DeadlineCountdown deadline={campaign.dossierDeadline} />
            </p>
          </section>
        )}
      </section>

      {problemList.length > 0 ? (
        <div className="error" role="alert" data-code={validation ? 'VALIDATION_FAILED' : undefined} data-testid="proposal-problems">
          <p>{problemText.summary}</p>
          <ul>
            {problemList.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      ) : conflict && mode.kind === 'edit' ? (
        <div className="error" role="alert" data-code="VERSION_CONFLICT" data-testid="conflict-message">
          <p>{t.conflict}</p>
          <button type="button" onClick={mode.onReload}>
            {t.reload}
          </button>
        </div>
      ) : (
        <ErrorView error={error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="proposal-save" disabled={disabled || saving} aria-busy={saving || undefined}>
          {late ? t.saveLate : saveLabel}
        </button>
        {saving && (
          <span role="status" className="muted">
            {t.saving}
          </span>
        )}
      </div>
    </form>
  );
}
