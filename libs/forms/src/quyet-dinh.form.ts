import { fileStem } from './ascii-slug.js';
import {
  achievementClause,
  awardName,
  awardShortName,
  countPhrase,
  grantingAuthority,
  nomineeDescription,
  positionAndUnit,
  split,
  whoPhrase,
} from './award-wording.js';
import { bodyParagraph, DECREE_30, documentTitle, nationalHeader, numberedTable, paragraph, portraitPage, signatureBlock } from './decree-30-layout.js';
import type { NomineeLine, QuyetDinhData } from './form-data.js';
import { placeAndDate, shortDate } from './official-date.js';
import type { Block, OfficialDocument, ParagraphBlock, TableRow } from './official-document.js';

/**
 * Quyết định khen thưởng: the decision granting the award, for one proposal or for a campaign's whole list.
 * In the order and type Decree 30/2020/NĐ-CP, Appendix I gives an administrative document: header, "QUYẾT
 * ĐỊNH" and its summary, the granting authority, the grounds (Căn cứ …, in italics), "QUYẾT ĐỊNH:", the
 * articles, and the signature beside "Nơi nhận". A short list is written into Điều 1; a longer one goes, as officials do, into a
 * "DANH SÁCH" attached after the signature ("kèm theo Quyết định số …"), so the decision itself stays one page.
 */

/** Up to this many nominees are named in Điều 1 itself; more go to the attached list. */
export const INLINE_NOMINEES_MAX = 10;

const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
const sentence = (text: string) => text.trim().replace(/[.;,:\s]+$/, '');
const article = (n: number, text: string, options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}) =>
  bodyParagraph([{ text: `Điều ${n}. `, bold: true }, { text }], options);

function firstArticle(data: QuyetDinhData): ParagraphBlock[] {
  const award = awardName(data.awardForm);
  const clause = achievementClause(data.kind, data.campaignTitle);
  const nominees = data.nominees;
  if (nominees.length === 1) {
    const [only] = nominees;
    const what = data.kind === 'extraordinary' && only.achievementSummary.trim() ? `: ${lowerFirst(sentence(only.achievementSummary))}` : '';
    return [article(1, `Tặng ${award} cho ${nomineeDescription(only)}, ${clause}${what}.`)];
  }
  if (nominees.length > INLINE_NOMINEES_MAX) {
    return [article(1, `Tặng ${award} cho ${countPhrase(nominees)} (có danh sách kèm theo) ${clause}.`)];
  }
  return [
    article(1, `Tặng ${award} cho ${countPhrase(nominees)} ${clause}, gồm:`, { keepWithNext: true }),
    ...nominees.map((n, i) => bodyParagraph(`${i + 1}. ${nomineeDescription(n)}${i === nominees.length - 1 ? '.' : ';'}`, { spaceAfterPt: 2 })),
  ];
}

function attachedList(data: QuyetDinhData): Block[] {
  const { collectives, individuals } = split(data.nominees);
  const grouped = collectives.length > 0 && individuals.length > 0;
  const row = (n: NomineeLine): TableRow => ({ cells: [n.name.trim(), positionAndUnit(n)] });
  const rows: TableRow[] = grouped
    ? [{ group: 'I. TẬP THỂ' }, ...collectives.map(row), { group: 'II. CÁ NHÂN' }, ...individuals.map(row)]
    : data.nominees.map(row);
  const who = whoPhrase(data.nominees).replace(/^các /, '');
  const size = DECREE_30.bodyPt;
  return [
    paragraph([{ text: 'DANH SÁCH', bold: true }], { align: 'center', sizePt: size, pageBreakBefore: true, keepWithNext: true }),
    paragraph([{ text: `${who.charAt(0).toUpperCase()}${who.slice(1)} được tặng ${awardName(data.awardForm)}`, bold: true }], {
      align: 'center',
      sizePt: size,
      keepWithNext: true,
    }),
    paragraph([{ text: `(Kèm theo Quyết định số ${data.number.trim()} ngày ${shortDate(data.date)})`, italic: true }], {
      align: 'center',
      sizePt: size,
      keepWithNext: true,
      ruleBelow: { ratio: DECREE_30.shortRuleRatio },
      spaceAfterPt: 12,
    }),
    numberedTable(
      [
        { header: grouped ? 'Tên tập thể, họ và tên cá nhân' : collectives.length ? 'Tên tập thể' : 'Họ và tên', widthRatio: 0.38 },
        { header: 'Chức vụ, đơn vị', widthRatio: 0.55 },
      ],
      rows,
      { sizePt: 13 },
    ),
  ];
}

export function quyetDinhDocument(data: QuyetDinhData): OfficialDocument {
  if (data.nominees.length === 0) throw new Error('A decision names at least one nominee');
  const award = awardName(data.awardForm);
  const summary = `Về việc tặng ${award}`;
  const chairman = data.awardForm === 'chairman_certificate';
  const executors =
    data.executors?.trim() ||
    (chairman
      ? 'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan'
      : 'Thủ trưởng các phòng, đơn vị có liên quan');
  const italic = (text: string) => bodyParagraph([{ text, italic: true }]);

  const blocks: Block[] = [
    nationalHeader({
      parent: data.issuer.parent,
      issuerName: data.issuer.name,
      numberLine: `Số: ${data.number.trim()}`,
      placeDate: placeAndDate(data.issuer.place, data.date),
    }),
    ...documentTitle('QUYẾT ĐỊNH', summary),
    paragraph([{ text: data.authorityLine?.trim() || grantingAuthority(data.signer, data.issuer), bold: true }], {
      align: 'center',
      spaceAfterPt: 12,
      keepWithNext: true,
    }),
    ...data.legalBases.map(italic),
    italic(`${sentence(data.proposer)}.`),
    paragraph([{ text: 'QUYẾT ĐỊNH:', bold: true }], { align: 'center', spaceBeforePt: 6, spaceAfterPt: 6, keepWithNext: true }),
    ...firstArticle(data),
    article(2, `Tiền thưởng kèm theo ${awardShortName(data.awardForm)} thực hiện theo quy định hiện hành. Quyết định này có hiệu lực kể từ ngày ký.`),
    article(3, `${sentence(executors)} và ${whoPhrase(data.nominees)} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`),
    signatureBlock(data.signer, data.recipients),
    ...(data.nominees.length > INLINE_NOMINEES_MAX ? attachedList(data) : []),
  ];

  return {
    meta: {
      title: `Quyết định số ${data.number.trim()} ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
      subject: `Tặng ${awardShortName(data.awardForm)} cho ${countPhrase(data.nominees)}`,
      author: data.issuer.name,
      fileStem: fileStem('quyet-dinh', data.number),
    },
    page: portraitPage(),
    fontSizePt: DECREE_30.bodyPt,
    blocks,
  };
}
