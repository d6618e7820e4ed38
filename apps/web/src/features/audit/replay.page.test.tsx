import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEvent, MachineGraph } from '../../api/api-types.js';
import { stubFetch, type StubCall } from '../../test-support/fetch-stub.js';
import { fakeToken, renderPage } from '../../test-support/render-page.js';
import type { ProposalReplayView } from './audit-types.js';
import ReplayPage from './replay.page.js';

const ID = '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const clerk = { id: 'u-clerk', name: 'Nguyễn Văn An', roles: ['drafter' as const], unitId: 'unit-1' };
const head = { id: 'u-head', name: 'Trần Thị Bình', roles: ['unit_head' as const], unitId: 'unit-1' };

const line = (seq: number, type: string, state: string, actor: HistoryEvent['actor'], payload: Record<string, unknown> = {}): HistoryEvent => ({
  proposalId: ID,
  seq,
  type,
  actor,
  at: `2026-05-0${seq}T03:00:00.000Z`,
  payload,
  machineVersion: 2,
  state,
  prevHash: seq === 1 ? '0'.repeat(64) : `h${seq - 1}`,
  hash: `h${seq}`,
});

const HISTORY: HistoryEvent[] = [
  line(1, 'CREATED', 'drafting', clerk),
  line(2, 'SUBMIT', 'unitDecision', clerk),
  line(3, 'RETURN', 'drafting', head, { reason: 'Thiếu bản tóm tắt thành tích' }),
];

const GRAPH: MachineGraph = { version: 2, initial: 'drafting', states: [{ id: 'drafting', final: false }], transitions: [] };

function replayAt(seq: number, matchesStored: boolean): ProposalReplayView {
  const event = HISTORY[seq - 1]!;
  return {
    proposalId: ID,
    seq,
    at: event.at,
    state: event.state,
    context: {
      proposalId: ID,
      escalation: 'none',
      late: false,
      lateRule: null,
      lastReason: seq === 3 ? 'Thiếu bản tóm tắt thành tích' : null,
      vote: null,
      decision: null,
      submittedAt: seq >= 2 ? HISTORY[1]!.at : null,
      forwardedAt: null,
    },
    machineVersion: 2,
    chainValid: true,
    matchesStored,
    events: HISTORY.length,
    failure: null,
  };
}

function stubApi({ matchesStored = true } = {}) {
  return stubFetch((call) => {
    if (call.path === `/api/proposals/${ID}/history`) return { events: HISTORY };
    if (call.path === `/api/proposals/${ID}`) return { id: ID, machineVersion: 2, nominee: { type: 'individual', name: 'Lê Văn Cường' } };
    if (call.path === `/api/proposals/${ID}/replay`) return replayAt(Number(call.query.get('seq') ?? HISTORY.length), matchesStored);
    if (call.path === '/api/machines/2') return GRAPH;
    return undefined;
  });
}

const auditor = fakeToken({ roles: ['auditor'] });
const open = (lang: 'vi' | 'en' = 'vi', path = `/proposals/${ID}/replay`) =>
  renderPage(<ReplayPage params={{ id: ID }} />, { token: auditor, lang, path });

const stateShown = () => screen.getByTestId('replay-state').getAttribute('data-state');
const seqsRequested = (calls: StubCall[]) => calls.filter((call) => call.path.endsWith('/replay')).map((call) => call.query.get('seq'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReplayPage', () => {
  it('opens on the last step and moves through the steps with the slider, the arrow keys and the buttons', async () => {
    const api = stubApi();
    open();

    const slider = await screen.findByRole('slider', { name: 'Bước' });
    await waitFor(() => expect(stateShown()).toBe('drafting'));
    expect(slider).toHaveProperty('value', '3');
    expect(slider.getAttribute('max')).toBe('3');
    expect(screen.getByTestId('replay-event').getAttribute('data-type')).toBe('RETURN');
    expect(screen.getByText('Thiếu bản tóm tắt thành tích', { selector: '[data-testid="replay-event"] dd' })).toBeTruthy();

    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    await waitFor(() => expect(stateShown()).toBe('unitDecision'));
    expect(screen.getByTestId('replay-state').textContent).toBe('Chờ thủ trưởng đơn vị');
    expect(screen.getByTestId('replay-event').getAttribute('data-type')).toBe('SUBMIT');

    fireEvent.change(slider, { target: { value: '1' } });
    await waitFor(() => expect(stateShown()).toBe('drafting'));
    expect(screen.getByTestId('replay-event').getAttribute('data-type')).toBe('CREATED');
    expect(screen.getByTestId('replay-previous')).toHaveProperty('disabled', true);

    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await waitFor(() => expect(stateShown()).toBe('unitDecision'));

    fireEvent.click(screen.getByRole('button', { name: /Bước sau/ }));
    await waitFor(() => expect(screen.getByTestId('replay-event').getAttribute('data-type')).toBe('RETURN'));
    await waitFor(() => expect(screen.getByTestId('replay-view').getAttribute('aria-busy')).toBe('false'));

    expect(seqsRequested(api.calls)).toEqual(['3', '2', '1', '2', '3']);
    expect(window.location.search).toBe('?seq=3');
    expect(screen.getByTestId('replay-chain').getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('replay-matches').getAttribute('data-ok')).toBe('true');
    expect(api.sent('GET', '/api/machines/2')).not.toHaveLength(0);
  });

  it('shows a red mark when replaying the log does not give the stored record', async () => {
    stubApi({ matchesStored: false });
    open('en');

    const mark = await screen.findByTestId('replay-matches');
    expect(mark.getAttribute('data-ok')).toBe('false');
    expect(mark.className).toContain('check--bad');
    expect(mark.textContent).toContain("does not give the proposal's stored record");
    expect(screen.getByRole('slider', { name: 'Step' })).toBeTruthy();
  });

  it('opens the step named in ?seq, as the audit page links to it', async () => {
    const api = stubApi();
    open('vi', `/proposals/${ID}/replay?seq=2`);

    await waitFor(() => expect(stateShown()).toBe('unitDecision'));
    expect(seqsRequested(api.calls)).toEqual(['2']);
  });

  it("shows the server's reason when a step cannot be replayed", async () => {
    stubFetch((call) => {
      if (call.path.endsWith('/history')) return { events: HISTORY };
      if (call.path.endsWith('/replay')) {
        return { ...replayAt(1, false), chainValid: false, failure: { seq: 2, message: 'machine v2 refuses SUBMIT in drafting' } };
      }
      return undefined;
    });
    open('vi', `/proposals/${ID}/replay?seq=2`);

    const failure = await screen.findByTestId('replay-failure');
    expect(failure.textContent).toContain('machine v2 refuses SUBMIT in drafting');
    expect(screen.getByTestId('replay-chain').getAttribute('data-ok')).toBe('false');
  });
});
