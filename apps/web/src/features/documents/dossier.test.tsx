import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { machineGraph } from '#workflows/proposal';
import type { HistoryEvent, ProposalView } from '../../api/api-types.js';
import type { Dossier, DossierDocument } from '../../api/document-types.js';
import { clearCalendarCache } from '../../calendar/use-calendar-years.js';
import { forgetUnitNames } from '../units/unit-name.js';
import { json, stubFetch, stubXhr, type FetchStub, type XhrCall, type XhrStub } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import ProposalPage from '../proposal/proposal.page.js';

const REPORT: DossierDocument = {
  id: 'd1',
  kind: 'bao_cao_thanh_tich',
  fileName: 'Báo cáo thành tích - Nguyễn Văn An.pdf',
  mediaType: 'application/pdf',
  size: 250_880, // 245 KB
  sha256: 'f'.repeat(64),
  uploadedBy: { id: 'u-d1', name: 'Trần Thị Bình' },
  // 02:05Z is 09:05 in Hà Nội.
  uploadedAt: '2026-11-21T02:05:00.000Z',
};
const SCAN: DossierDocument = {
  id: 'd2',
  kind: 'van_ban_cong_nhan',
  fileName: 'xac-nhan-xa.png',
  mediaType: 'image/png',
  size: 1_572_864, // 1,5 MB
  sha256: 'e'.repeat(64),
  uploadedBy: { id: 'u-d1', name: 'Trần Thị Bình' },
  uploadedAt: '2026-11-22T16:30:00.000Z', // 23:30 in Hà Nội, the same day
};
const WORD: DossierDocument = {
  id: 'd3',
  kind: 'to_trinh',
  fileName: 'to-trinh.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 900,
  sha256: 'd'.repeat(64),
  uploadedBy: { id: 'u-h1', name: 'Lê Văn Cường' },
  uploadedAt: '2026-11-23T03:00:00.000Z',
};

const DOSSIER: Dossier = {
  uploadableKinds: ['to_trinh', 'bao_cao_thanh_tich', 'van_ban_cong_nhan', 'khac'],
  canRemove: true,
  required: [
    { event: 'SUBMIT', rule: 'HS-1', documentKind: 'bao_cao_thanh_tich', present: true, message: 'Có báo cáo thành tích', messageEn: 'Report' },
    {
      event: 'SUBMIT',
      rule: 'HS-2',
      documentKind: 'van_ban_cong_nhan',
      present: false,
      message: 'Khen thưởng đột xuất cần văn bản công nhận của cấp có thẩm quyền',
      messageEn: 'Needs a recognition',
    },
  ],
  forms: ['to-trinh'],
};

function proposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    id: 'p1',
    kind: 'extraordinary',
    unitId: 'u1',
    campaignId: null,
    awardForm: 'chairman_certificate',
    nominee: { type: 'individual', name: 'Nguyễn Văn An' },
    achievement: { summary: 'Cứu 3 người trong lũ quét', date: '2026-11-20', basis: 'rescue', recognizedAt: '2026-11-22' },
    state: 'drafting',
    version: 3,
    machineVersion: 2,
    deadline: null,
    deadlineMetAt: null,
    late: false,
    lateRule: null,
    escalation: 'none',
    warnings: [],
    allowedEvents: ['UPDATE', 'SUBMIT', 'WITHDRAW'],
    lastReason: null,
    vote: null,
    decision: null,
    submittedAt: null,
    forwardedAt: null,
    createdAt: '2026-11-21T01:00:00.000Z',
    updatedAt: '2026-11-21T01:00:00.000Z',
    dossier: DOSSIER,
    ...overrides,
  };
}

let api: FetchStub;
let current: ProposalView;
let documents: DossierDocument[];
let eventAnswer: { status: number; body: unknown } | null;
let removeAnswer: { status: number; body?: unknown };
let files: Record<string, Response>;
let history: HistoryEvent[];

beforeEach(() => {
  clearCalendarCache();
  forgetUnitNames();
  current = proposal();
  documents = [REPORT, SCAN, WORD];
  eventAnswer = null;
  removeAnswer = { status: 204 };
  files = {};
  history = [];
  api = stubFetch((call) => {
    if (call.method === 'POST' && call.path === '/api/proposals/p1/events') return json(eventAnswer?.body ?? current, eventAnswer?.status ?? 200);
    const removed = /^\/api\/proposals\/p1\/documents\/([^/]+)$/.exec(call.path);
    if (call.method === 'DELETE' && removed) {
      if (removeAnswer.status === 204) {
        documents = documents.filter((document) => document.id !== removed[1]);
        current = { ...current, version: current.version + 1 };
        return new Response(null, { status: 204 });
      }
      return json(removeAnswer.body, removeAnswer.status);
    }
    if (call.method !== 'GET') return undefined;
    if (removed) return files[removed[1]!] ?? json({ code: 'NOT_FOUND', message: 'no such document' }, 404);
    if (call.path.startsWith('/api/proposals/p1/forms/')) return files[`${call.path}?${call.query}`] ?? json({ code: 'FORM_NOT_READY', message: 'not ready' }, 409);
    switch (call.path) {
      case '/api/proposals/p1':
        return json(current, 200, { ETag: `"${current.version}"` });
      case '/api/proposals/p1/history':
        return { events: history };
      case '/api/proposals/p1/documents':
        return { items: documents };
      case '/api/machines/2':
        return machineGraph(2);
      case '/api/units/u1':
        return { id: 'u1', code: 'SYT', name: 'Sở Y tế', createdAt: '2026-01-01T00:00:00.000Z', history: [], dissolvedOn: null, successorId: null, current: { id: 'u1', name: 'Sở Y tế' } };
      default:
        return undefined;
    }
  });
  // jsdom has no object URLs and does not download: both are the browser's part.
  URL.createObjectURL = vi.fn(() => `blob:console.test/${(URL.createObjectURL as ReturnType<typeof vi.fn>).mock.calls.length}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const drafter = fakeToken({ roles: ['drafter'], name: 'Trần Thị Bình', unitId: 'u1' });
const renderProposal = (lang: 'vi' | 'en' = 'vi') => renderPage(<ProposalPage params={{ id: 'p1' }} />, { token: drafter, lang, path: '/proposals/p1' });
const gets = (path: string) => api.sent('GET', path).length;
const dossier = () => screen.getByTestId('dossier');
const rowOf = (id: string) => dossier().querySelector<HTMLElement>(`tr[data-document-id="${id}"]`)!;
const pdf = (name = 'xac-nhan.pdf', bytes = 2048) => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

async function pick(file: File, kindLabel?: string) {
  if (kindLabel) fireEvent.change(within(dossier()).getByLabelText('Loại tài liệu đính kèm'), { target: { value: kindLabel } });
  fireEvent.change(within(dossier()).getByTestId('upload-input'), { target: { files: [file] } });
}

describe('the Hồ sơ section', () => {
  it('lists the documents: kind in words, file, size, who attached it and when', async () => {
    renderProposal();
    const table = await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Loại tài liệu', 'Tệp', 'Dung lượng', 'Người đính kèm', 'Thời gian', 'Thao tác']);
    const report = within(rowOf('d1'));
    expect(report.getByText('Báo cáo thành tích')).toBeTruthy();
    expect(report.getByText('Báo cáo thành tích - Nguyễn Văn An.pdf')).toBeTruthy();
    expect(report.getByText('245 KB')).toBeTruthy();
    expect(report.getByText('Trần Thị Bình')).toBeTruthy();
    expect(report.getByText('21/11/2026 09:05')).toBeTruthy();
    const scan = within(rowOf('d2'));
    expect(scan.getByText('Văn bản công nhận của cấp có thẩm quyền')).toBeTruthy();
    expect(scan.getByText('1,5 MB')).toBeTruthy();
    expect(scan.getByText('22/11/2026 23:30')).toBeTruthy();
    expect(within(rowOf('d3')).getByText('900 byte')).toBeTruthy();
    // No hashes or ids on screen: they stay in the API.
    expect(dossier().textContent).not.toContain(REPORT.sha256);
    expect(dossier().textContent).not.toContain('bao_cao_thanh_tich');
  });

  it('says so when the dossier is empty, and has no section at all when the server sends no dossier', async () => {
    documents = [];
    const { unmount } = renderProposal();
    expect((await screen.findByTestId('dossier-empty')).textContent).toBe('Hồ sơ chưa có tài liệu nào.');
    unmount();

    current = proposal({ dossier: undefined });
    renderProposal();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('dossier')).toBeNull();
    expect(gets('/api/proposals/p1/documents')).toBe(1);
  });

  it('offers only the kinds the caller may attach now, and no upload zone when there are none', async () => {
    const { unmount } = renderProposal();
    const select = (await within(await screen.findByTestId('dossier')).findByLabelText('Loại tài liệu đính kèm')) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Tờ trình', 'Báo cáo thành tích', 'Văn bản công nhận của cấp có thẩm quyền', 'Tài liệu khác']);
    // What is still missing for the next step comes first.
    expect(select.value).toBe('van_ban_cong_nhan');
    unmount();

    current = proposal({ dossier: { ...DOSSIER, uploadableKinds: [] } });
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    expect(screen.queryByTestId('drop-zone')).toBeNull();
    expect(screen.queryByLabelText('Loại tài liệu đính kèm')).toBeNull();
    expect(screen.getByText('Ở bước này bạn không đính kèm được tài liệu vào hồ sơ.')).toBeTruthy();
  });
});

describe('the log', () => {
  it('names a document attached or removed by its kind and file, never its hash', async () => {
    const line = (seq: number, type: string, payload: Record<string, unknown>): HistoryEvent => ({
      proposalId: 'p1',
      seq,
      type,
      actor: { id: 'u-d1', name: 'Trần Thị Bình', roles: ['drafter'], unitId: 'u1' },
      at: '2026-11-21T02:05:00.000Z',
      payload,
      machineVersion: 2,
      state: 'drafting',
      prevHash: String(seq - 1).repeat(64),
      hash: String(seq).repeat(64),
    });
    history = [
      line(1, 'DOCUMENT_ATTACHED', { documentId: 'd1', kind: 'bao_cao_thanh_tich', fileName: REPORT.fileName, mediaType: 'application/pdf', size: 1, sha256: REPORT.sha256 }),
      line(2, 'DOCUMENT_REMOVED', { documentId: 'd1', kind: 'bao_cao_thanh_tich', fileName: REPORT.fileName, sha256: REPORT.sha256 }),
    ];
    renderProposal();
    const log = await screen.findByRole('list', { name: 'Quá trình xử lý' });
    const [attached, removed] = within(log).getAllByRole('listitem');
    expect(attached!.textContent).toContain('Đính kèm tài liệu');
    expect(attached!.textContent).toContain(`Báo cáo thành tích: ${REPORT.fileName}`);
    expect(removed!.textContent).toContain('Gỡ tài liệu');
    expect(log.textContent).not.toContain(REPORT.sha256);
  });
});

describe('uploading', () => {
  let xhr: XhrStub;
  beforeEach(() => {
    xhr = stubXhr();
  });

  const lastUpload = () => xhr.calls.at(-1)!;

  it('sends the kind before the file with the bearer header, shows the progress, then loads the proposal again', async () => {
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    expect(gets('/api/proposals/p1')).toBe(1);
    const file = pdf('Giấy xác nhận của xã.pdf', 4096);
    await pick(file, 'khac');

    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    const upload = lastUpload();
    expect(upload.method).toBe('POST');
    expect(upload.path).toBe('/api/proposals/p1/documents');
    expect(upload.headers.get('Authorization')).toBe(`Bearer ${drafter}`);
    expect(upload.parts.map(([name]) => name)).toEqual(['kind', 'file']);
    expect(upload.parts[0]![1]).toBe('khac');
    expect((upload.parts[1]![1] as File).name).toBe('Giấy xác nhận của xã.pdf');
    expect(upload.query.get('kind')).toBe('khac');

    const bar = await screen.findByRole('progressbar', { name: 'Đang gửi Giấy xác nhận của xã.pdf' });
    expect(Number(bar.getAttribute('value'))).toBe(0);
    act(() => upload.progress(2048, 4300));
    expect(Number(bar.getAttribute('value'))).toBe(2048);
    expect(Number(bar.getAttribute('max'))).toBe(4300);
    expect(bar.getAttribute('aria-valuetext')).toBe('48%');
    expect(within(dossier()).getByText('Đang gửi… 48%')).toBeTruthy();

    documents = [...documents, { ...REPORT, id: 'd4', kind: 'khac', fileName: file.name, size: file.size }];
    current = { ...current, version: 4 };
    act(() => upload.respond(201, documents.at(-1)));

    // The status region is there from the start, empty: wait for its words, not for the region.
    await waitFor(() => expect(within(dossier()).getByRole('status').textContent).toContain('Đã đính kèm “Giấy xác nhận của xã.pdf” (Tài liệu khác).'));
    await waitFor(() => expect(document.querySelector('[data-version]')!.getAttribute('data-version')).toBe('4'));
    expect(gets('/api/proposals/p1')).toBe(2);
    expect(gets('/api/proposals/p1/history')).toBe(2);
    await waitFor(() => expect(rowOf('d4')).not.toBeNull());
  });

  it('takes files dropped on the zone, one at a time, in order', async () => {
    renderProposal();
    const zone = await screen.findByTestId('drop-zone');
    fireEvent.drop(zone, { dataTransfer: { files: [pdf('a.pdf'), pdf('b.pdf')], types: ['Files'] } });
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    expect((lastUpload().parts[1]![1] as File).name).toBe('a.pdf');
    expect(lastUpload().parts[0]![1]).toBe('van_ban_cong_nhan');
    expect(screen.getByRole('progressbar', { name: 'Đang gửi b.pdf' })).toBeTruthy();
    act(() => lastUpload().respond(201, REPORT));
    await waitFor(() => expect(xhr.calls).toHaveLength(2));
    expect((lastUpload().parts[1]![1] as File).name).toBe('b.pdf');
  });

  const refusals: [string, (call: XhrCall) => void, string][] = [
    [
      '413 PAYLOAD_TOO_LARGE',
      (call) => call.respond(413, { code: 'PAYLOAD_TOO_LARGE', message: 'File exceeds 20971520 bytes', limit: 20_971_520 }),
      'Tệp “xac-nhan.pdf” (2 KB) lớn hơn 20 MB — giới hạn là 20 MB mỗi tệp.',
    ],
    ['413 from a proxy, without JSON', (call) => call.respond(413, '<html>Request Entity Too Large</html>'), 'lớn hơn giới hạn cho phép'],
    ['415 UNSUPPORTED_MEDIA_TYPE', (call) => call.respond(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'no' }), 'Chỉ nhận tệp PDF, Word (.docx), ảnh JPEG hoặc PNG.'],
    ['422 UNSAFE_ARCHIVE', (call) => call.respond(422, { code: 'UNSAFE_ARCHIVE', message: 'zip bomb' }), 'bị hỏng hoặc có cấu trúc không an toàn nên không được nhận'],
    [
      '400 VALIDATION_FAILED on the kind',
      (call) => call.respond(400, { code: 'VALIDATION_FAILED', message: 'Invalid', errors: [{ field: 'kind', message: 'kind must be one of …' }] }),
      'Loại tài liệu không hợp lệ.',
    ],
    ['403 FORBIDDEN', (call) => call.respond(403, { code: 'FORBIDDEN', message: 'no' }), 'Bạn không có quyền đính kèm tài liệu vào hồ sơ này.'],
    ['409 INVALID_TRANSITION', (call) => call.respond(409, { code: 'INVALID_TRANSITION', message: 'no' }), 'Ở bước hiện tại, hồ sơ không nhận thêm tài liệu loại này.'],
    ['a lost connection', (call) => call.fail(), 'Mất kết nối khi gửi tệp “xac-nhan.pdf”.'],
    ['500', (call) => call.respond(500, { code: 'INTERNAL', message: 'boom' }), 'Không gửi được tệp “xac-nhan.pdf”.'],
  ];

  it.each(refusals)('explains %s in plain Vietnamese, without the code', async (_name, answer, expected) => {
    renderProposal();
    await screen.findByTestId('drop-zone');
    await pick(pdf());
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    act(() => answer(lastUpload()));
    const line = await waitFor(() => {
      const failed = dossier().querySelector<HTMLElement>('li[data-state="failed"]');
      expect(failed).not.toBeNull();
      return failed!;
    });
    const alert = within(line).getByRole('alert');
    expect(alert.textContent).toContain(expected);
    expect(alert.textContent).not.toMatch(/[A-Z]{3,}_[A-Z_]+|HTTP_\d+|\b\d{3}\b/);
  });

  it('says an empty file is empty', async () => {
    renderProposal();
    await screen.findByTestId('drop-zone');
    await pick(new File([], 'trống.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    act(() => lastUpload().respond(400, { code: 'VALIDATION_FAILED', message: 'Invalid', errors: [{ field: 'file', message: 'file is empty' }] }));
    expect((await within(dossier()).findByRole('alert')).textContent).toBe('Tệp “trống.pdf” rỗng, không có nội dung.');
  });

  it('explains a connection cut while a large file was being sent as the size limit, most likely', async () => {
    renderProposal();
    await screen.findByTestId('drop-zone');
    const big = pdf('scan.pdf');
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 });
    await pick(big);
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    act(() => lastUpload().fail());
    const alert = await within(dossier()).findByRole('alert');
    expect(alert.textContent).toContain('Không gửi được tệp “scan.pdf” (25 MB): máy chủ đã ngắt kết nối, thường là vì tệp lớn hơn giới hạn cho phép (thường là 20 MB).');
  });

  it('loads the proposal again when the stage no longer takes documents', async () => {
    renderProposal();
    await screen.findByTestId('drop-zone');
    await pick(pdf());
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    current = proposal({ version: 4, state: 'unitDecision', dossier: { ...DOSSIER, uploadableKinds: [], canRemove: false } });
    act(() => lastUpload().respond(409, { code: 'INVALID_TRANSITION', message: 'no' }));
    await waitFor(() => expect(screen.queryByTestId('drop-zone')).toBeNull());
    expect(gets('/api/proposals/p1')).toBe(2);
  });

  it('cancels an upload under way', async () => {
    renderProposal();
    await screen.findByTestId('drop-zone');
    await pick(pdf());
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    fireEvent.click(within(dossier()).getByRole('button', { name: 'Huỷ gửi' }));
    expect(lastUpload().aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(within(dossier()).getByRole('status').textContent).toContain('Đã huỷ gửi tệp.');
  });

  it('speaks English when the console does', async () => {
    renderProposal('en');
    await screen.findByTestId('drop-zone');
    fireEvent.change(within(dossier()).getByTestId('upload-input'), { target: { files: [pdf()] } });
    await waitFor(() => expect(xhr.calls).toHaveLength(1));
    act(() => lastUpload().respond(415, { code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect((await within(dossier()).findByRole('alert')).textContent).toContain('Only PDF, Word (.docx), JPEG or PNG files are accepted');
    expect(screen.getByRole('table', { name: 'Documents in the dossier' })).toBeTruthy();
  });
});

describe('removing', () => {
  it('is offered only while the server allows it', async () => {
    current = proposal({ dossier: { ...DOSSIER, canRemove: false } });
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    expect(within(dossier()).queryAllByRole('button', { name: /^Gỡ / })).toHaveLength(0);
    expect(within(dossier()).getAllByRole('button', { name: /^Tải về / })).toHaveLength(3);
  });

  it('asks first, then removes the document and loads the proposal again', async () => {
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    expect(within(dossier()).getAllByRole('button', { name: /^Gỡ / })).toHaveLength(3);
    fireEvent.click(within(rowOf('d2')).getByRole('button', { name: 'Gỡ xac-nhan-xa.png khỏi hồ sơ' }));
    const dialog = screen.getByRole('dialog', { name: 'Gỡ tài liệu khỏi hồ sơ' });
    expect(dialog.textContent).toContain('Gỡ “xac-nhan-xa.png” (Văn bản công nhận của cấp có thẩm quyền) khỏi hồ sơ?');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(within(rowOf('d2')).getByRole('button', { name: 'Gỡ xac-nhan-xa.png khỏi hồ sơ' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('confirm-remove'));
    await waitFor(() => expect(api.sent('DELETE', '/api/proposals/p1/documents/d2')).toHaveLength(1));
    expect(api.sent('DELETE', '/api/proposals/p1/documents/d2')[0]!.headers.get('Authorization')).toBe(`Bearer ${drafter}`);
    await waitFor(() => expect(dossier().querySelector('tr[data-document-id="d2"]')).toBeNull());
    expect(within(dossier()).getByRole('status').textContent).toContain('Đã gỡ “xac-nhan-xa.png” khỏi hồ sơ.');
    await waitFor(() => expect(document.querySelector('[data-version]')!.getAttribute('data-version')).toBe('4'));
    expect(gets('/api/proposals/p1/history')).toBe(2);
  });

  it('explains a refusal, and loads again when the stage has moved on', async () => {
    removeAnswer = { status: 409, body: { code: 'INVALID_TRANSITION', message: 'no' } };
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    fireEvent.click(within(rowOf('d1')).getByRole('button', { name: /^Gỡ / }));
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('confirm-remove'));
    const alert = await within(dossier()).findByRole('alert');
    expect(alert.textContent).toBe('Ở bước hiện tại không gỡ được tài liệu khỏi hồ sơ. Trang đã được tải lại.');
    await waitFor(() => expect(gets('/api/proposals/p1')).toBe(2));
  });
});

describe('viewing and downloading', () => {
  let saved: { href: string; download: string }[];
  beforeEach(() => {
    saved = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });

  it('shows a PDF in the browser from a blob URL fetched with the bearer header, and lets it go on close', async () => {
    files.d1 = new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'Content-Type': 'application/pdf' } });
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    fireEvent.click(within(rowOf('d1')).getByRole('button', { name: `Xem ${REPORT.fileName}` }));
    const frame = await screen.findByTestId('preview-pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    const asked = api.sent('GET', '/api/proposals/p1/documents/d1')[0]!;
    expect(asked.query.get('disposition')).toBe('inline');
    expect(asked.headers.get('Authorization')).toBe(`Bearer ${drafter}`);
    const blob = (URL.createObjectURL as ReturnType<typeof vi.fn>).mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/pdf');

    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith(frame.getAttribute('src'));
  });

  it('shows an image as an image, and offers no preview of a Word file', async () => {
    files.d2 = new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } });
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    expect(within(rowOf('d3')).queryByRole('button', { name: /^Xem / })).toBeNull();
    fireEvent.click(within(rowOf('d2')).getByRole('button', { name: 'Xem xac-nhan-xa.png' }));
    const image = await screen.findByTestId('preview-image');
    expect(image.tagName).toBe('IMG');
    expect(image.getAttribute('src')).toMatch(/^blob:/);
  });

  it('downloads a document under the name the server gives', async () => {
    files.d3 = new Response('PK', { headers: { 'Content-Disposition': "attachment; filename=\"to-trinh.docx\"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.docx" } });
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    fireEvent.click(within(rowOf('d3')).getByRole('button', { name: 'Tải về to-trinh.docx' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.download).toBe('Tờ trình.docx');
    expect(api.sent('GET', '/api/proposals/p1/documents/d3')[0]!.query.get('disposition')).toBeNull();
  });

  it('says when the file is gone', async () => {
    renderProposal();
    await screen.findByRole('table', { name: 'Tài liệu trong hồ sơ' });
    fireEvent.click(within(rowOf('d1')).getByRole('button', { name: /^Xem / }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe('Không tìm thấy tệp; có thể tài liệu đã được gỡ khỏi hồ sơ.');
  });
});

describe('what the next steps still need', () => {
  it('lists the missing documents above the action buttons, with the rule as a link and nothing already there', async () => {
    renderProposal();
    const panel = (await screen.findByRole('heading', { name: 'Thao tác' })).closest('section')!;
    const missing = within(panel).getByTestId('dossier-missing');
    // Above the buttons.
    expect(missing.compareDocumentPosition(within(panel).getByRole('button', { name: 'Trình thủ trưởng đơn vị' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const line = missing.querySelector<HTMLElement>('[data-event="SUBMIT"]')!;
    expect(line.textContent).toContain('Để Trình thủ trưởng cần đính kèm:');
    expect(line.textContent).toContain('Văn bản công nhận của cấp có thẩm quyền (HS-2)');
    expect(within(line).getByRole('link', { name: 'HS-2' }).getAttribute('href')).toBe('/rules/HS-2');
    // HS-1's report is in the dossier already.
    expect(line.textContent).not.toContain('HS-1');
    expect(line.textContent).not.toContain('Báo cáo thành tích');
  });

  it('leads to the Hồ sơ section with that kind selected', async () => {
    current = proposal({ dossier: { ...DOSSIER, required: [{ ...DOSSIER.required[1]!, documentKind: 'to_trinh', rule: 'HS-3' }] } });
    renderProposal();
    const link = await screen.findByRole('link', { name: 'Đính kèm Tờ trình' });
    expect(link.getAttribute('href')).toBe('#ho-so');
    const select = within(screen.getByTestId('dossier')).getByLabelText('Loại tài liệu đính kèm') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'khac' } });
    fireEvent.click(link);
    expect(select.value).toBe('to_trinh');
    expect(document.activeElement).toBe(select);
  });

  it('shows nothing when every document is there', async () => {
    current = proposal({ dossier: { ...DOSSIER, required: DOSSIER.required.map((requirement) => ({ ...requirement, present: true })) } });
    renderProposal();
    await screen.findByRole('heading', { name: 'Thao tác' });
    expect(screen.queryByTestId('dossier-missing')).toBeNull();
  });

  it('turns a refusal citing a missing document into what to attach, with the way there', async () => {
    eventAnswer = {
      status: 422,
      body: {
        code: 'RULE_VIOLATION',
        message: 'Hồ sơ chưa đủ tài liệu',
        violations: [{ rule: 'HS-1', message: 'Hồ sơ phải có báo cáo thành tích', messageEn: 'A report is needed', documentKind: 'bao_cao_thanh_tich' }],
      },
    };
    renderProposal();
    fireEvent.click(await screen.findByRole('button', { name: 'Trình thủ trưởng đơn vị' }));
    fireEvent.click(screen.getByTestId('event-send'));
    const finding = await screen.findByTestId('finding-HS-1');
    expect(finding.textContent).toContain('Cần đính kèm Báo cáo thành tích');
    const go = within(finding).getByRole('link', { name: 'Đến mục Hồ sơ để đính kèm' });
    expect(go.getAttribute('href')).toBe('#ho-so');
    fireEvent.click(go);
    const select = within(screen.getByTestId('dossier')).getByLabelText('Loại tài liệu đính kèm') as HTMLSelectElement;
    expect(select.value).toBe('bao_cao_thanh_tich');
    expect(document.activeElement).toBe(select);
  });
});

describe('the forms (Văn bản)', () => {
  let saved: { href: string; download: string }[];
  beforeEach(() => {
    saved = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });

  it('offers each available form in Word and PDF and fetches the right file', async () => {
    current = proposal({ awardForm: 'unit_certificate', dossier: { ...DOSSIER, forms: ['to-trinh', 'quyet-dinh', 'bang-khen'] } });
    files['/api/proposals/p1/forms/bang-khen?format=pdf'] = new Response('%PDF', {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': "attachment; filename=\"giay-khen.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20khen%20-%20Nguy%E1%BB%85n%20V%C4%83n%20An.pdf" },
    });
    files['/api/proposals/p1/forms/to-trinh?format=docx'] = new Response('PK', { headers: { 'Content-Disposition': 'attachment; filename="to-trinh-p1.docx"' } });
    renderProposal();
    const forms = await screen.findByTestId('proposal-forms');
    expect(within(forms).getByRole('heading', { name: 'Văn bản' })).toBeTruthy();
    const names = [...forms.querySelectorAll('.form-list__name')].map((name) => name.textContent);
    expect(names).toEqual(['Tờ trình đề nghị khen thưởng', 'Quyết định khen thưởng', 'Giấy khen']);

    fireEvent.click(within(forms).getByRole('button', { name: 'Giấy khen — PDF' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const asked = api.calls.filter((call) => call.path.startsWith('/api/proposals/p1/forms/'));
    expect(asked.map((call) => `${call.path}?${call.query}`)).toEqual(['/api/proposals/p1/forms/bang-khen?format=pdf']);
    expect(asked[0]!.headers.get('Authorization')).toBe(`Bearer ${drafter}`);
    expect(saved[0]!.download).toBe('Giấy khen - Nguyễn Văn An.pdf');

    fireEvent.click(within(forms).getByRole('button', { name: 'Tờ trình đề nghị khen thưởng — Word (.docx)' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.download).toBe('to-trinh-p1.docx');
  });

  it('names the certificate Bằng khen for the chairman’s award, and says when a form is not ready', async () => {
    current = proposal({ dossier: { ...DOSSIER, forms: ['bang-khen', 'quyet-dinh'] } });
    renderProposal();
    const forms = await screen.findByTestId('proposal-forms');
    expect(within(forms).getByRole('button', { name: 'Bằng khen — Word (.docx)' })).toBeTruthy();
    fireEvent.click(within(forms).getByRole('button', { name: 'Quyết định khen thưởng — PDF' }));
    const alert = await within(forms).findByRole('alert');
    expect(alert.textContent).toContain('Chưa lập được “Quyết định khen thưởng”');
    expect(alert.textContent).not.toContain('FORM_NOT_READY');
    expect(api.calls.some((call) => call.path === '/api/proposals/p1/forms/quyet-dinh' && call.query.get('format') === 'pdf')).toBe(true);
  });

  it('has no Văn bản card when no form is available', async () => {
    current = proposal({ dossier: { ...DOSSIER, forms: [] } });
    renderProposal();
    await screen.findByTestId('dossier');
    expect(screen.queryByTestId('proposal-forms')).toBeNull();
  });
});
