import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch, type StubCall } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import AuditPage from './audit.page.js';
import type { LogVerification, StoredCheckpoint } from './audit-types.js';

const BROKEN_ID = '0b6d3f1e-7a2c-4e9b-8d1f-5c3a2b1e0f9d';

const BROKEN: LogVerification = {
  proposals: 12,
  events: 87,
  ok: false,
  broken: [{ proposalId: BROKEN_ID, seq: 3, reason: 'edited', detail: 'its hash does not seal its content' }],
  truncated: false,
};
const GOOD: LogVerification = { proposals: 12, events: 87, ok: true, broken: [], truncated: false };

const CHECKPOINT: StoredCheckpoint = {
  id: 'cp-2026-05-01',
  upTo: '2026-05-01T16:59:50.000Z',
  proposals: 10,
  events: 70,
  merkleRoot: 'ab'.repeat(32),
  algorithm: 'ed25519',
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
  signature: 'c2lnbmF0dXJl',
  createdAt: '2026-05-01T17:00:00.000Z',
};

const auditor = fakeToken({ roles: ['auditor'] });
const open = (lang: 'vi' | 'en' = 'vi') => renderPage(<AuditPage params={{}} />, { token: auditor, lang, path: '/audit' });

function stubApi(verify: (call: StubCall, init: RequestInit | undefined) => unknown) {
  return stubFetch((call, init) => {
    if (call.path === '/api/audit/checkpoints') return { items: [CHECKPOINT] };
    if (call.path === '/api/audit/verify') return verify(call, init);
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('AuditPage: verifying the log', () => {
  it('lists each broken proposal with links to it and its replay, and the reason in plain words', async () => {
    const api = stubApi(() => BROKEN);
    open();

    fireEvent.click(screen.getByTestId('verify-run'));
    const result = await screen.findByTestId('verify-result');

    expect(result.getAttribute('data-ok')).toBe('false');
    expect(within(result).getByTestId('verify-proposals').textContent).toBe('12');
    expect(within(result).getByTestId('verify-events').textContent).toBe('87');
    const problem = within(result).getByTestId('verify-break');
    expect(problem.getAttribute('data-reason')).toBe('edited');
    expect(problem.textContent).toContain(BROKEN_ID);
    expect(problem.textContent).toContain('Nội dung một sự kiện đã bị sửa sau khi ghi');
    expect(problem.textContent).toContain('its hash does not seal its content');
    expect(within(problem).getByRole('link', { name: 'Mở hồ sơ' }).getAttribute('href')).toBe(`/proposals/${BROKEN_ID}`);
    expect(within(problem).getByRole('link', { name: 'Phát lại đến bước này' }).getAttribute('href')).toBe(
      `/proposals/${BROKEN_ID}/replay?seq=3`,
    );
    // Replay is the server's default: left checked, nothing is sent.
    expect(api.sent('GET', '/api/audit/verify')[0]!.query.toString()).toBe('');
  });

  it('shows a good result, and asks for hashes only when replay is unticked', async () => {
    const api = stubApi(() => GOOD);
    open('en');

    fireEvent.click(screen.getByRole('checkbox', { name: /Also replay every event/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Verify the whole log' }));
    const result = await screen.findByTestId('verify-result');

    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('The log is intact');
    expect(within(result).queryByTestId('verify-break')).toBeNull();
    expect(api.sent('GET', '/api/audit/verify')[0]!.query.get('replay')).toBe('false');
  });

  it('shows the elapsed time while it runs, and can be cancelled', async () => {
    let aborted = false;
    stubApi((_call, init) => {
      // A walk that never ends on its own: only the abort stops it.
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    });
    open();

    fireEvent.click(screen.getByTestId('verify-run'));
    const busy = await screen.findByTestId('verify-busy');
    expect(busy.textContent).toContain('Đang kiểm tra… 0 giây');
    // A plain sentence, not a command line: officials do not run the server's tools.
    expect(busy.textContent).not.toContain('npm run');
    expect(busy.textContent).toContain('quản trị viên có thể kiểm tra ngay trên máy chủ');
    expect(screen.getByTestId('verify-run')).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByTestId('verify-cancel'));
    await screen.findByTestId('verify-cancelled');
    expect(aborted).toBe(true);
    expect(screen.getByTestId('verify-run')).toHaveProperty('disabled', false);
  });

  it('verifies against a checkpoint from the list and shows the result the same way', async () => {
    const api = stubApi((call) =>
      call.query.get('checkpoint') === CHECKPOINT.id
        ? {
            ...BROKEN,
            broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }],
            checkpoint: {
              ok: false,
              signatureValid: true,
              merkleRootMatches: false,
              headsMatchCheckpoint: null,
              proposals: 10,
              events: 69,
              broken: [{ proposalId: null, seq: null, reason: 'checkpoint_mismatch' }],
              truncated: false,
            },
          }
        : json({ code: 'VALIDATION_FAILED', message: 'unexpected query' }, 400),
    );
    open();

    const row = await screen.findByTestId('checkpoint-row');
    expect(row.textContent).toContain(CHECKPOINT.merkleRoot);
    expect(row.textContent).toContain('10 / 70');
    fireEvent.click(within(row).getByRole('button', { name: /Kiểm tra theo mốc này/ }));

    const result = await screen.findByTestId('verify-result');
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('Gốc Merkle của nhật ký hiện nay khác với mốc');
    expect(result.textContent).toContain('Mốc đã ký: 10 hồ sơ, 70 sự kiện');
    const problem = within(result).getByTestId('verify-break');
    expect(problem.getAttribute('data-reason')).toBe('checkpoint_mismatch');
    expect(problem.textContent).toContain('Toàn bộ nhật ký');
    expect(api.sent('GET', '/api/audit/verify').map((call) => call.query.toString())).toEqual([`checkpoint=${CHECKPOINT.id}`]);
  });

  it("shows the server's refusal", async () => {
    stubApi(() => json({ code: 'FORBIDDEN', message: 'Only auditors and administrators may verify the log' }, 403));
    open();

    fireEvent.click(screen.getByTestId('verify-run'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Only auditors and administrators may verify the log');
    expect(alert.getAttribute('data-code')).toBe('FORBIDDEN');
  });
});

describe('AuditPage: exporting the log', () => {
  let saved: { href: string; download: string }[];

  beforeEach(() => {
    saved = [];
    // jsdom has no object URLs and does not download: both are the browser's part.
    URL.createObjectURL = vi.fn(() => 'blob:console.test/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });

  it('sends the range typed in Vietnam time as UTC instants and saves under the server’s file name', async () => {
    const api = stubFetch((call) => {
      if (call.path === '/api/audit/checkpoints') return { items: [] };
      if (call.path === '/api/audit/export') {
        return new Response('proposalId,seq\r\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="audit-events-20260506T101500.csv"' },
        });
      }
      return undefined;
    });
    open();

    fireEvent.change(screen.getByLabelText('Từ (giờ Việt Nam)'), { target: { value: '2026-05-04T10:00' } });
    fireEvent.change(screen.getByLabelText('Đến trước (giờ Việt Nam)'), { target: { value: '2026-05-05T00:30' } });
    fireEvent.change(screen.getByLabelText('Mã hồ sơ (không bắt buộc)'), { target: { value: ` ${BROKEN_ID} ` } });
    fireEvent.click(screen.getByRole('radio', { name: /CSV/ }));
    fireEvent.click(screen.getByTestId('export-download'));

    await screen.findByTestId('export-saved');
    const [exported] = api.sent('GET', '/api/audit/export');
    expect(Object.fromEntries(exported!.query)).toEqual({
      from: '2026-05-04T03:00:00.000Z',
      to: '2026-05-04T17:30:00.000Z',
      proposalId: BROKEN_ID,
      format: 'csv',
    });
    expect(exported!.headers.get('Authorization')).toBe(`Bearer ${auditor}`);
    expect(saved).toEqual([{ href: 'blob:console.test/1', download: 'audit-events-20260506T101500.csv' }]);
    expect(screen.getByTestId('export-saved').textContent).toContain('audit-events-20260506T101500.csv');
  });

  it('sends nothing for an empty range and NDJSON by default', async () => {
    const api = stubFetch((call) => {
      if (call.path === '/api/audit/checkpoints') return { items: [] };
      if (call.path === '/api/audit/export') return new Response('{}\n');
      return undefined;
    });
    open('en');

    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await screen.findByTestId('export-saved');
    expect(api.sent('GET', '/api/audit/export')[0]!.query.toString()).toBe('format=ndjson');
    expect(saved[0]?.download).toBe('audit-events.ndjson');
  });

  it('refuses a range that ends before it starts, without asking the server', async () => {
    const api = stubFetch((call) => (call.path === '/api/audit/checkpoints' ? { items: [] } : undefined));
    open();

    fireEvent.change(screen.getByLabelText('Từ (giờ Việt Nam)'), { target: { value: '2026-05-04T10:00' } });
    fireEvent.change(screen.getByLabelText('Đến trước (giờ Việt Nam)'), { target: { value: '2026-05-04T09:00' } });
    fireEvent.click(screen.getByTestId('export-download'));

    expect(screen.getByText('Thời điểm "đến" phải sau thời điểm "từ".')).toBeTruthy();
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/audit/export')).toBe(false));
  });
});
