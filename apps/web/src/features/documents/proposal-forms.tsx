import { useId } from 'react';
import type { AwardForm } from '#workflows/proposal';
import type { FormName } from '../../api/document-types.js';
import { useT } from '../../i18n/i18n.js';
import { FORMS_MESSAGES } from './documents.messages.js';
import { FormDownloads, type FormItem } from './form-downloads.js';

type FormsT = (typeof FORMS_MESSAGES)['vi'];

/** A form's name on screen; the certificate is a Bằng khen or a Giấy khen by the award it prints. */
export function formTitle(form: FormName, awardForm: AwardForm, t: FormsT): string {
  if (form === 'to-trinh') return t.toTrinh;
  if (form === 'quyet-dinh') return t.quyetDinh;
  return awardForm === 'unit_certificate' ? t.giayKhen : t.bangKhen;
}

const FALLBACK: Record<FormName, string> = { 'to-trinh': 'to-trinh', 'quyet-dinh': 'quyet-dinh', 'bang-khen': 'bang-khen' };

/** The "Văn bản" card: the forms the server can draw up now (`dossier.forms`), each in Word and PDF. */
export function ProposalForms({ proposalId, forms, awardForm }: { proposalId: string; forms: readonly FormName[]; awardForm: AwardForm }) {
  const t = useT(FORMS_MESSAGES);
  const titleId = useId();
  if (forms.length === 0) return null;
  const items: FormItem[] = forms.map((form) => ({
    key: form,
    name: formTitle(form, awardForm, t),
    path: `/api/proposals/${encodeURIComponent(proposalId)}/forms/${form}`,
    fallbackName: FALLBACK[form] ?? form,
  }));
  return (
    <section className="card proposal-forms" aria-labelledby={titleId} data-testid="proposal-forms">
      <h2 id={titleId}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <FormDownloads items={items} />
    </section>
  );
}
