import { fireEvent, screen } from '@testing-library/react';
import { RULE_IDS } from '#rules';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test-support/render-page.js';
import RulePage from './rule.page.js';

const open = (id: string, lang: 'vi' | 'en' = 'vi') => renderPage(<RulePage params={{ id }} />, { lang, path: `/rules/${id}` });

describe('RulePage', () => {
  it('shows TH-1 in Vietnamese: its ID and title as the heading, the summary and the source', () => {
    open('TH-1');

    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('TH-1 Điều kiện khen thưởng theo chuyên đề');
    expect(screen.getByText(/Khen thưởng theo chuyên đề phải có kế hoạch/)).toBeTruthy();
    expect(screen.getByText(/mục 1, ý thứ nhất/)).toBeTruthy();
    expect(screen.queryByText('Bản tiếng Việt')).toBeNull();
  });

  it('shows TH-1 in English, with the authoritative Vietnamese text folded beside it', () => {
    open('TH-1', 'en');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('TH-1 Campaign prerequisites');
    expect(screen.getByText(/A thematic award needs a campaign with a plan/)).toBeTruthy();
    expect(screen.getByText(/section 1, first point/)).toBeTruthy();
    expect(screen.getByText('Vietnamese text (authoritative)')).toBeTruthy();
  });

  it('links every rule, the one shown marked as the current page', () => {
    open('DX-4');

    const index = screen.getByRole('navigation', { name: 'Tất cả quy định' });
    const links = index.querySelectorAll('a');
    expect([...links].map((link) => link.getAttribute('href'))).toEqual(RULE_IDS.map((id) => `/rules/${id}`));
    expect(index.querySelector('[aria-current="page"]')?.getAttribute('data-rule')).toBe('DX-4');
  });

  it('says clearly that an unknown ID is no rule, and still offers the list', () => {
    open('XX-9');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('XX-9');
    expect(screen.getByTestId('rule-not-found').textContent).toBe(
      'Không có quy định mang mã XX-9. Chọn một quy định trong danh sách dưới đây.',
    );
    expect(screen.getByRole('navigation', { name: 'Tất cả quy định' }).querySelectorAll('a')).toHaveLength(RULE_IDS.length);
  });

  it('accepts an ID typed in lower case', () => {
    open('nd-1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^ND-1 /);
  });

  it('moves to another rule in place, without reloading the console', () => {
    window.scrollTo = vi.fn();
    open('TH-1');
    fireEvent.click(screen.getByRole('link', { name: /^TH-2 / }));
    expect(window.location.pathname).toBe('/rules/TH-2');
  });
});
