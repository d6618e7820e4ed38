import { PASS, finding, refusedAll, type Finding, type RuleOutcome } from './rule-finding.js';
import type { RestrictionInput, RestrictionKind, RuleInput } from './rule-input.js';
import { dayVi } from './rule-wording.js';

const DECREE = 'Điều 4 Nghị định 152/2025/NĐ-CP';
const DECREE_EN = 'Decree 152/2025/NĐ-CP, Art. 4';

/** Each matter in the words of Art. 4, as an official reads it after the nominee's name. */
export const RESTRICTION_PHRASES: Readonly<Record<RestrictionKind, { vi: string; en: string }>> = {
  discipline_considered: { vi: 'đang bị xem xét kỷ luật', en: 'is being considered for discipline' },
  discipline_served: { vi: 'đang thi hành kỷ luật', en: 'is serving a discipline' },
  investigation: {
    vi: 'đang bị điều tra, thanh tra, kiểm tra có dấu hiệu vi phạm',
    en: 'is under investigation, inspection or audit with signs of violation',
  },
  complaint: { vi: 'có đơn thư khiếu nại, tố cáo đang được xác minh', en: 'has a complaint or denunciation being verified' },
  press: { vi: 'có vấn đề báo chí nêu đang được xác minh', en: 'has a matter raised by the press being verified' },
};

/** "Công văn số 12/CV-UBND ngày 01/03/2026 của UBND huyện Cao Lộc": the document the matter stands on. */
export function restrictionDocumentVi(document: RestrictionInput['document']): string {
  const type = document.type?.trim() || 'văn bản';
  return `${type} số ${document.number} ngày ${dayVi(document.date)} của ${document.issuer}`;
}

const documentEn = (document: RestrictionInput['document']) => `document No. ${document.number} of ${document.date} by ${document.issuer}`;

/**
 * Open on `today`: begun (its `from` on or before today) and not yet ended. A matter ends the day it is closed; a
 * served discipline ends as ND-1 reads it ({@link disciplineEnd}): the day it was lifted, else after its last day
 * (`endsOn`, still served on that day). Without a date from the caller a matter is open until it is closed. The
 * registry's "open" badge is this same answer, so the person page and ND-1 never disagree.
 */
export function restrictionOpenOn(
  matter: Pick<RestrictionInput, 'kind' | 'from' | 'endsOn' | 'closedOn'>,
  today: string | undefined,
): boolean {
  if (today !== undefined && matter.from > today) return false;
  if (matter.closedOn) return today === undefined ? false : matter.closedOn > today;
  if (matter.kind === 'discipline_served' && matter.endsOn && today !== undefined) return matter.endsOn >= today;
  return true;
}

/** A discipline's end: the day it was lifted (closed) early, else its last day. */
const disciplineEnd = (matter: RestrictionInput): string | null => matter.closedOn ?? matter.endsOn ?? null;

/**
 * ND-1 (Decree 152/2025/NĐ-CP, Art. 4, in force from 1 July 2025, replacing Decree 98/2023/NĐ-CP): no award is
 * considered while the nominee is being considered for discipline; is under investigation, inspection or audit
 * with signs of violation; has a complaint, a denunciation or a matter raised by the press being verified; and a
 * nominee who has served a discipline counts achievements only from the day it ends.
 *
 * Reading (docs/rules.md): each open matter recorded against the registered person is a refusal naming the matter
 * and the document it stands on; a served discipline refuses an achievement dated before its end (its last day,
 * or the day it was lifted), open or not. A nominee flagged `underDiscipline` (the self-declaration of proposals
 * made before the registry) is refused as before. Asked at every step from SUBMIT to APPROVE, both kinds.
 */
export function nd1UnderDiscipline({ proposal, person, today }: RuleInput): RuleOutcome {
  const name = proposal.nominee.name;
  const found: Finding[] = [];
  if (proposal.nominee.underDiscipline === true) {
    found.push(
      finding(
        'ND-1',
        `"${name}" đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang được xác minh: chưa xem xét khen thưởng (${DECREE}); cập nhật hồ sơ khi đã có kết luận.`,
        `"${name}" is under discipline, investigation or inspection, or a complaint or denunciation is being verified: no award is considered (${DECREE_EN}); update the proposal once the matter is closed.`,
      ),
    );
  }
  for (const matter of person?.restrictions ?? []) {
    const phrase = RESTRICTION_PHRASES[matter.kind];
    if (!phrase) continue;
    if (matter.kind === 'discipline_served') {
      const end = disciplineEnd(matter);
      const achieved = proposal.achievement.date;
      if (end !== null && achieved < end) {
        found.push(
          finding(
            'ND-1',
            `"${name}" bị kỷ luật theo ${restrictionDocumentVi(matter.document)}, thời gian thi hành kỷ luật đến ngày ${dayVi(end)}: thành tích ngày ${dayVi(achieved)} lập trước khi chấm dứt kỷ luật nên không được tính để khen thưởng (${DECREE}).`,
            `"${name}" was disciplined by ${documentEn(matter.document)}, until ${end}: the achievement of ${achieved} predates the end of the discipline and does not count (${DECREE_EN}).`,
          ),
        );
      } else if (end === null && restrictionOpenOn(matter, today)) {
        found.push(
          finding(
            'ND-1',
            `"${name}" ${phrase.vi} theo ${restrictionDocumentVi(matter.document)}: chưa xem xét khen thưởng (${DECREE}).`,
            `"${name}" ${phrase.en} (${documentEn(matter.document)}): no award is considered (${DECREE_EN}).`,
          ),
        );
      }
      continue;
    }
    if (!restrictionOpenOn(matter, today)) continue;
    found.push(
      finding(
        'ND-1',
        `"${name}" ${phrase.vi} theo ${restrictionDocumentVi(matter.document)}: chưa xem xét khen thưởng cho đến khi có văn bản kết luận (${DECREE}).`,
        `"${name}" ${phrase.en} (${documentEn(matter.document)}): no award is considered until the matter is closed (${DECREE_EN}).`,
      ),
    );
  }
  return found.length === 0 ? PASS : refusedAll(found);
}
