const vi = {
  summary: 'Nội dung',
  source: 'Căn cứ',
  notFound: (id: string) => `Không có quy định mang mã ${id}. Chọn một quy định trong danh sách dưới đây.`,
  allRules: 'Tất cả quy định',
  unknownTitle: 'Không tìm thấy quy định',
  vietnameseOriginal: 'Bản tiếng Việt',
  ruleId: 'Mã quy định',
};

const en: typeof vi = {
  summary: 'What it says',
  source: 'Source',
  notFound: (id: string) => `There is no rule with the ID ${id}. Choose one from the list below.`,
  allRules: 'All rules',
  unknownTitle: 'Rule not found',
  vietnameseOriginal: 'Vietnamese text (authoritative)',
  ruleId: 'Rule ID',
};

export const RULE_MESSAGES = { vi, en };
