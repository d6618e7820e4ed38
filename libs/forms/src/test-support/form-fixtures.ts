import type { CertificateData, IssuingBody, NomineeLine, QuyetDinhData, Signer, ToTrinhData } from '../form-data.js';

/** Data for the form tests: the province, a department, and nominees whose names use every kind of Vietnamese mark. */

export const PROVINCE: IssuingBody = { name: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN', place: 'Lạng Sơn', nameInText: 'Ủy ban nhân dân tỉnh' };
export const HEALTH_DEPARTMENT: IssuingBody = { parent: 'UBND TỈNH LẠNG SƠN', name: 'SỞ Y TẾ', place: 'Lạng Sơn', nameInText: 'Sở Y tế' };

export const VICE_CHAIRMAN: Signer = { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đoàn Thu Hà' };
export const HEALTH_DIRECTOR: Signer = { authority: '', title: 'GIÁM ĐỐC', name: 'Nông Quốc Hưng' };

export const HANG: NomineeLine = {
  name: 'Nguyễn Thị Hằng',
  type: 'individual',
  title: 'Trưởng khoa Nhi',
  unitName: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ, cứu chữa kịp thời 12 trẻ em ngộ độc thực phẩm.',
};
export const UNG: NomineeLine = {
  name: 'Đặng Văn Ưng',
  type: 'individual',
  title: 'Điều dưỡng trưởng',
  unitName: 'Trung tâm Y tế huyện Tràng Định',
  achievementSummary: 'Tham gia cứu hộ, sơ cứu người bị nạn trong lũ quét tháng 9 năm 2025.',
};
export const KHOA_HOI_SUC: NomineeLine = {
  name: 'Khoa Hồi sức tích cực - Chống độc',
  type: 'collective',
  unitName: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
  achievementSummary: 'Tập thể lao động xuất sắc năm 2025.',
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Thu', 'Quốc', 'Ngọc'];
const GIVEN = ['Hằng', 'Ưng', 'Tuấn', 'Phượng', 'Dũng', 'Thủy', 'Khoa', 'Ngân', 'Lộc', 'Yến', 'Quyết', 'Mỹ', 'Hưởng', 'Đạt', 'Ơn', 'Sửu', 'Nhẫn', 'Tường', 'Giáp', 'Ỷ'];
const UNITS = ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Công an tỉnh', 'Ủy ban nhân dân xã Đồng Đăng', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Nông nghiệp và Môi trường'];
const TITLES = ['Chuyên viên', 'Trưởng phòng Tổ chức cán bộ', 'Phó Giám đốc', 'Giáo viên', 'Kế toán trưởng', null];

/** `count` different people, the first two being Nguyễn Thị Hằng and Đặng Văn Ưng, then every combination in turn. */
export function manyNominees(count: number): NomineeLine[] {
  const nominees: NomineeLine[] = [HANG, UNG];
  const seen = new Set(nominees.map((n) => n.name));
  for (let i = 0; nominees.length < count; i++) {
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    nominees.push({
      name,
      type: 'individual',
      title: TITLES[i % TITLES.length],
      unitName: UNITS[i % UNITS.length],
      achievementSummary: 'Có thành tích xuất sắc trong phong trào thi đua chuyển đổi số năm 2025.',
    });
  }
  return nominees.slice(0, count);
}

export function decisionData(nominees: NomineeLine[], overrides: Partial<QuyetDinhData> = {}): QuyetDinhData {
  return {
    issuer: PROVINCE,
    number: '1234/QĐ-UBND',
    date: '2026-06-05',
    awardForm: 'chairman_certificate',
    kind: 'thematic',
    campaignTitle: 'phong trào thi đua "Lạng Sơn chung sức xây dựng nông thôn mới" năm 2025',
    legalBases: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
    ],
    proposer: 'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV ngày 02 tháng 6 năm 2026',
    nominees,
    signer: VICE_CHAIRMAN,
    recipients: ['Như Điều 3', 'Chủ tịch, các PCT UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT, NV'],
    ...overrides,
  };
}

export function toTrinhData(overrides: Partial<ToTrinhData> = {}): ToTrinhData {
  return {
    issuer: HEALTH_DEPARTMENT,
    number: '15',
    symbol: 'TTr-SYT',
    date: '2026-05-20',
    awardForm: 'chairman_certificate',
    kind: 'extraordinary',
    campaignTitle: null,
    recipient: 'Chủ tịch UBND tỉnh Lạng Sơn',
    nominees: [KHOA_HOI_SUC, HANG, UNG],
    signer: HEALTH_DIRECTOR,
    ...overrides,
  };
}

export function certificateData(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    awardForm: 'chairman_certificate',
    issuer: PROVINCE,
    nominee: HANG,
    decision: { number: '1234/QĐ-UBND', date: '2026-06-05' },
    signer: VICE_CHAIRMAN,
    campaignTitle: 'phong trào thi đua "Lạng Sơn chung sức xây dựng nông thôn mới" năm 2025',
    ...overrides,
  };
}
