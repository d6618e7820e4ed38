/** The labels of what an event carried, shared by the officials' process history and the inspector's log. */
export const EVENT_FACTS_MESSAGES = {
  vi: {
    reason: 'Lý do',
    note: 'Ghi chú',
    vote: 'Biểu quyết',
    voteText: (members: number, yes: number, no: number) => `${yes} tán thành, ${no} không tán thành / ${members} thành viên`,
    decision: 'Quyết định',
    decisionText: (number: string, date: string, signedBy: string) => `Số ${number}, ngày ${date}, ${signedBy} ký`,
    document: 'Tài liệu',
    warnings: 'Lưu ý theo quy định',
  },
  en: {
    reason: 'Reason',
    note: 'Note',
    vote: 'Vote',
    voteText: (members: number, yes: number, no: number) => `${yes} for, ${no} against, of ${members} members`,
    decision: 'Decision',
    decisionText: (number: string, date: string, signedBy: string) => `No. ${number} of ${date}, signed by ${signedBy}`,
    document: 'Document',
    warnings: 'Rule warnings',
  },
};
