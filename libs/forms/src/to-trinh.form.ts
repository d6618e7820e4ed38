import { achievementClause, awardName, awardShortName, countPhrase, positionAndUnit } from './award-wording.js';
import { bodyParagraph, DECREE_30, documentTitle, nationalHeader, numberedTable, paragraph, portraitPage, signatureBlock } from './decree-30-layout.js';
import { fileStem } from './ascii-slug.js';
import type { ToTrinhData } from './form-data.js';
import { blank, placeAndDate } from './official-date.js';
import type { Block, OfficialDocument } from './official-document.js';

/**
 * Tờ trình: the unit asks the chairman (or its own head, for a Giấy khen) to grant the award, and lists whom
 * for, with what each did. In the order and type Decree 30/2020/NĐ-CP, Appendix I gives an administrative
 * document: header, title and summary, "Kính gửi", body, the list, and the signature beside "Nơi nhận".
 */

const DEFAULT_BASES = ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'];

/** "Số: 15/TTr-SYT", or with the number left blank for the clerk who registers it. */
export const toTrinhNumber = (data: Pick<ToTrinhData, 'number' | 'symbol'>) =>
  data.number ? `${data.number.trim()}/${data.symbol.trim()}` : `${blank(8)}/${data.symbol.trim()}`;

export function toTrinhDocument(data: ToTrinhData): OfficialDocument {
  if (data.nominees.length === 0) throw new Error('A tờ trình lists at least one nominee');
  const award = awardName(data.awardForm);
  const summary = `Về việc đề nghị tặng ${award}`;
  const number = toTrinhNumber(data);
  const subject = data.issuer.nameInText?.trim();
  const grounds =
    data.kind === 'thematic' && data.campaignTitle?.trim()
      ? `Căn cứ thành tích đạt được trong ${data.campaignTitle.trim()}`
      : data.kind === 'extraordinary'
        ? 'Căn cứ thành tích xuất sắc đột xuất của tập thể, cá nhân'
        : 'Căn cứ thành tích đạt được của tập thể, cá nhân';
  const ask = `${subject ? `${subject} kính trình` : 'kính trình'} ${data.recipient.trim()} xem xét, tặng ${award} cho ${countPhrase(data.nominees)} ${achievementClause(data.kind, null)}, cụ thể như sau:`;

  const blocks: Block[] = [
    nationalHeader({ parent: data.issuer.parent, issuerName: data.issuer.name, numberLine: `Số: ${number}`, placeDate: placeAndDate(data.issuer.place, data.date) }),
    ...documentTitle('TỜ TRÌNH', summary),
    paragraph(`Kính gửi: ${data.recipient.trim()}.`, { align: 'center', spaceAfterPt: 12 }),
    ...(data.legalBases ?? DEFAULT_BASES).map((basis) => bodyParagraph(basis)),
    bodyParagraph(`${grounds}, ${ask}`),
    numberedTable(
      [
        { header: 'Họ và tên / Tên tập thể', widthRatio: 0.25 },
        { header: 'Chức vụ, đơn vị', widthRatio: 0.28 },
        { header: 'Tóm tắt thành tích', widthRatio: 0.4, align: 'justify' },
      ],
      data.nominees.map((n) => ({ cells: [n.name.trim(), positionAndUnit(n), n.achievementSummary.trim()] })),
      { sizePt: 13 },
    ),
    bodyParagraph(`${subject ? `${subject} kính trình` : 'Kính trình'} ${data.recipient.trim()} xem xét, quyết định./.`),
    signatureBlock(data.signer, data.recipients ?? ['Như trên', 'Lưu: VT']),
  ];

  return {
    meta: {
      title: `Tờ trình số ${number.replace(/\u00a0+/g, '…')} ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
      subject: `Đề nghị tặng ${awardShortName(data.awardForm)}`,
      author: data.issuer.name,
      fileStem: fileStem('to-trinh', data.number ? `${data.number}/${data.symbol}` : `du-thao-${data.symbol}`),
    },
    page: portraitPage(),
    fontSizePt: DECREE_30.bodyPt,
    blocks,
  };
}
