/**
 * What the three forms are filled from: plain data, no persistence types, so the code that reads proposals (and
 * a test) can build it from anything. Text is Vietnamese as it will be printed; the builders add the fixed
 * wording around it.
 */

/** The award a proposal asks for: the chairman's certificate (Bằng khen) or the unit head's own (Giấy khen). */
export type AwardForm = 'unit_certificate' | 'chairman_certificate';

/** Thematic (a campaign's round) or extraordinary (đột xuất) commendation. */
export type CommendationKind = 'thematic' | 'extraordinary';

export interface Signer {
  /** Signing on someone's behalf, in capitals: 'KT. CHỦ TỊCH' (a deputy for the chairman); '' when the head signs. */
  authority: string;
  /** The signer's own office, in capitals: 'PHÓ CHỦ TỊCH', 'GIÁM ĐỐC'. */
  title: string;
  name: string;
}

export interface IssuingBody {
  /** The body above the issuer, printed above its name: 'UBND TỈNH LẠNG SƠN' for a department. None for the province. */
  parent?: string;
  /** In capitals: 'SỞ Y TẾ', 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'. */
  name: string;
  /** The place name of the date line: 'Lạng Sơn'. */
  place: string;
  /** The name as written inside a sentence ('Sở Y tế'); where it is missing, the wording leaves the subject out. */
  nameInText?: string;
}

/** One tập thể or cá nhân of a proposal (or of a campaign's list). */
export interface NomineeLine {
  name: string;
  type: 'individual' | 'collective';
  /** Chức vụ, for an individual. */
  title?: string | null;
  unitName: string;
  achievementSummary: string;
}

/** Tờ trình: the unit's submission asking for the award. */
export interface ToTrinhData {
  issuer: IssuingBody;
  /** '15'; null leaves the number blank ('Số:      /TTr-SYT') for the clerk to fill in by hand when it is registered. */
  number: string | null;
  /** 'TTr-SYT'. */
  symbol: string;
  /** YYYY-MM-DD; null leaves day and month blank. */
  date: string | null;
  awardForm: AwardForm;
  kind: CommendationKind;
  campaignTitle?: string | null;
  /** Whom it is addressed to, as written after "Kính gửi:": 'Chủ tịch UBND tỉnh Lạng Sơn'. */
  recipient: string;
  nominees: NomineeLine[];
  signer: Signer;
  /** Căn cứ lines; by default the Law on Emulation and Commendation. */
  legalBases?: string[];
  /** Nơi nhận; by default "Như trên" and the archive ("Lưu: VT"). */
  recipients?: string[];
}

/** Quyết định khen thưởng: the decision that grants the award (one proposal, or a campaign's whole list). */
export interface QuyetDinhData {
  issuer: IssuingBody;
  /** '1234/QĐ-UBND'. */
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  awardForm: AwardForm;
  kind: CommendationKind;
  campaignTitle?: string | null;
  /** 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;' … each printed as its own italic paragraph. */
  legalBases: string[];
  /** 'Xét đề nghị của Giám đốc Sở Nội vụ'. */
  proposer: string;
  nominees: NomineeLine[];
  signer: Signer;
  /** Nơi nhận, one line each ('Như Điều 3', 'Lưu: VT, NV'); the "- " and the closing ';' / '.' are added. */
  recipients: string[];
  /**
   * Who carries the decision out, before "… và các cá nhân có tên tại Điều 1": by default the Chief of the
   * Provincial Office and the Director of Home Affairs for the chairman, the unit's divisions otherwise.
   */
  executors?: string;
  /** The heading above "QUYẾT ĐỊNH:" when it cannot be read off the signer: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'. */
  authorityLine?: string;
}

/** Bằng khen or Giấy khen: the certificate itself, one per nominee. */
export interface CertificateData {
  awardForm: AwardForm;
  issuer: IssuingBody;
  nominee: NomineeLine;
  decision: { number: string; date: string };
  signer: Signer;
  /** The line under the nominee; by default "Đã có thành tích xuất sắc trong <campaign>" or the achievement summary. */
  citation?: string;
  campaignTitle?: string | null;
  /** The heading above "TẶNG" when it cannot be read off the signer: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'. */
  authorityLine?: string;
}
