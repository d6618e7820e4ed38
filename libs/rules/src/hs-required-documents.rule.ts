import type { DocumentKind } from '#kernel';
import type { ProposalEventType } from '#workflows/proposal';
import type { RuleId } from './rule-finding.js';
import type { ProposalFacts } from './rule-input.js';

/** One document a step needs, with the rule that asks for it. */
export interface DocumentRequirement {
  rule: Extract<RuleId, 'HS-1' | 'HS-2' | 'HS-3' | 'HS-4'>;
  documentKind: DocumentKind;
  message: string;
  messageEn: string;
}

/** A requirement the dossier does not meet: a violation that also says which kind to attach. */
export interface MissingDocument extends DocumentRequirement {
  event: ProposalEventType;
}

const ACHIEVEMENT_REPORT: DocumentRequirement = {
  rule: 'HS-1',
  documentKind: 'bao_cao_thanh_tich',
  message: 'Hồ sơ chưa có báo cáo thành tích: hãy đính kèm báo cáo thành tích trước khi trình.',
  messageEn: 'The dossier has no achievement report: attach it before submitting.',
};
const UNIT_SUBMISSION: DocumentRequirement = {
  rule: 'HS-2',
  documentKind: 'to_trinh',
  message: 'Hồ sơ chưa có tờ trình của đơn vị: hãy đính kèm tờ trình đề nghị khen thưởng trước khi trình cấp tỉnh.',
  messageEn: "The dossier has no submission (tờ trình) from the unit: attach it before forwarding to the province.",
};
const COUNCIL_MINUTES: DocumentRequirement = {
  rule: 'HS-3',
  documentKind: 'bien_ban_hoi_dong',
  message: 'Hồ sơ chưa có biên bản họp Hội đồng Thi đua - Khen thưởng: hãy đính kèm biên bản trước khi ghi nhận kết quả xét chọn.',
  messageEn: "The dossier has no minutes of the council's meeting: attach them before recording the recommendation.",
};
const RECOGNITION: DocumentRequirement = {
  rule: 'HS-4',
  documentKind: 'van_ban_cong_nhan',
  message: 'Thành tích có ngày được công nhận nhưng hồ sơ chưa có văn bản công nhận của cấp có thẩm quyền: hãy đính kèm văn bản đó.',
  messageEn: 'The achievement has a recognition date but the dossier lacks the recognising document: attach it.',
};

/**
 * What the dossier must hold before `event` (docs/rules.md, HS-1 … HS-4): leaving drafting needs the
 * achievement report (and, for an extraordinary achievement dated by its recognition, the recognising
 * document); reaching the province needs the unit's submission; the council's recommendation needs its minutes.
 */
export function documentRequirements(event: ProposalEventType, proposal: ProposalFacts): readonly DocumentRequirement[] {
  switch (event) {
    case 'SUBMIT':
      return proposal.kind === 'extraordinary' && proposal.achievement?.recognizedAt
        ? [ACHIEVEMENT_REPORT, RECOGNITION]
        : [ACHIEVEMENT_REPORT];
    case 'FORWARD':
      return [UNIT_SUBMISSION];
    case 'RECOMMEND':
      return [COUNCIL_MINUTES];
    default:
      return [];
  }
}

/** The requirements of `event` that the documents present (their kinds) do not meet, in rule order. */
export function missingDocuments(
  event: ProposalEventType,
  proposal: ProposalFacts,
  present: Iterable<DocumentKind>,
): MissingDocument[] {
  const have = new Set(present);
  return documentRequirements(event, proposal)
    .filter((requirement) => !have.has(requirement.documentKind))
    .map((requirement) => ({ ...requirement, event }));
}
