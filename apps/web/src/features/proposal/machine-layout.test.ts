import { describe, expect, it } from 'vitest';
import { machineGraph, type ProposalState } from '#workflows/proposal';
import type { MachineGraph } from '../../api/api-types.js';
import { layoutMachine, overlaps, TIMER_EVENTS, type Box, type MachineLayout, type Orientation } from './machine-layout.js';

const v1 = machineGraph(1);
const v2 = machineGraph(2);

const nodeOf = (layout: MachineLayout, id: ProposalState) => {
  const node = layout.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`${id} not laid out`);
  return node;
};

const inside = (box: Box, p: { x: number; y: number }) => p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height;

describe.each<[string, MachineGraph, Orientation]>([
  ['v2, vertical', v2, 'vertical'],
  ['v2, horizontal', v2, 'horizontal'],
  ['v1, vertical', v1, 'vertical'],
])('layoutMachine (%s)', (_name, graph, orientation) => {
  const layout = layoutMachine(graph, { orientation });
  const along = (box: Box) => (orientation === 'vertical' ? box.y : box.x);

  it('ranks the stages in the order a proposal goes through them', () => {
    const order: ProposalState[] = ['drafting', 'unitDecision', 'councilScreening', 'homeAffairsAgreement', 'chairmanDecision'];
    for (let i = 1; i < order.length; i++) {
      expect(nodeOf(layout, order[i]!).rank).toBeGreaterThan(nodeOf(layout, order[i - 1]!).rank);
      expect(along(nodeOf(layout, order[i]!))).toBeGreaterThan(along(nodeOf(layout, order[i - 1]!)));
    }
    if (graph === v2) {
      // The cycle with home affairs does not pull it below the stage it asks for documents from.
      expect(nodeOf(layout, 'supplementRequested').rank).toBeGreaterThan(nodeOf(layout, 'homeAffairsAgreement').rank);
    }
  });

  it('puts the outcomes after every open stage', () => {
    const finals = layout.nodes.filter((node) => node.final);
    const open = layout.nodes.filter((node) => !node.final);
    expect(finals.map((node) => node.id).sort()).toEqual(['awarded', 'awardedByUnit', 'rejected', 'withdrawn']);
    const lastOpen = Math.max(...open.map((node) => along(node) + (orientation === 'vertical' ? node.height : node.width)));
    for (const node of finals) {
      expect(node.rank).toBe(Math.max(...layout.nodes.map((n) => n.rank)));
      expect(along(node)).toBeGreaterThan(lastOpen);
    }
  });

  it('draws no box over another, and no label over a box or another label', () => {
    const labels = layout.edges.flatMap((edge) => (edge.label ? [edge.label] : []));
    layout.nodes.forEach((a, i) => layout.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)));
    for (const label of labels) for (const node of layout.nodes) expect(overlaps(label, node), node.id).toBe(false);
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it('keeps every box and label within the drawing', () => {
    for (const box of [...layout.nodes, ...layout.edges.flatMap((edge) => (edge.label ? [edge.label] : []))]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('routes no arrow through a box, and ends each on its own two boxes', () => {
    for (const edge of layout.edges) {
      const from = nodeOf(layout, edge.from);
      const to = nodeOf(layout, edge.to);
      const first = edge.points[0]!;
      const last = edge.points.at(-1)!;
      expect(onBorder(from, first), `${edge.id} starts on ${edge.from}`).toBe(true);
      expect(onBorder(to, last), `${edge.id} ends on ${edge.to}`).toBe(true);
      for (let i = 1; i < edge.points.length; i++) {
        const a = edge.points[i - 1]!;
        const b = edge.points[i]!;
        expect(a.x === b.x || a.y === b.y, `${edge.id} runs straight`).toBe(true);
        for (const node of layout.nodes) {
          for (let k = 1; k < 10; k++) {
            const p = { x: a.x + ((b.x - a.x) * k) / 10, y: a.y + ((b.y - a.y) * k) / 10 };
            expect(inside(node, p), `${edge.id} crosses ${node.id}`).toBe(false);
          }
        }
      }
    }
  });

  it('leaves out the timer events, which change no stage, and reports them for the caption', () => {
    const drawn = layout.edges.flatMap((edge) => edge.events);
    for (const timer of TIMER_EVENTS) expect(drawn).not.toContain(timer);
    expect(layout.selfLoops.filter((loop) => loop.timer).map((loop) => loop.event).sort()).toEqual([...TIMER_EVENTS].sort());
    const openStages = layout.nodes.filter((node) => !node.final).map((node) => node.id).sort();
    for (const loop of layout.selfLoops.filter((l) => l.timer)) expect([...loop.states].sort()).toEqual(openStages);
    expect(layout.edges.every((edge) => edge.from !== edge.to)).toBe(true);
  });

  it('marks the edges that go back as back edges', () => {
    expect(layout.edges.find((edge) => edge.id === 'unitDecision->drafting')?.back).toBe(true);
    expect(layout.edges.find((edge) => edge.id === 'drafting->unitDecision')?.back).toBe(false);
    if (graph === v2) expect(layout.edges.find((edge) => edge.id === 'supplementRequested->homeAffairsAgreement')?.back).toBe(true);
  });

  it('labels every group of edges once', () => {
    const bundles = new Set(layout.edges.map((edge) => edge.bundle));
    for (const bundle of bundles) {
      expect(layout.edges.filter((edge) => edge.bundle === bundle && edge.label).length).toBe(1);
    }
  });
});

function onBorder(box: Box, p: { x: number; y: number }): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.2;
  const withinX = p.x >= box.x - 0.2 && p.x <= box.x + box.width + 0.2;
  const withinY = p.y >= box.y - 0.2 && p.y <= box.y + box.height + 0.2;
  return (withinX && (near(p.y, box.y) || near(p.y, box.y + box.height))) || (withinY && (near(p.x, box.x) || near(p.x, box.x + box.width)));
}

describe('layoutMachine, merging', () => {
  it('draws parallel transitions between the same two states as one edge carrying every event', () => {
    const graph: MachineGraph = {
      version: 99,
      initial: 'drafting',
      states: [
        { id: 'drafting', final: false },
        { id: 'unitDecision', final: false },
        { id: 'rejected', final: true },
      ],
      transitions: [
        { from: 'drafting', to: 'unitDecision', event: 'SUBMIT', roles: ['drafter'] },
        { from: 'drafting', to: 'unitDecision', event: 'FORWARD', roles: ['unit_head'] },
        { from: 'unitDecision', to: 'rejected', event: 'REJECT', roles: ['unit_head'] },
        { from: 'drafting', to: 'drafting', event: 'UPDATE', roles: ['drafter'] },
        { from: 'drafting', to: 'drafting', event: 'ESCALATE', roles: ['system'] },
      ],
    };
    const layout = layoutMachine(graph);
    const merged = layout.edges.filter((edge) => edge.from === 'drafting' && edge.to === 'unitDecision');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.events).toEqual(['SUBMIT', 'FORWARD']);
    expect(merged[0]!.roles).toEqual(['drafter', 'unit_head']);
    expect(layout.selfLoops).toEqual([
      { event: 'UPDATE', states: ['drafting'], timer: false },
      { event: 'ESCALATE', states: ['drafting'], timer: true },
    ]);
  });

  it('wraps a rank wider than a phone allows onto more rows', () => {
    const layout = layoutMachine(v2, { orientation: 'vertical', maxPerTrack: 2 });
    const finals = layout.nodes.filter((node) => node.final);
    expect(new Set(finals.map((node) => node.track)).size).toBe(2);
    const wide = layoutMachine(v2, { orientation: 'vertical', maxPerTrack: 4 });
    expect(new Set(wide.nodes.filter((node) => node.final).map((node) => node.track)).size).toBe(1);
    expect(wide.width).toBeGreaterThan(layout.width);
  });
});
