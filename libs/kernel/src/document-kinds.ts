/**
 * What a document of a dossier (hồ sơ đề nghị khen thưởng) is for. Shared vocabulary: the rulebook asks for
 * some kinds before a step (HS-1 … HS-4), the documents library stores them, the console names them.
 */
export const DOCUMENT_KINDS = [
  /** Tờ trình: the unit's (or the department's) submission asking for the award, with its list of nominees. */
  'to_trinh',
  /** Báo cáo thành tích: the nominee's achievement report. */
  'bao_cao_thanh_tich',
  /** Biên bản họp Hội đồng Thi đua - Khen thưởng: the council's minutes. */
  'bien_ban_hoi_dong',
  /** Văn bản công nhận: a competent authority's recognition of an extraordinary achievement (DX-4). */
  'van_ban_cong_nhan',
  /** Quyết định khen thưởng: the signed decision, scanned back after APPROVE. */
  'quyet_dinh',
  /** Anything else the dossier carries. */
  'khac',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const isDocumentKind = (value: unknown): value is DocumentKind =>
  typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);

