import { noticeText } from './notice-text.js';
import { NOTICE_EVENT_TYPES } from './notice.records.js';

const PROPOSAL_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const facts = {
  nominee: 'Nguyễn Văn An',
  kind: 'extraordinary' as const,
  awardForm: 'chairman_certificate' as const,
  state: 'unitDecision' as const,
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
    for (const words of [text.title, text.body, text.titleEn, text.bodyEn]) expect(words).not.toContain(PROPOSAL_ID);
    expect(text.body).toContain(
      'hồ sơ đề nghị khen thưởng đột xuất (Bằng khen của Chủ tịch UBND tỉnh): Nguyễn Văn An — chờ Thủ trưởng đơn vị quyết định',
    );
    expect(text.bodyEn).toContain("extraordinary commendation proposal (chairman's certificate) for Nguyễn Văn An, waiting for the unit head to decide");
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

  it('names a thematic proposal still being drafted as such, with its form', () => {
    // Given a thematic proposal for a Giấy khen, still at the unit's clerks
    const text = noticeText({ event: 'DEADLINE_REMINDER', ...facts, kind: 'thematic', awardForm: 'unit_certificate', state: 'drafting' });
    // Then the notice says so in the law's words
    expect(text.body).toContain('hồ sơ đề nghị khen thưởng theo chuyên đề (Giấy khen): Nguyễn Văn An — đang soạn tại đơn vị');
  });

  it('still reads without a deadline', () => {
    const text = noticeText({ event: 'DEADLINE_MISSED', ...facts, deadline: null });
    expect(text.title).toBe('Quá hạn: hồ sơ đề nghị khen thưởng Nguyễn Văn An');
    expect(text.body).toContain('chưa xác định hạn');
  });
});
