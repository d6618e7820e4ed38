import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#contracts';
import { ApiError, NetworkError } from '../api/api-error.js';
import { fakeToken, renderPage } from '../test-support/render-page.js';
import { ErrorView } from './error-view.js';
import { ERROR_VIEW_MESSAGES } from './error-view.messages.js';
import { FindingsList } from './findings-list.js';

const clerk = fakeToken({ roles: ['drafter'], unitId: 'u1' });
const show = (error: unknown, token = clerk, lang: 'vi' | 'en' = 'vi') => renderPage(<ErrorView error={error} />, { token, lang });

describe('ErrorView', () => {
  it('has a sentence of its own for every code the API may send, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const { sentence } = ERROR_VIEW_MESSAGES[lang];
      // An unknown code with a 4xx status gets the generic sentence: every known one but the generic two has its own.
      const generic = sentence('NO_SUCH_CODE', 418);
      for (const code of ERROR_CODES) {
        if (code !== 'HTTP_ERROR' && code !== 'BAD_REQUEST') expect(sentence(code, 418), `${lang} ${code}`).not.toBe(generic);
        expect(sentence(code, 418)).not.toMatch(/[A-Z]{2,}_[A-Z]/);
      }
    }
  });

  it('says what a version conflict means and what to do, and keeps the code only on the element', () => {
    const { container } = show(new ApiError(409, { code: 'VERSION_CONFLICT', message: 'Proposal p1 is at version 5, not 4' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Hồ sơ vừa được người khác cập nhật. Tải lại trang để xem bản mới rồi thao tác lại.');
    expect(alert.getAttribute('data-code')).toBe('VERSION_CONFLICT');
    expect(container.querySelector('details')).toBeNull();
  });

  it('lists a rule refusal’s findings in the rules’ words, never “Refused by” or “Mã lỗi”', () => {
    show(
      new ApiError(422, {
        code: 'RULE_VIOLATION',
        message: 'Refused by DX-2, ND-1',
        violations: [
          { rule: 'DX-2', message: 'Số người của tập thể chưa đủ 2/3 lực lượng tham gia.', messageEn: 'two thirds' },
          { rule: 'ND-1', message: 'Đối tượng đang trong thời gian xem xét kỷ luật.', messageEn: 'discipline' },
        ],
      }),
    );
    const alert = screen.getAllByRole('alert')[0]!;
    expect(alert.textContent).toContain('Chưa thực hiện được vì hồ sơ chưa đáp ứng quy định:');
    expect(screen.getByTestId('finding-ND-1').textContent).toBe('Đối tượng đang trong thời gian xem xét kỷ luật. (xem quy định ND-1)');
    expect(screen.getByRole('link', { name: 'ND-1' }).getAttribute('href')).toBe('/rules/ND-1');
    expect(alert.textContent).not.toMatch(/Refused by|Mã lỗi|RULE_VIOLATION/);
  });

  it('names the fields of a bad form as the form labels them', () => {
    show(
      new ApiError(400, {
        code: 'VALIDATION_FAILED',
        message: 'x',
        errors: [
          { field: 'decision.date', message: 'decision.date 2027-01-05 is after today (2026-12-07): a decision cannot be in the future' },
          { field: 'vote.members', message: 'vote.members must be an integer number' },
          { field: 'mystery', message: 'something odd' },
        ],
      }),
    );
    const items = [...document.querySelectorAll('.field-problems li')].map((li) => li.textContent);
    expect(items).toEqual(['Ngày ký: không được là ngày trong tương lai', 'Số thành viên Hội đồng: phải là số nguyên không âm', 'Một mục: chưa hợp lệ']);
  });

  it('reads a field problem with the console’s one classifier, in both languages', () => {
    const { vi, en } = ERROR_VIEW_MESSAGES;
    expect(vi.problem('property secret should not exist')).toBe('có mục không được phép gửi');
    expect(vi.problem('secret must be longer than or equal to 16 characters')).toBe('cần ít nhất 16 ký tự');
    expect(vi.problem('note must be shorter than or equal to 2000 characters')).toBe('dài quá 2000 ký tự');
    expect(en.problem('decision.date must be a date written YYYY-MM-DD')).toBe('not a valid date');
    expect(en.field('decision.date')).toBe('Date signed');
    expect(vi.field('achievement.summary')).toBe('Tóm tắt thành tích');
  });

  it('shows a message the server already wrote in Vietnamese as it is', () => {
    show(new ApiError(409, { code: 'UNIT_DISSOLVED', message: 'Sở A đã sáp nhập từ ngày 01/07/2025: không ghi thêm thay đổi' }));
    expect(screen.getByRole('alert').textContent).toBe('Sở A đã sáp nhập từ ngày 01/07/2025: không ghi thêm thay đổi');
  });

  it('unfolds the technical details for an administrator or an auditor only', () => {
    const error = new ApiError(500, { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' });
    const { unmount } = show(error);
    expect(document.querySelector('details.technical-details')).toBeNull();
    unmount();
    show(error, fakeToken({ roles: ['auditor'] }));
    const details = document.querySelector('details.technical-details')!;
    expect(details.textContent).toContain('INTERNAL');
    expect(details.textContent).toContain('Something went wrong on our side');
  });

  it('falls back on the status for a code it does not know, and says so for a lost connection', () => {
    const { unmount } = show(new ApiError(502, { message: 'Bad gateway' }));
    expect(screen.getByRole('alert').textContent).toContain('Máy chủ gặp sự cố');
    unmount();
    show(new NetworkError(new Error('fetch failed')));
    expect(screen.getByRole('alert').getAttribute('data-code')).toBe('NETWORK');
    expect(screen.getByRole('alert').textContent).toContain('Không kết nối được máy chủ');
  });

  it('speaks English at the switch', () => {
    show(new ApiError(403, { code: 'FORBIDDEN', message: 'no' }), clerk, 'en');
    expect(screen.getByRole('alert').textContent).toContain('You may not do this');
  });
});

describe('FindingsList', () => {
  it('says nothing is wrong only when asked to and nothing is', () => {
    const { container, unmount } = renderPage(<FindingsList findings={[]} tone="warning" label="Lưu ý" />);
    expect(container.textContent).toBe('');
    unmount();
    renderPage(<FindingsList findings={[]} tone="warning" label="Lưu ý" empty="Chưa thấy điều gì trái quy định." bare />);
    expect(screen.getByTestId('findings-none').textContent).toBe('Chưa thấy điều gì trái quy định.');
  });

  it('lists the page’s own items first, and then no “nothing found”', () => {
    renderPage(<FindingsList findings={[]} tone="warning" label="Lưu ý" empty="Chưa thấy điều gì trái quy định." bare lead={<li data-testid="lead">Quá hạn</li>} />);
    expect(screen.getByTestId('lead')).toBeTruthy();
    expect(screen.queryByTestId('findings-none')).toBeNull();
  });
});
