import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../api/api-types.js';
import { renderPage } from '../../test-support/render-page.js';
import { HistoryTimeline } from './history-timeline.js';
import { ProcessHistory } from './process-history.js';

const DEADLINE = { rule: 'DX-4', dueAt: '2026-05-04T17:00:00.000Z' };
const event = (seq: number, type: string, payload: Record<string, unknown>): HistoryEvent =>
  ({
    seq,
    type,
    state: 'under_council_review',
    at: '2026-04-25T03:00:00.000Z',
    machineVersion: 2,
    hash: 'a'.repeat(64),
    prevHash: 'b'.repeat(64),
    actor: { id: 'u1', name: 'Nguyễn Thị Bình', roles: ['council_secretary'] },
    payload,
  }) as unknown as HistoryEvent;

const EVENTS = [
  event(1, 'COUNCIL_VOTED', {
    note: 'Họp ngày 24/4',
    vote: { members: 7, for: 5, against: 2 },
    decision: { number: '12/QĐ-UBND', date: '2026-04-24', signedBy: 'Chủ tịch UBND tỉnh' },
    deadline: DEADLINE,
    rules: { warnings: ['DX-1', 'ND-1', 'DX-1'] },
  }),
  event(2, 'DOCUMENT_ATTACHED', { fileName: 'bao-cao.pdf', kind: 'bao_cao_thanh_tich', reason: '' }),
];

/** Each <dt> with its <dd>, in the order shown. */
const facts = (container: HTMLElement, seq: number) =>
  [...container.querySelectorAll(`[data-seq="${seq}"] dt`)].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);

describe('EventFacts, as the process history and the inspector log both show them', () => {
  it('the process history words what the event carried, the deadline its own way, warnings last and once each', () => {
    const { container } = renderPage(<ProcessHistory events={EVENTS} />);
    expect(facts(container, 1).slice(0, 5)).toEqual([
      'Ghi chú: Họp ngày 24/4',
      'Biểu quyết: 5 tán thành, 2 không tán thành / 7 thành viên',
      'Quyết định: Số 12/QĐ-UBND, ngày 24/04/2026, Chủ tịch UBND tỉnh ký',
      'Thời hạn: hạn cuối 04/05/2026, theo DX-4',
      'Lưu ý theo quy định: DX-1, ND-1',
    ]);
    // An empty reason is no reason; the document is named by its kind and file name.
    expect(facts(container, 2)).toEqual(['Tài liệu: Báo cáo thành tích: bao-cao.pdf']);
  });

  it('the inspector log shows the same facts between who/when and the hashes, in English too', () => {
    const { container } = renderPage(<HistoryTimeline events={EVENTS} />, { lang: 'en' });
    const first = facts(container, 1);
    expect(first.slice(2, 7)).toEqual([
      'Note: Họp ngày 24/4',
      'Vote: 5 for, 2 against, of 7 members',
      'Decision: No. 12/QĐ-UBND of 24/04/2026, signed by Chủ tịch UBND tỉnh',
      'Deadline applied: DX-4 04/05/2026',
      'Rule warnings: DX-1, ND-1',
    ]);
    expect(facts(container, 2)).toContain('Document: Achievement report: bao-cao.pdf');
    expect(facts(container, 2).some((fact) => fact.startsWith('Reason'))).toBe(false);
  });
});
