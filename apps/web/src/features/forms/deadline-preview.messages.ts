const vi = {
  waiting: 'Nhập ngày để xem hạn.',
  computing: 'Đang tính hạn…',
  // The server's own words are for developers; the official is told it can be tried again.
  failed: 'Chưa tính được hạn lúc này. Hồ sơ vẫn lưu được; hạn sẽ hiện trên trang hồ sơ.',
};

const en: typeof vi = {
  waiting: 'Enter the date to see the deadline.',
  computing: 'Computing the deadline…',
  failed: 'The deadline cannot be computed just now. The proposal can still be saved; its page will show the deadline.',
};

export const MESSAGES = { vi, en };
