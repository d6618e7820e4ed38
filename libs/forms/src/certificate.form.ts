import { asciiSlug, fileStem } from './ascii-slug.js';
import { awardShortName, grantingAuthority, positionAndUnit } from './award-wording.js';
import { MOTTO, NATIONAL_NAME, paragraph, signatureBlock } from './decree-30-layout.js';
import type { CertificateData } from './form-data.js';
import { placeAndDate, shortDate } from './official-date.js';
import type { OfficialDocument, ParagraphBlock, TextRun } from './official-document.js';

/**
 * Bằng khen (the chairman's) or Giấy khen (a unit head's): the certificate handed to the nominee, on A4 turned
 * to landscape, every line centred. Printed onto the province's pre-printed bordered paper, so it carries text
 * only: national name and motto, "<office> / TẶNG", the award in large red capitals, the nominee, the citation,
 * then the decision's reference at the foot on the left and the place, date and signature on the right.
 */

/** Even margins, leaving room for the pre-printed border. */
const CERTIFICATE_MARGINS_MM = { top: 22, right: 25, bottom: 18, left: 25 };
const AWARD_RED = 'C00000';

const line = (text: string, sizePt: number, style: Partial<TextRun> = {}, options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}) =>
  paragraph([{ text, ...style }], { align: 'center', sizePt, ...options });

export function certificateDocument(data: CertificateData): OfficialDocument {
  const nominee = data.nominee;
  const title = awardShortName(data.awardForm).toUpperCase();
  const summary = nominee.achievementSummary.trim().replace(/[.;\s]+$/, '');
  const citation =
    data.citation?.trim() ||
    (data.campaignTitle?.trim() ? `Đã có thành tích xuất sắc trong ${data.campaignTitle.trim()}` : `Đã có thành tích xuất sắc: ${summary}`);
  const detail = positionAndUnit(nominee);
  const decision = `Quyết định số ${data.decision.number.trim()}`;

  return {
    meta: {
      title: `${awardShortName(data.awardForm)} – ${nominee.name.trim()}`,
      subject: `${decision} ngày ${shortDate(data.decision.date)}`,
      author: data.issuer.name,
      fileStem: fileStem(asciiSlug(awardShortName(data.awardForm)), data.decision.number, asciiSlug(nominee.name, { lowerCase: true })),
    },
    page: { size: 'A4', orientation: 'landscape', marginsMm: CERTIFICATE_MARGINS_MM, pageNumbers: 'none' },
    fontSizePt: 15,
    blocks: [
      line(NATIONAL_NAME, 15, { bold: true }),
      line(MOTTO, 15, { bold: true }, { ruleBelow: { ratio: 1 } }),
      line(data.authorityLine?.trim() || grantingAuthority(data.signer, data.issuer), 18, { bold: true }, { spaceBeforePt: 22 }),
      line('TẶNG', 18, { bold: true }, { spaceBeforePt: 6 }),
      line(title, 48, { bold: true, color: AWARD_RED }, { spaceBeforePt: 10, spaceAfterPt: 10 }),
      line(nominee.name.trim(), 28, { bold: true }, { spaceAfterPt: 6 }),
      ...(detail ? [line(detail, 16, {}, { spaceAfterPt: 6 })] : []),
      line(citation.replace(/[.;\s]*$/, '.'), 16, { italic: true }, { leftIndentMm: 20, rightIndentMm: 20, spaceAfterPt: 10 }),
      signatureBlock(data.signer, [], {
        placeDate: placeAndDate(data.issuer.place, data.decision.date),
        left: [line(decision, 13, {}, { align: 'left' }), line(`ngày ${shortDate(data.decision.date)}`, 13, {}, { align: 'left' })],
      }),
    ],
  };
}
