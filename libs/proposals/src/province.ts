/**
 * The province whose People's Committee runs this service, as its documents print it (the directive this
 * system enforces is Lạng Sơn's). One place, so that another province changes four lines.
 */
export const PROVINCE = {
  /** Printed in the date line: "Lạng Sơn, ngày … tháng … năm …". */
  place: 'Lạng Sơn',
  committee: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
  committeeShort: 'UBND TỈNH LẠNG SƠN',
  chairmanAuthority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
  chairman: 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
} as const;
