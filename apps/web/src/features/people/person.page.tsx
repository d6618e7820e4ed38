import { useState } from 'react';
import { RESTRICTION_KINDS, type PersonDetailBody, type PersonProposalBody, type RestrictionBody, type RestrictionDocumentBody, type RestrictionKindBody } from '#contracts';
import { STATE_NAMES } from '#rules';
import { useResource } from '../../api/use-resource.js';
import { AWARD_FORM_NAMES, COMMON, KIND_NAMES, ROLE_NAMES } from '../../i18n/common.messages.js';
import { formatDateTime, formatDay, useLang, useT, type Lang } from '../../i18n/i18n.js';
import { Link } from '../../router/router.js';
import { useApi } from '../../session/session.js';
import { ErrorView } from '../../ui/error-view.js';
import { Fact } from '../../ui/fact.js';
import { RuleLink } from '../../ui/rule-link.js';
import { useFormSubmit } from '../../ui/use-form-submit.js';
import { problemTextsByField } from '../forms/field-problems.js';
import { DateField, SelectField, TextField } from '../forms/labelled-field.js';
import { UnitName } from '../units/unit-name.js';
import { GENDER_NAMES, OUTCOME_NAMES, PEOPLE_MESSAGES, PERSON_TYPE_NAMES, RESTRICTION_KIND_NAMES } from './people.messages.js';

/** "Công văn số 123/CV-UBND ngày 01/03/2026 của UBND xã Hòa Bình": a document as officials cite it. */
export function documentText(document: RestrictionDocumentBody, lang: Lang): string {
  const t = PEOPLE_MESSAGES[lang];
  return t.document(document.type ?? t.documentDefault, document.number, formatDay(document.date, lang), document.issuer);
}

/**
 * One person or collective (route /people/:id): who they are, their award history read from the proposals, and
 * the matters of Decree 152/2025/NĐ-CP Art. 4 recorded against them, which stop every proposal for them (ND-1)
 * while open. The unit head of their unit, the council, home affairs and the administrator record a matter
 * ("Ghi nhận vụ việc") citing its document, and close it with the concluding one.
 */
export default function PersonPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const t = useT(PEOPLE_MESSAGES);
  const common = useT(COMMON);
  const { lang } = useLang();
  const api = useApi();
  const [saved, setSaved] = useState<string | null>(null);
  const person = useResource((signal) => api.get<PersonDetailBody>(`/api/people/${encodeURIComponent(id)}`, undefined, signal), `person:${id}`);
  const reload = (message: string) => {
    setSaved(message);
    person.reload();
  };

  if (person.error) return <ErrorView error={person.error} onRetry={person.reload} />;
  const p = person.data;
  if (!p) return <p aria-busy="true">{common.loading}</p>;
  const openMatters = p.restrictions.filter((r) => r.open);
  return (
    <>
      <p>
        <Link to="/people">← {t.back}</Link>
      </p>
      <h1>
        {p.name}{' '}
        {openMatters.length > 0 && (
          <span className="badge badge--late" data-testid="open-matter-badge">
            {t.hasOpenMatter}
          </span>
        )}
      </h1>
      {saved && (
        <p className="notice-ok" role="status">
          {saved}
        </p>
      )}
      <section aria-labelledby="person-details" className="card">
        <h2 id="person-details">{t.details}</h2>
        <dl className="facts grid-2 person-details">
          <Fact label={t.type}>{PERSON_TYPE_NAMES[lang][p.type]}</Fact>
          {p.type === 'individual' && <Fact label={t.birthYear}>{p.birthYear ?? t.none}</Fact>}
          {p.type === 'individual' && <Fact label={t.gender}>{p.gender ? GENDER_NAMES[lang][p.gender] : t.none}</Fact>}
          <Fact label={t.position}>{p.title ?? t.none}</Fact>
          <Fact label={t.workplace}>{p.workplace ?? t.none}</Fact>
          <Fact label={t.unit}>{p.unitId ? <UnitName unitId={p.unitId} /> : t.none}</Fact>
        </dl>
      </section>

      <section aria-labelledby="person-awards">
        <h2 id="person-awards">{t.awards}</h2>
        {p.awards.length === 0 ? <p className="muted">{t.noAwards}</p> : <ProposalTable rows={p.awards} testId="person-awards-table" />}
      </section>

      <section aria-labelledby="person-proposals">
        <h2 id="person-proposals">{t.proposals}</h2>
        {p.proposals.length === 0 ? <p className="muted">{t.noProposals}</p> : <ProposalTable rows={p.proposals} testId="person-proposals-table" withState />}
      </section>

      <section aria-labelledby="person-matters" data-testid="person-matters">
        <h2 id="person-matters">{t.matters}</h2>
        <p className="muted">
          {t.mattersIntro} {t.ruleNote} <RuleLink rule="ND-1" />
        </p>
        {p.restrictions.length === 0 ? (
          <p className="muted">{t.noMatters}</p>
        ) : (
          <ul className="matter-list" style={{ listStyle: 'none', padding: 0 }}>
            {p.restrictions.map((matter) => (
              <MatterCard key={matter.id} personId={p.id} matter={matter} canClose={p.canRecordRestrictions} onClosed={() => reload(t.closedSaved)} />
            ))}
          </ul>
        )}
        {p.canRecordRestrictions && <RecordMatter personId={p.id} onSaved={() => reload(t.recorded)} />}
      </section>
    </>
  );
}

function ProposalTable({ rows, testId, withState = false }: { rows: PersonProposalBody[]; testId: string; withState?: boolean }) {
  const t = useT(PEOPLE_MESSAGES);
  const { lang } = useLang();
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid={testId} className="person-proposals">
        <thead>
          <tr>
            <th scope="col">{t.achievement}</th>
            <th scope="col">{t.awardForm}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.campaign}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{withState ? t.outcome : t.decision}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.proposalId}>
              <td>
                {formatDay(row.achievement.date, lang)}: <Link to={`/proposals/${encodeURIComponent(row.proposalId)}`}>{row.achievement.summary}</Link>
              </td>
              <td>{AWARD_FORM_NAMES[lang][row.awardForm]}</td>
              <td>{KIND_NAMES[lang][row.kind]}</td>
              <td>{row.campaignTitle ?? t.none}</td>
              <td>
                <UnitName unitId={row.unitId} on={row.achievement.date} />
              </td>
              <td>
                {withState ? (
                  row.outcome === 'open' ? (
                    STATE_NAMES[lang][row.state]
                  ) : (
                    OUTCOME_NAMES[lang][row.outcome]
                  )
                ) : (
                  <>
                    {OUTCOME_NAMES[lang][row.outcome]}
                    {row.decision && (
                      <>
                        <br />
                        {t.decisionText(row.decision.number, formatDay(row.decision.date, lang))}
                      </>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const whoName = (who: RestrictionBody['recordedBy'], lang: Lang) =>
  who.name ?? who.roles.map((role) => ROLE_NAMES[lang][role as keyof (typeof ROLE_NAMES)['vi']] ?? role).join(', ');

function MatterCard({ personId, matter, canClose, onClosed }: { personId: string; matter: RestrictionBody; canClose: boolean; onClosed(): void }) {
  const t = useT(PEOPLE_MESSAGES);
  const { lang } = useLang();
  const [closing, setClosing] = useState(false);
  return (
    <li className="card matter-card" data-testid="matter" data-open={matter.open ? 'true' : 'false'}>
      <h3>
        {RESTRICTION_KIND_NAMES[lang][matter.kind]}{' '}
        <span className={matter.open ? 'badge badge--late' : 'badge badge--state'}>{matter.open ? t.open : t.closed}</span>
      </h3>
      <p>
        {t.fromDay(formatDay(matter.from, lang))}, {documentText(matter.document, lang)}
        {matter.endsOn && <>; {t.endsOnDay(formatDay(matter.endsOn, lang))}</>}.
      </p>
      {matter.note && (
        <p>
          {t.note}: {matter.note}
        </p>
      )}
      <p className="muted">{t.recordedBy(whoName(matter.recordedBy, lang), formatDateTime(matter.recordedAt))}</p>
      {matter.closedOn && matter.closingDocument && <p>{t.closedBy(formatDay(matter.closedOn, lang), documentText(matter.closingDocument, lang))}</p>}
      {canClose && !matter.closedOn && !closing && (
        <button type="button" onClick={() => setClosing(true)}>
          {t.close}
        </button>
      )}
      {closing && (
        <CloseMatter
          personId={personId}
          matter={matter}
          onCancel={() => setClosing(false)}
          onSaved={() => {
            setClosing(false);
            onClosed();
          }}
        />
      )}
    </li>
  );
}

interface DocumentFields {
  type: string;
  number: string;
  date: string;
  issuer: string;
}

function DocumentInputs({ prefix, value, onChange, problems }: { prefix: string; value: DocumentFields; onChange(next: DocumentFields): void; problems: Record<string, string> }) {
  const t = useT(PEOPLE_MESSAGES);
  return (
    <>
      <TextField id={`${prefix}-doc-type`} label={t.documentType} hint={t.documentTypeHint} value={value.type} maxLength={60} onChange={(type) => onChange({ ...value, type })} problem={problems['document.type']} />
      <TextField id={`${prefix}-doc-number`} label={t.documentNumber} value={value.number} maxLength={100} onChange={(number) => onChange({ ...value, number })} problem={problems['document.number']} />
      <DateField id={`${prefix}-doc-date`} label={t.documentDate} value={value.date} onChange={(date) => onChange({ ...value, date })} problem={problems['document.date']} />
      <TextField id={`${prefix}-doc-issuer`} label={t.documentIssuer} value={value.issuer} maxLength={300} onChange={(issuer) => onChange({ ...value, issuer })} problem={problems['document.issuer']} />
    </>
  );
}

const documentBody = (d: DocumentFields) => ({ ...(d.type.trim() ? { type: d.type.trim() } : {}), number: d.number.trim(), date: d.date, issuer: d.issuer.trim() });

function RecordMatter({ personId, onSaved }: { personId: string; onSaved(): void }) {
  const t = useT(PEOPLE_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RestrictionKindBody | ''>('discipline_considered');
  const [from, setFrom] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [document, setDocument] = useState<DocumentFields>({ type: lang === 'vi' ? 'Công văn' : '', number: '', date: '', issuer: '' });
  const [note, setNote] = useState('');
  const { submit, busy, error } = useFormSubmit(async () => {
    await api.post(`/api/people/${encodeURIComponent(personId)}/restrictions`, {
      kind,
      from,
      ...(kind === 'discipline_served' && endsOn ? { endsOn } : {}),
      document: documentBody(document),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setOpen(false);
    onSaved();
  });
  const problems = problemTextsByField(error, lang);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="record-matter">
        {t.record}
      </button>
    );
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="record-matter-title" data-testid="record-matter-form">
      <h3 id="record-matter-title">{t.recordTitle}</h3>
      <SelectField<RestrictionKindBody>
        id="matter-kind"
        label={t.matterKind}
        value={kind}
        onChange={setKind}
        problem={problems.kind}
        options={RESTRICTION_KINDS.map((value) => ({ value, label: RESTRICTION_KIND_NAMES[lang][value] }))}
      />
      <DateField id="matter-from" label={t.from} hint={t.fromHint} value={from} onChange={setFrom} problem={problems.from} />
      {kind === 'discipline_served' && <DateField id="matter-ends-on" label={t.endsOn} hint={t.endsOnHint} value={endsOn} onChange={setEndsOn} problem={problems.endsOn} />}
      <DocumentInputs prefix="matter" value={document} onChange={setDocument} problems={problems} />
      <TextField id="matter-note" label={t.note} value={note} onChange={setNote} multiline maxLength={2000} problem={problems.note} />
      <ErrorView error={error} />
      <button type="submit" disabled={busy || !kind || !from || !document.number.trim() || !document.date || !document.issuer.trim()}>
        {t.save}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t.cancel}
      </button>
    </form>
  );
}

function CloseMatter({ personId, matter, onCancel, onSaved }: { personId: string; matter: RestrictionBody; onCancel(): void; onSaved(): void }) {
  const t = useT(PEOPLE_MESSAGES);
  const { lang } = useLang();
  const api = useApi();
  const [closedOn, setClosedOn] = useState('');
  const [document, setDocument] = useState<DocumentFields>({ type: lang === 'vi' ? 'Kết luận' : '', number: '', date: '', issuer: '' });
  const { submit, busy, error } = useFormSubmit(async () => {
    await api.post(`/api/people/${encodeURIComponent(personId)}/restrictions/${encodeURIComponent(matter.id)}/close`, { closedOn, document: documentBody(document) });
    onSaved();
  });
  const problems = problemTextsByField(error, lang);
  const prefix = `close-${matter.id}`;
  return (
    <form onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`}>{t.closeTitle}</h4>
      <DateField id={`${prefix}-on`} label={t.closedOn} value={closedOn} onChange={setClosedOn} problem={problems.closedOn} />
      <DocumentInputs prefix={prefix} value={document} onChange={setDocument} problems={problems} />
      <ErrorView error={error} />
      <button type="submit" disabled={busy || !closedOn || !document.number.trim() || !document.date || !document.issuer.trim()}>
        {t.closeSave}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
