import type { AwardForm, IssuingBody, NomineeLine, Signer } from './form-data.js';

/**
 * The fixed phrases the three forms share, so that the submission, the decision and the certificate name the
 * award and its recipients in the same words.
 */

/** The award as a sentence names it: the chairman's certificate carries his office; a unit's is a Giấy khen. */
export const awardName = (form: AwardForm): string =>
  form === 'chairman_certificate' ? 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' : 'Giấy khen';

/** Short name, for titles of files and certificates. */
export const awardShortName = (form: AwardForm): string => (form === 'chairman_certificate' ? 'Bằng khen' : 'Giấy khen');

/** Counts are written with two figures below 10, as the province's decisions write them ("05 tập thể"). */
const count = (n: number) => String(n).padStart(2, '0');

export function split(nominees: NomineeLine[]): { collectives: NomineeLine[]; individuals: NomineeLine[] } {
  return {
    collectives: nominees.filter((n) => n.type === 'collective'),
    individuals: nominees.filter((n) => n.type === 'individual'),
  };
}

/** "02 tập thể và 03 cá nhân", "01 cá nhân". */
export function countPhrase(nominees: NomineeLine[]): string {
  const { collectives, individuals } = split(nominees);
  const parts = [
    ...(collectives.length ? [`${count(collectives.length)} tập thể`] : []),
    ...(individuals.length ? [`${count(individuals.length)} cá nhân`] : []),
  ];
  return parts.join(' và ');
}

/** "các tập thể, cá nhân", "các cá nhân", "cá nhân" (one): who the decision is about. */
export function whoPhrase(nominees: NomineeLine[]): string {
  const { collectives, individuals } = split(nominees);
  const kinds = [...(collectives.length ? ['tập thể'] : []), ...(individuals.length ? ['cá nhân'] : [])].join(', ');
  return nominees.length > 1 ? `các ${kinds}` : kinds;
}

/** Chức vụ and unit, as the lists print them: "Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh". */
export function positionAndUnit(nominee: NomineeLine): string {
  const unit = nominee.unitName.trim();
  const title = nominee.type === 'individual' ? (nominee.title ?? '').trim() : '';
  if (nominee.type === 'collective' && nominee.name.trim() === unit) return '';
  return [title, unit].filter(Boolean).join(', ');
}

/** "Nguyễn Thị Hằng, Trưởng khoa Nhi, Bệnh viện Đa khoa tỉnh". */
export function nomineeDescription(nominee: NomineeLine): string {
  return [nominee.name.trim(), positionAndUnit(nominee)].filter(Boolean).join(', ');
}

/** What the nominees did, as a clause: "đã có thành tích xuất sắc trong <campaign>" or "… đột xuất". */
export function achievementClause(kind: 'thematic' | 'extraordinary', campaignTitle?: string | null): string {
  const campaign = campaignTitle?.trim();
  if (kind === 'extraordinary') return campaign ? `đã có thành tích xuất sắc đột xuất trong ${campaign}` : 'đã có thành tích xuất sắc đột xuất';
  return campaign ? `đã có thành tích xuất sắc trong ${campaign}` : 'đã có thành tích xuất sắc';
}

/**
 * The office that grants the award, as the heading of a decision or a certificate prints it: the signer's head
 * office (the chairman's, when a vice-chairman signs "KT. CHỦ TỊCH") and the body: "CHỦ TỊCH ỦY BAN NHÂN DÂN
 * TỈNH LẠNG SƠN", "GIÁM ĐỐC SỞ Y TẾ".
 */
export function grantingAuthority(signer: Signer, issuer: IssuingBody): string {
  const onBehalf = signer.authority.trim().replace(/^(KT|TM|TL|TUQ|Q)\.\s*/i, '');
  const office = (onBehalf || signer.title).trim();
  return `${office} ${issuer.name.trim()}`.toUpperCase().replace(/\s+/g, ' ');
}
