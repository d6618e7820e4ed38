const vi = {
  waiting: 'Nhập ngày để xem hạn.',
  computing: 'Đang tính hạn…',
  failed: (message: string) => `Chưa tính được hạn: ${message}`,
};

const en: typeof vi = {
  waiting: 'Enter the date to see the deadline.',
  computing: 'Computing the deadline…',
  failed: (message: string) => `The deadline cannot be computed yet: ${message}`,
};

export const MESSAGES = { vi, en };
