import type { Signer } from './form-data.js';
import type { GridBlock, PageSetup, ParagraphBlock, TableBlock, TableCell, TableColumn, TableRow, TextRun } from './official-document.js';

/**
 * The parts every administrative document shares, laid out as Decree 30/2020/NĐ-CP, Appendix I prescribes
 * (Part I, sections I–II for each element, section IV for where it sits on the page). The forms put their own
 * wording between them.
 */
export const DECREE_30 = {
  /** I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  marginsMm: { top: 20, right: 15, bottom: 20, left: 30 },
  /** II.6: body text 13–14 pt. */
  bodyPt: 14,
  /** II.1–II.2: the national name, the motto and the issuing body at 12–13 pt (the motto may be 13–14). */
  headerPt: 13,
  /** II.3: "Số:" and the number at 13 pt. */
  numberPt: 13,
  /** II.9: "Nơi nhận:" at 12 pt, bold italic; the list under it at 11 pt. */
  recipientsLabelPt: 12,
  recipientsPt: 11,
  /** II.6: first-line indent 1–1.27 cm; at least 6 pt between paragraphs; line spacing single to 1.5 lines. */
  firstLineIndentMm: 12.7,
  paragraphSpacePt: 6,
  lineSpacing: 1.1,
  /** Under the issuing body and under the summary line: a third to half the length of the line above (II.2, II.5). */
  shortRuleRatio: 0.45,
  /** Room for the handwritten signature and the seal. */
  signatureSpacePt: 72,
} as const;

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A4 upright, the Decree's margins, numbered from the second page: a fresh copy for each document. */
export const portraitPage = (): PageSetup => ({ size: 'A4', orientation: 'portrait', marginsMm: { ...DECREE_30.marginsMm }, pageNumbers: 'from-second-page' });

/** Left and right columns of the header (IV, boxes 1–4): wide enough for the national name on one line. */
const HEADER_COLUMNS = [0.38, 0.62];
/** "Nơi nhận" on the left, the signature on the right (IV, boxes 7 and 9). */
const CLOSING_COLUMNS = [0.45, 0.55];

export function paragraph(runs: TextRun[] | string, options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}): ParagraphBlock {
  return { kind: 'paragraph', runs: typeof runs === 'string' ? [{ text: runs }] : runs, ...options };
}

/** Body text (II.6): justified, first line indented, 6 pt after. */
export function bodyParagraph(runs: TextRun[] | string, options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}): ParagraphBlock {
  return paragraph(runs, {
    align: 'justify',
    firstLineIndentMm: DECREE_30.firstLineIndentMm,
    spaceAfterPt: DECREE_30.paragraphSpacePt,
    lineSpacing: DECREE_30.lineSpacing,
    ...options,
  });
}

const centred = (text: string, sizePt: number, style: Partial<TextRun> = {}, options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}) =>
  paragraph([{ text, ...style }], { align: 'center', sizePt, ...options });

/**
 * An issuing body's name may be long for its column: the province's is set on two lines, as the province
 * prints it ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN"), rather than wherever it happens to wrap.
 */
export function issuerNameLines(name: string): string[] {
  const people = 'ỦY BAN NHÂN DÂN ';
  const normalized = name.normalize('NFC').trim();
  return normalized.toUpperCase().startsWith(people) ? [normalized.slice(0, people.length - 1), normalized.slice(people.length)] : [normalized];
}

export interface HeaderContent {
  parent?: string;
  issuerName: string;
  /** "Số: 1234/QĐ-UBND", written in full by the caller. */
  numberLine: string;
  /** "Lạng Sơn, ngày 05 tháng 6 năm 2026". */
  placeDate: string;
}

/**
 * The header (IV, boxes 1–4): left, the parent body (regular capitals), the issuing body (bold capitals) with a
 * short rule, and the number; right, the national name (bold capitals), the motto (bold) with a rule as long as
 * it, and the place and date (italic). Number and date sit on one row, as the Decree draws them.
 */
export function nationalHeader(content: HeaderContent): GridBlock {
  const size = DECREE_30.headerPt;
  const nameLines = issuerNameLines(content.issuerName);
  const left: ParagraphBlock[] = [
    ...(content.parent ? [centred(content.parent.toUpperCase(), size)] : []),
    ...nameLines.map((line, i) =>
      centred(line.toUpperCase(), size, { bold: true }, i === nameLines.length - 1 ? { ruleBelow: { ratio: DECREE_30.shortRuleRatio } } : {}),
    ),
  ];
  const right: ParagraphBlock[] = [
    centred(NATIONAL_NAME, size, { bold: true }),
    centred(MOTTO, size, { bold: true }, { ruleBelow: { ratio: 1 } }),
  ];
  return {
    kind: 'grid',
    columnRatios: HEADER_COLUMNS,
    rows: [
      [{ blocks: left }, { blocks: right }],
      [
        { blocks: [centred(content.numberLine, DECREE_30.numberPt, {}, { spaceBeforePt: 6 })] },
        { blocks: [centred(content.placeDate, DECREE_30.bodyPt, { italic: true }, { spaceBeforePt: 6 })] },
      ],
    ],
  };
}

/** Type of document (bold capitals) and its summary (bold) with a short rule (II.5). */
export function documentTitle(title: string, summary?: string): ParagraphBlock[] {
  const size = DECREE_30.bodyPt;
  const titleBlock = centred(title, size, { bold: true }, { spaceBeforePt: 18, keepWithNext: true });
  if (!summary) return [{ ...titleBlock, spaceAfterPt: 12 }];
  return [titleBlock, centred(summary, size, { bold: true }, { keepWithNext: true, ruleBelow: { ratio: DECREE_30.shortRuleRatio }, spaceAfterPt: 12 })];
}

/** Strips the '-' and the ';' or '.' a line of "Nơi nhận" may come with, to write them the one way. */
const bareRecipient = (line: string) => line.trim().replace(/^[-–•]\s*/, '').replace(/[;.,\s]+$/, '');

/**
 * "Nơi nhận:" beside the signature (II.7, II.9). Each recipient on its own line after a hyphen, ending with a
 * semicolon, the last (the archive) with a full stop. The signature: the authority ("KT. CHỦ TỊCH") and the
 * signer's office in bold capitals, room to sign, the name in bold.
 */
export function signatureBlock(signer: Signer, recipients: string[] = [], options: { placeDate?: string; left?: ParagraphBlock[] } = {}): GridBlock {
  const size = DECREE_30.bodyPt;
  const lines = recipients.map(bareRecipient).filter(Boolean);
  const left: ParagraphBlock[] =
    options.left ??
    (lines.length
      ? [
          paragraph([{ text: 'Nơi nhận:', bold: true, italic: true }], { sizePt: DECREE_30.recipientsLabelPt }),
          ...lines.map((line, i) => paragraph(`- ${line}${i === lines.length - 1 ? '.' : ';'}`, { sizePt: DECREE_30.recipientsPt })),
        ]
      : []);
  const right: ParagraphBlock[] = [
    ...(options.placeDate ? [centred(options.placeDate, size, { italic: true })] : []),
    ...(signer.authority.trim() ? [centred(signer.authority.trim().toUpperCase(), size, { bold: true })] : []),
    centred(signer.title.trim().toUpperCase(), size, { bold: true }),
    centred(signer.name.trim(), size, { bold: true }, { spaceBeforePt: DECREE_30.signatureSpacePt }),
  ];
  return {
    kind: 'grid',
    columnRatios: CLOSING_COLUMNS,
    spaceBeforePt: 6,
    rows: [[{ blocks: left, verticalAlign: options.left ? 'bottom' : 'top' }, { blocks: right }]],
  };
}

/** A ruled table whose first column is "STT", numbered from 1 (again from 1 after each group heading). */
export function numberedTable(
  columns: TableColumn[],
  rows: ({ cells: TableCell[] } | { group: string })[],
  options: { sizePt?: number; numberRatio?: number; spaceBeforePt?: number; spaceAfterPt?: number } = {},
): TableBlock {
  let n = 0;
  const numbered: TableRow[] = rows.map((row) => {
    if ('group' in row) {
      n = 0;
      return row;
    }
    return { cells: [String(++n), ...row.cells] };
  });
  return {
    kind: 'table',
    columns: [{ header: 'STT', widthRatio: options.numberRatio ?? 0.07, align: 'center' }, ...columns],
    rows: numbered,
    sizePt: options.sizePt,
    spaceBeforePt: options.spaceBeforePt ?? 6,
    spaceAfterPt: options.spaceAfterPt ?? 6,
  };
}
