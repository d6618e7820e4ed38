import { describe, expect, it } from 'vitest';
import { machineGraph, PROPOSAL_STATES, type ProposalState } from '#workflows/proposal';
import type { MachineGraph } from '../../api/api-types.js';
import { EVENT_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { renderPage } from '../../test-support/render-page.js';
import { MachineDiagram } from './machine-diagram.js';
import { TIMER_EVENTS } from './machine-layout.js';

/** The states a proposal can reach from the initial one, following the machine's own transitions. */
function reachable(graph: MachineGraph): Set<ProposalState> {
  const seen = new Set<ProposalState>([graph.initial]);
  const queue = [graph.initial];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const transition of graph.transitions) {
      if (transition.from === from && !seen.has(transition.to)) {
        seen.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return seen;
}

const v1 = machineGraph(1);
const v2 = machineGraph(2);

describe('MachineDiagram', () => {
  it('draws every state a v2 proposal can reach, named as the console names it', () => {
    const { container } = renderPage(<MachineDiagram graph={v2} current="councilScreening" />);
    const states = PROPOSAL_STATES.filter((state) => reachable(v2).has(state));
    expect(states).toContain('supplementRequested');
    for (const state of states) {
      const node = container.querySelector(`[data-state="${state}"]`);
      expect(node, state).not.toBeNull();
      expect(node!.querySelector('title')!.textContent).toBe(STATE_NAMES.vi[state]);
      const lines = [...node!.querySelectorAll('tspan')].map((line) => line.textContent).join(' ');
      expect(lines).toBe(STATE_NAMES.vi[state]);
    }
  });

  it('marks the current state, and only it, as the current step', () => {
    const { container } = renderPage(<MachineDiagram graph={v2} current="homeAffairsAgreement" />);
    const current = container.querySelectorAll('[aria-current]');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute('data-state')).toBe('homeAffairsAgreement');
    expect(current[0]!.getAttribute('aria-current')).toBe('step');
    // Highlighted by fill and a thicker border than the others.
    const rect = current[0]!.querySelector('rect')!;
    const other = container.querySelector('[data-state="drafting"] rect')!;
    expect(Number(rect.getAttribute('stroke-width'))).toBeGreaterThan(Number(other.getAttribute('stroke-width')));
    expect(rect.getAttribute('fill')).not.toBe(other.getAttribute('fill'));
  });

  it('is one labelled image that scales to its container', () => {
    const { getByRole } = renderPage(<MachineDiagram graph={v2} current="drafting" />);
    const image = getByRole('img');
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect(image.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    expect(image.getAttribute('width')).toBe('100%');
    const title = image.querySelector('title')!;
    expect(image.getAttribute('aria-labelledby')).toBe(title.id);
    expect(title.textContent).toContain(STATE_NAMES.vi.drafting);
    expect(image.querySelector('desc')!.textContent).toContain(EVENT_NAMES.vi.SUBMIT);
  });

  it('labels the transitions with their events and leaves the timers to the caption', () => {
    const { container } = renderPage(<MachineDiagram graph={v2} current={null} />);
    const drawn = [...container.querySelectorAll('[data-events]')].flatMap((edge) => edge.getAttribute('data-events')!.split(' '));
    expect(drawn).toContain('REQUEST_SUPPLEMENT');
    for (const timer of TIMER_EVENTS) expect(drawn).not.toContain(timer);
    const labels = [...container.querySelectorAll('.machine-edge-label')].map((label) => label.textContent);
    expect(labels).toContain(EVENT_NAMES.vi.SUBMIT);
    const caption = container.querySelector('figcaption')!.textContent!;
    for (const timer of TIMER_EVENTS) expect(caption).toContain(EVENT_NAMES.vi[timer]);
    expect(container.querySelector('[aria-current]')).toBeNull();
  });

  it('draws no supplement stage for a proposal on machine v1', () => {
    const { container } = renderPage(<MachineDiagram graph={v1} current="homeAffairsAgreement" />);
    expect(container.querySelector('[data-state="supplementRequested"]')).toBeNull();
    expect(container.textContent).not.toContain(STATE_NAMES.vi.supplementRequested);
    expect(container.querySelector('[data-events~="REQUEST_SUPPLEMENT"]')).toBeNull();
    expect(container.querySelector('[data-state="chairmanDecision"]')).not.toBeNull();
  });

  it('speaks English when asked', () => {
    const { container } = renderPage(<MachineDiagram graph={v2} current="drafting" lang="en" />);
    expect(container.querySelector('[data-state="drafting"]')!.textContent).toContain(STATE_NAMES.en.drafting);
    expect(container.querySelector('title')!.textContent).toMatch(/^Commendation workflow, version 2/);
  });
});
