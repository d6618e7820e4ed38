import { noticeText } from './notice-text.js';
import { NOTICE_EVENT_TYPES } from './notice.records.js';

const facts = {
  proposalId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  nominee: 'Nguyễn Văn An',
  deadline: { rule: 'DX-4', dueAt: '2026-05-04T17:00:00.000Z' },
};

describe('noticeText', () => {
  it.each(NOTICE_EVENT_TYPES)('%s names the proposal, the nominee, the rule and the local deadline, in both languages', (event) => {
    const text = noticeText({ event, ...facts });
    for (const [vi, en] of [[text.title, text.titleEn], [text.body, text.bodyEn]]) {
      expect(vi).toContain('Nguyễn Văn An');
      expect(en).toContain('Nguyễn Văn An');
      expect(vi).toContain('DX-4');
      expect(en).toContain('DX-4');
    }
    expect(text.body).toContain(facts.proposalId);
    expect(text.bodyEn).toContain(facts.proposalId);
    expect(text.body).toContain('24:00 ngày 04/05/2026');
    expect(text.bodyEn).toContain('24:00 on 04/05/2026');
    expect(text.body).not.toBe(text.bodyEn);
  });

  it('says different things for a reminder, a missed deadline and an escalation', () => {
    const titles = NOTICE_EVENT_TYPES.map((event) => noticeText({ event, ...facts }).title);
    expect(titles[0]).toMatch(/^Nhắc hạn DX-4/);
    expect(titles[1]).toMatch(/^Quá hạn DX-4/);
    expect(titles[2]).toMatch(/lãnh đạo UBND tỉnh/);
    expect(new Set(titles).size).toBe(3);
  });

  it('still reads without a deadline', () => {
    const text = noticeText({ event: 'DEADLINE_MISSED', ...facts, deadline: null });
    expect(text.title).toBe('Quá hạn: hồ sơ đề nghị khen thưởng Nguyễn Văn An');
    expect(text.body).toContain('chưa xác định hạn');
  });
});
