export const PROCESS_HISTORY_MESSAGES = {
  vi: {
    title: 'Quá trình xử lý',
    empty: 'Chưa có bước xử lý nào.',
    system: 'Hệ thống',
    deadline: 'Thời hạn',
    deadlineText: (day: string) => `hạn cuối ${day}, theo`,
    next: 'Hồ sơ chuyển sang',
  },
  en: {
    title: 'What has happened',
    empty: 'Nothing has happened yet.',
    system: 'System',
    deadline: 'Deadline',
    deadlineText: (day: string) => `last day ${day}, under`,
    next: 'Now',
  },
};
