import type { Role } from '#kernel';
import type { ProposalEventType, ProposalState } from '#workflows/proposal';
import type { MachineGraph } from '../../api/api-types.js';

/**
 * Where the boxes and arrows of a machine diagram go. Pure and free of React so that the geometry can be
 * tested on its own (ranks, no overlaps) and drawn by any renderer.
 *
 * The drawing is layered: each state is ranked by the longest path from the initial state over forward
 * edges (edges closing a cycle, like RETURN or SUPPLEMENT, are drawn as loops back instead of pulling their
 * target down), final states share the last rank, and a rank wider than `maxPerTrack` wraps onto several
 * tracks (rows of a vertical drawing) so that a phone need not shrink it to nothing. Every edge is routed
 * orthogonally: through the free channel between two tracks, or, when it skips tracks or goes back, along a
 * lane outside the boxes (forward lanes on one side, back lanes on the other), so no arrow crosses a box.
 */

// Kept here rather than imported from the machine's package: importing a value from it would pull the whole
// state machine library into the console's bundle.
export const TIMER_EVENTS = ['DEADLINE_REMINDER', 'DEADLINE_MISSED', 'ESCALATE'] as const satisfies readonly ProposalEventType[];

export type Orientation = 'vertical' | 'horizontal';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutNode extends Box {
  id: ProposalState;
  rank: number;
  track: number;
  initial: boolean;
  final: boolean;
}

export interface LayoutEdge {
  /** `from->to`: one edge per pair of states, however many events lead along it. */
  id: string;
  from: ProposalState;
  to: ProposalState;
  events: ProposalEventType[];
  roles: Role[];
  /** A back edge closes a cycle (RETURN to drafting, SUPPLEMENT back to home affairs). */
  back: boolean;
  points: Point[];
  /** SVG path data of `points`, corners rounded. */
  path: string;
  /**
   * Edges into the same state with the same events share their last stretch and one label: the ID of that
   * group. Only its first edge carries the label; the others have none.
   */
  bundle: string;
  /** Where the label goes (its events' names), chosen to stay clear of boxes, other labels and lines. */
  label: Box | null;
}

/** An event that changes no state, with the states that accept it: not drawn, told in a caption. */
export interface SelfLoop {
  event: ProposalEventType;
  states: ProposalState[];
  timer: boolean;
}

export interface MachineLayout {
  orientation: Orientation;
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  selfLoops: SelfLoop[];
}

export interface LayoutOptions {
  orientation?: Orientation;
  nodeWidth?: number;
  nodeHeight?: number;
  /** How many boxes one track (a row when vertical) holds before the rank wraps; default 2 vertical, unlimited horizontal. */
  maxPerTrack?: number;
  /** The size of an edge's label, so that labels can be placed where they fit. */
  labelSize?: (events: readonly ProposalEventType[]) => { width: number; height: number };
}

type Side = 'mainStart' | 'mainEnd' | 'crossStart' | 'crossEnd';

interface Port {
  side: Side;
  /** Position along the side, from the box's start corner. */
  offset: number;
}

interface Level {
  channel: number;
  level: number;
}

/**
 * Edges into one state with the same events share the way in (a trunk), and the lane when they need one, so
 * five REJECT arrows read as one line with one label instead of five parallel ones.
 */
interface Bundle {
  to: ProposalState;
  back: boolean;
  toTrack: number;
  /** Null when every edge comes from the track just before, through the channel between them only. */
  lane: number | null;
  entry: Port;
  entryLevel?: Level;
  routes: Route[];
}

interface Route {
  edge: Omit<LayoutEdge, 'points' | 'path' | 'label' | 'bundle'>;
  fromTrack: number;
  /** From one track to the next, so it needs no lane: it crosses the channel between them. */
  adjacent: boolean;
  bundle: Bundle;
  exit: Port;
  exitLevel?: Level;
}

const MARGIN = 12;
const LANE_GAP = 14;
const LANE_SPACING = 12;
const LEVEL_SPACING = 10;
const CORNER = 5;

export function layoutMachine(graph: MachineGraph, options: LayoutOptions = {}): MachineLayout {
  const orientation = options.orientation ?? 'vertical';
  const vertical = orientation === 'vertical';
  const nodeWidth = options.nodeWidth ?? 156;
  const nodeHeight = options.nodeHeight ?? 46;
  const maxPerTrack = Math.max(1, options.maxPerTrack ?? (vertical ? 2 : Number.POSITIVE_INFINITY));
  const labelSize = options.labelSize ?? ((events) => ({ width: events.join(', ').length * 6.5, height: 14 }));
  // Sizes along the flow (main) and across it (cross); x/y come only at the end.
  const nodeMain = vertical ? nodeHeight : nodeWidth;
  const nodeCross = vertical ? nodeWidth : nodeHeight;
  const crossGap = vertical ? 16 : 14;
  // A channel must fit a label beside a straight arrow: a line of text high when vertical, a label wide when not.
  const minChannel = vertical ? 44 : 150;

  const stateIds = graph.states.map((state) => state.id);
  if (stateIds.length === 0) return { orientation, width: 2 * MARGIN, height: 2 * MARGIN, nodes: [], edges: [], selfLoops: [] };
  const known = new Set(stateIds);
  const finals = new Set(graph.states.filter((state) => state.final).map((state) => state.id));

  const { edges, selfLoops } = mergeTransitions(graph, known);
  const back = findBackEdges(graph.initial, stateIds, edges);

  // Longest path over forward edges; finals all go to one last rank so the outcomes read as one row.
  const rank = new Map<ProposalState, number>();
  const forwardPreds = new Map<ProposalState, ProposalState[]>(stateIds.map((id) => [id, []]));
  for (const edge of edges) if (!back.has(edge.id)) forwardPreds.get(edge.to)!.push(edge.from);
  const rankOf = (id: ProposalState, seen: Set<ProposalState>): number => {
    const ranked = rank.get(id);
    if (ranked !== undefined) return ranked;
    if (seen.has(id)) return 0;
    seen.add(id);
    const preds = forwardPreds.get(id)!;
    const value = preds.length === 0 ? 0 : Math.max(...preds.map((pred) => rankOf(pred, seen) + 1));
    rank.set(id, value);
    return value;
  };
  for (const id of stateIds) rankOf(id, new Set());
  const open = stateIds.filter((id) => !finals.has(id));
  const lastRank = open.length === 0 ? 0 : Math.max(...open.map((id) => rank.get(id)!)) + 1;
  for (const id of finals) rank.set(id, lastRank);

  // Order within a rank by where the predecessors stand (barycentre), so arrows cross as little as they can.
  // A predecessor ranks away arrives by the forward lanes, beyond the last box, and counts as standing there.
  const ranks: ProposalState[][] = [];
  for (const id of stateIds) (ranks[rank.get(id)!] ??= []).push(id);
  const laneSide = Math.min(maxPerTrack, Math.max(...ranks.map((ids = []) => ids.length))) / 2 + 1;
  const position = new Map<ProposalState, number>();
  ranks.forEach((ids = [], r) => {
    const centre = (id: ProposalState) => {
      const placed = (forwardPreds.get(id) ?? []).map((pred) => (r - rank.get(pred)! > 1 ? laneSide : (position.get(pred) ?? 0)));
      return placed.length === 0 ? 0 : placed.reduce((a, b) => a + b, 0) / placed.length;
    };
    const ordered = r === 0 ? ids : ids.map((id, i) => ({ id, i, c: centre(id) })).sort((a, b) => a.c - b.c || a.i - b.i).map((x) => x.id);
    ranks[r] = ordered;
    ordered.forEach((id, i) => position.set(id, i - (Math.min(ordered.length, maxPerTrack) - 1) / 2));
  });

  const tracks: ProposalState[][] = [];
  ranks.forEach((ids = []) => {
    for (let i = 0; i < ids.length; i += maxPerTrack) tracks.push(ids.slice(i, i + maxPerTrack));
  });
  const trackOf = new Map<ProposalState, number>();
  tracks.forEach((ids, t) => ids.forEach((id) => trackOf.set(id, t)));
  // Once a rank is wrapped, a box may best sit straight below the one box it follows: within each track, boxes
  // that follow boxes of the track just before take the column nearest those.
  const column = new Map<ProposalState, number>();
  tracks.forEach((ids, t) => {
    const desired = (id: ProposalState) => {
      const above = (forwardPreds.get(id) ?? []).filter((pred) => trackOf.get(pred) === t - 1).map((pred) => column.get(pred)!);
      return above.length > 0 ? above.reduce((a, b) => a + b, 0) / above.length : position.get(id)!;
    };
    const ordered = ids.map((id, i) => ({ id, i, d: desired(id) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.id);
    tracks[t] = ordered;
    ordered.forEach((id, i) => column.set(id, i - (ordered.length - 1) / 2));
  });
  const widest = Math.max(1, ...tracks.map((ids) => ids.length));
  const innerCross = widest * nodeCross + (widest - 1) * crossGap;
  const crossStartOf = new Map<ProposalState, number>();
  for (const ids of tracks) {
    const width = ids.length * nodeCross + (ids.length - 1) * crossGap;
    ids.forEach((id, i) => crossStartOf.set(id, (innerCross - width) / 2 + i * (nodeCross + crossGap)));
  }
  const firstInTrack = (id: ProposalState) => tracks[trackOf.get(id)!]![0] === id;
  const lastInTrack = (id: ProposalState) => tracks[trackOf.get(id)!]!.at(-1) === id;

  // Route plan: sides, bundles and lanes first (they need only track indices), then ports, then channel levels.
  const bundles = new Map<string, Bundle>();
  const routes: Route[] = edges.map((edge) => {
    const fromTrack = trackOf.get(edge.from)!;
    const toTrack = trackOf.get(edge.to)!;
    const isBack = back.has(edge.id);
    const adjacent = !isBack && toTrack === fromTrack + 1;
    const exitSide: Side = adjacent ? 'mainEnd' : isBack ? (firstInTrack(edge.from) ? 'crossStart' : 'mainStart') : lastInTrack(edge.from) ? 'crossEnd' : 'mainEnd';
    const key = `${edge.to}|${isBack}|${edge.events.join(',')}`;
    let bundle = bundles.get(key);
    if (!bundle) {
      bundle = { to: edge.to, back: isBack, toTrack, lane: null, entry: { side: 'mainStart', offset: 0 }, routes: [] };
      bundles.set(key, bundle);
    }
    const route: Route = { edge: { ...edge, back: isBack }, fromTrack, adjacent, bundle, exit: { side: exitSide, offset: 0 } };
    bundle.routes.push(route);
    return route;
  });
  for (const bundle of bundles.values()) {
    const laned = bundle.routes.some((route) => !route.adjacent);
    bundle.lane = laned ? -1 : null;
    // Arrows from the track just before come in from above; a bundle of lane arrows alone may come in from
    // the side of the lanes, when no box stands between.
    const side = bundle.back ? (firstInTrack(bundle.to) ? 'crossStart' : 'mainStart') : lastInTrack(bundle.to) ? 'crossEnd' : 'mainStart';
    bundle.entry.side = laned && bundle.routes.every((route) => !route.adjacent) ? side : 'mainStart';
  }
  // Along the main axis every track t sits at 2t+1 and the channel before it at 2t, so "which stretch of a
  // lane does this bundle need" is an interval of small integers.
  const at = (side: Side, track: number) => (side === 'crossStart' || side === 'crossEnd' ? 2 * track + 1 : side === 'mainEnd' ? 2 * track + 2 : 2 * track);
  const span = (bundle: Bundle): [number, number] => {
    const ends = [at(bundle.entry.side, bundle.toTrack), ...bundle.routes.filter((route) => !route.adjacent).map((route) => at(route.exit.side, route.fromTrack))];
    return [Math.min(...ends), Math.max(...ends)];
  };
  for (const isBack of [false, true]) {
    const laned = [...bundles.values()].filter((bundle) => bundle.lane !== null && bundle.back === isBack);
    // Shorter trunks on the inner lanes: the lanes nest and do not cross one another.
    for (const [bundle, lane] of colour(laned.map((bundle) => ({ item: bundle, interval: span(bundle) })))) bundle.lane = lane;
  }
  const laneCross = (bundle: Bundle) =>
    bundle.back ? -(LANE_GAP + bundle.lane! * LANE_SPACING) : innerCross + LANE_GAP + bundle.lane! * LANE_SPACING;

  // Ports: spread each side's arrows along it, in the order that keeps them from crossing next to the box.
  const nodeCentreCross = (id: ProposalState) => crossStartOf.get(id)! + nodeCross / 2;
  const sideUsers = new Map<string, { port: Port; key: number; tie: string }[]>();
  const use = (node: ProposalState, port: Port, key: number, tie: string) => {
    const slot = `${node}:${port.side}`;
    sideUsers.set(slot, [...(sideUsers.get(slot) ?? []), { port, key, tie }]);
  };
  // Along a side, arrows to or from lanes are ordered so that none crosses another's lane beside the box:
  // arrows arriving from above sit above those leaving downwards, inner lanes nearest the turn.
  const alongSide = (bundle: Bundle, end: 'exit' | 'entry') => (bundle.back === (end === 'exit') ? (bundle.lane ?? 0) - 1000 : -(bundle.lane ?? 0));
  const onMainSide = (port: Port) => port.side === 'mainStart' || port.side === 'mainEnd';
  // Across a side, by where the arrow goes next: the box it heads for, or its lane.
  for (const route of routes) {
    const key = !onMainSide(route.exit) ? alongSide(route.bundle, 'exit') : route.adjacent ? nodeCentreCross(route.edge.to) : laneCross(route.bundle);
    use(route.edge.from, route.exit, key, route.edge.id);
  }
  for (const bundle of bundles.values()) {
    const comesFrom = [
      ...(bundle.lane === null ? [] : [laneCross(bundle)]),
      ...bundle.routes.filter((route) => route.adjacent).map((route) => nodeCentreCross(route.edge.from)),
    ];
    const key = onMainSide(bundle.entry) ? comesFrom.reduce((a, b) => a + b, 0) / comesFrom.length : alongSide(bundle, 'entry');
    use(bundle.to, bundle.entry, key, bundle.routes[0]!.edge.id);
  }
  for (const [slot, users] of sideUsers) {
    const side = slot.split(':')[1] as Side;
    const length = side === 'mainStart' || side === 'mainEnd' ? nodeCross : nodeMain;
    users.sort((a, b) => a.key - b.key || a.tie.localeCompare(b.tie));
    users.forEach((user, i) => (user.port.offset = (length * (i + 1)) / (users.length + 1)));
  }

  // Channel levels: each run across a channel gets its own level where runs would overlap.
  const portCross = (id: ProposalState, port: Port) => crossStartOf.get(id)! + port.offset;
  const runs = new Map<number, { item: (level: Level) => void; interval: [number, number] }[]>();
  const addRun = (channel: number, a: number, b: number, set: (level: Level) => void) => {
    runs.set(channel, [...(runs.get(channel) ?? []), { item: set, interval: a <= b ? [a, b] : [b, a] }]);
  };
  // A lane arrow leaving through a channel runs to its lane on its own level.
  for (const route of routes) {
    if (route.adjacent) continue;
    const channel = route.exit.side === 'mainEnd' ? route.fromTrack + 1 : route.exit.side === 'mainStart' ? route.fromTrack : null;
    if (channel !== null) addRun(channel, portCross(route.edge.from, route.exit), laneCross(route.bundle), (level) => (route.exitLevel = level));
  }
  // A bundle coming in from above gathers on one level: its lane and the arrows from the track before.
  for (const bundle of bundles.values()) {
    if (bundle.entry.side !== 'mainStart') continue;
    const crosses = [
      portCross(bundle.to, bundle.entry),
      ...(bundle.lane === null ? [] : [laneCross(bundle)]),
      ...bundle.routes.filter((route) => route.adjacent).map((route) => portCross(route.edge.from, route.exit)),
    ];
    const low = Math.min(...crosses);
    const high = Math.max(...crosses);
    if (high - low > 0.5) addRun(bundle.toTrack, low, high, (level) => (bundle.entryLevel = level));
  }
  const channelLevels = new Map<number, number>();
  for (const [channel, list] of runs) {
    const levels = colour(list, true);
    for (const [set, level] of levels) set({ channel, level });
    channelLevels.set(channel, Math.max(...levels.values()) + 1);
  }

  // Main-axis positions: channel, track, channel, track, …, channel.
  const channelStart: number[] = [];
  const channelSize: number[] = [];
  const trackStart: number[] = [];
  let main = 0;
  for (let c = 0; c <= tracks.length; c++) {
    const levels = channelLevels.get(c) ?? 0;
    const outer = c === 0 || c === tracks.length;
    // Runs across an inner channel add to it rather than eat into it: the labels of straight arrows need the room.
    const size = outer ? Math.max(levels > 0 ? 0 : 4, (levels + 1) * LEVEL_SPACING) : minChannel + levels * LEVEL_SPACING;
    channelStart[c] = main;
    channelSize[c] = size;
    main += size;
    if (c < tracks.length) {
      trackStart[c] = main;
      main += nodeMain;
    }
  }
  const levelAt = (where: { channel: number; level: number }) =>
    channelStart[where.channel]! + (channelSize[where.channel]! * (where.level + 1)) / ((channelLevels.get(where.channel) ?? 0) + 1);

  const toXY = (m: number, c: number): Point => (vertical ? { x: c, y: m } : { x: m, y: c });
  const portPoint = (id: ProposalState, port: Port): { main: number; cross: number } => {
    const m0 = trackStart[trackOf.get(id)!]!;
    const c0 = crossStartOf.get(id)!;
    switch (port.side) {
      case 'mainStart':
        return { main: m0, cross: c0 + port.offset };
      case 'mainEnd':
        return { main: m0 + nodeMain, cross: c0 + port.offset };
      case 'crossStart':
        return { main: m0 + port.offset, cross: c0 };
      case 'crossEnd':
        return { main: m0 + port.offset, cross: c0 + nodeCross };
    }
  };

  const nodes: LayoutNode[] = stateIds.map((id) => {
    const corner = toXY(trackStart[trackOf.get(id)!]!, crossStartOf.get(id)!);
    return {
      id,
      rank: rank.get(id)!,
      track: trackOf.get(id)!,
      initial: id === graph.initial,
      final: finals.has(id),
      x: corner.x,
      y: corner.y,
      width: nodeWidth,
      height: nodeHeight,
    };
  });

  const routed = routes.map((route) => {
    const { bundle } = route;
    const start = portPoint(route.edge.from, route.exit);
    const end = portPoint(bundle.to, bundle.entry);
    const line: { main: number; cross: number }[] = [start];
    if (route.adjacent) {
      if (bundle.entryLevel) {
        const level = levelAt(bundle.entryLevel);
        line.push({ main: level, cross: start.cross }, { main: level, cross: end.cross });
      }
    } else {
      const lane = laneCross(bundle);
      if (route.exitLevel) {
        const level = levelAt(route.exitLevel);
        line.push({ main: level, cross: start.cross }, { main: level, cross: lane });
      } else {
        line.push({ main: start.main, cross: lane });
      }
      if (bundle.entryLevel) {
        const level = levelAt(bundle.entryLevel);
        line.push({ main: level, cross: lane }, { main: level, cross: end.cross });
      } else {
        line.push({ main: end.main, cross: lane });
      }
    }
    line.push(end);
    const points = dedupe(line.map((p) => toXY(p.main, p.cross)));
    return { ...route.edge, bundle: bundle.routes[0]!.edge.id, points };
  });

  const labels = placeLabels(routed, nodes, labelSize);

  // Everything drawn, labels included, moved into a box that starts at the margin.
  const boxes: Box[] = [...nodes, ...labels.values(), ...routed.flatMap((edge) => edge.points.map((p) => ({ ...p, width: 0, height: 0 })))];
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const move = <T extends Point>(p: T): T => ({ ...p, x: round(p.x + dx), y: round(p.y + dy) });
  const laidOut: LayoutEdge[] = routed.map((edge) => {
    const points = edge.points.map(move);
    const label = labels.get(edge.id);
    return { ...edge, points, path: roundedPath(points), label: label ? move(label) : null };
  });
  return {
    orientation,
    width: round(maxX - minX + 2 * MARGIN),
    height: round(maxY - minY + 2 * MARGIN),
    nodes: nodes.map(move),
    edges: laidOut,
    selfLoops,
  };
}

/** One edge per pair of states (its events gathered), and the events that stay in place set apart. */
function mergeTransitions(graph: MachineGraph, known: Set<ProposalState>) {
  const edges: Omit<LayoutEdge, 'back' | 'points' | 'path' | 'label' | 'bundle'>[] = [];
  const byPair = new Map<string, (typeof edges)[number]>();
  const loops = new Map<ProposalEventType, SelfLoop>();
  const timers: readonly string[] = TIMER_EVENTS;
  for (const transition of graph.transitions) {
    if (!known.has(transition.from) || !known.has(transition.to)) continue;
    if (transition.from === transition.to) {
      const loop = loops.get(transition.event) ?? { event: transition.event, states: [], timer: timers.includes(transition.event) };
      if (!loop.states.includes(transition.from)) loop.states.push(transition.from);
      loops.set(transition.event, loop);
      continue;
    }
    const id = `${transition.from}->${transition.to}`;
    let edge = byPair.get(id);
    if (!edge) {
      edge = { id, from: transition.from, to: transition.to, events: [], roles: [] };
      byPair.set(id, edge);
      edges.push(edge);
    }
    if (!edge.events.includes(transition.event)) edge.events.push(transition.event);
    for (const role of transition.roles) if (!edge.roles.includes(role)) edge.roles.push(role);
  }
  return { edges, selfLoops: [...loops.values()] };
}

/** Edges that close a cycle in a depth-first walk from the initial state (then from anything it missed). */
function findBackEdges(initial: ProposalState, states: ProposalState[], edges: { id: string; from: ProposalState; to: ProposalState }[]): Set<string> {
  const out = new Map<ProposalState, typeof edges>(states.map((id) => [id, []]));
  for (const edge of edges) out.get(edge.from)!.push(edge);
  const back = new Set<string>();
  const done = new Set<ProposalState>();
  const onPath = new Set<ProposalState>();
  const visit = (id: ProposalState) => {
    onPath.add(id);
    for (const edge of out.get(id) ?? []) {
      if (onPath.has(edge.to)) back.add(edge.id);
      else if (!done.has(edge.to)) visit(edge.to);
    }
    onPath.delete(id);
    done.add(id);
  };
  if (out.has(initial)) visit(initial);
  for (const id of states) if (!done.has(id)) visit(id);
  return back;
}

/**
 * Interval colouring, greedy: each item gets the lowest colour none of its overlapping neighbours has. Items
 * are taken shortest first (so short runs sit innermost) unless `inOrder`.
 */
function colour<T>(items: { item: T; interval: [number, number] }[], inOrder = false): Map<T, number> {
  const sorted = inOrder
    ? [...items].sort((a, b) => a.interval[0] - b.interval[0] || a.interval[1] - b.interval[1])
    : [...items].sort((a, b) => a.interval[1] - a.interval[0] - (b.interval[1] - b.interval[0]) || a.interval[0] - b.interval[0]);
  const taken: [number, number][][] = [];
  const result = new Map<T, number>();
  for (const { item, interval } of sorted) {
    let c = 0;
    while ((taken[c] ?? []).some(([a, b]) => a <= interval[1] && interval[0] <= b)) c++;
    (taken[c] ??= []).push(interval);
    result.set(item, c);
  }
  return result;
}

function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out.at(-2);
    // A point in the middle of a straight run adds a corner of zero angle: drop it.
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A polyline with its corners rounded, so crossing lines are told apart from turning ones. */
export function roundedPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const parts = [`M${round(points[0]!.x)} ${round(points[0]!.y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const prev = points[i - 1]!;
    const next = points[i + 1];
    if (!next) {
      parts.push(`L${round(p.x)} ${round(p.y)}`);
      continue;
    }
    const r = Math.min(CORNER, distance(prev, p) / 2, distance(p, next) / 2);
    const a = towards(p, prev, r);
    const b = towards(p, next, r);
    parts.push(`L${round(a.x)} ${round(a.y)}`, `Q${round(p.x)} ${round(p.y)} ${round(b.x)} ${round(b.y)}`);
  }
  return parts.join(' ');
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const towards = (from: Point, to: Point, length: number): Point => {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
};

export const overlaps = (a: Box, b: Box, pad = 0) =>
  a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;

function crossesSegment(box: Box, a: Point, b: Point): boolean {
  const seg: Box = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
  return overlaps(box, seg, 1);
}

/**
 * One label per bundle, beside one of its straight runs: on the shared trunk when the bundle has several
 * edges, else as near the start as it fits. The first spot that touches no box, no label and no other line
 * wins; failing that, the one clear of boxes and labels that crosses the fewest lines; failing that, the first.
 */
function placeLabels(
  edges: { id: string; bundle: string; events: ProposalEventType[]; points: Point[] }[],
  nodes: Box[],
  labelSize: NonNullable<LayoutOptions['labelSize']>,
): Map<string, Box> {
  const groups = new Map<string, (typeof edges)[number][]>();
  for (const edge of edges) groups.set(edge.bundle, [...(groups.get(edge.bundle) ?? []), edge]);
  const placed: Box[] = [];
  const result = new Map<string, Box>();
  const order = [...groups.entries()].sort(([, a], [, b]) => pathLength(a[0]!.points) - pathLength(b[0]!.points));
  for (const [id, members] of order) {
    const { width, height } = labelSize(members[0]!.events);
    const segmentsOf = (points: Point[]) => points.slice(1).map((p, k) => [points[k]!, p] as const);
    const shared = commonSuffix(members.map((member) => member.points));
    const preferred = members.length > 1 && shared.length > 1 ? segmentsOf(shared).reverse() : [];
    const segments = [
      ...preferred.map((segment) => ({ segment, along: [0.8, 0.65, 0.5, 0.35, 0.2] })),
      ...members.flatMap((member) => segmentsOf(member.points)).map((segment) => ({ segment, along: [0.5, 0.3, 0.7, 0.15, 0.85] })),
    ];
    const candidates: Box[] = [];
    // A shared trunk is labelled near where it arrives, since that is all its edges have in common.
    for (const { segment: [a, b], along } of segments) {
      for (const t of along) {
        const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        if (a.x === b.x) {
          candidates.push({ x: p.x + 4, y: p.y - height / 2, width, height }, { x: p.x - 4 - width, y: p.y - height / 2, width, height });
        } else {
          candidates.push({ x: p.x - width / 2, y: p.y - 3 - height, width, height }, { x: p.x - width / 2, y: p.y + 3, width, height });
        }
      }
    }
    const clearOfBoxes = (box: Box) => !nodes.some((node) => overlaps(box, node, 2)) && !placed.some((other) => overlaps(box, other, 1));
    const linesCrossed = (box: Box) =>
      edges.reduce((count, other) => count + (other.bundle === id ? 0 : other.points.slice(1).filter((p, k) => crossesSegment(box, other.points[k]!, p)).length), 0);
    let choice = candidates[0]!;
    let fewest = Number.POSITIVE_INFINITY;
    for (const box of candidates) {
      if (!clearOfBoxes(box)) continue;
      const crossed = linesCrossed(box);
      if (crossed < fewest) [choice, fewest] = [box, crossed];
      if (crossed === 0) break;
    }
    placed.push(choice);
    result.set(members[0]!.id, choice);
  }
  return result;
}

/**
 * The stretch every path ends with: the points they share, and before those the part of a common straight
 * run (a lane the paths join at different heights) that all of them cover.
 */
function commonSuffix(lists: Point[][]): Point[] {
  const first = lists[0]!;
  const shortest = Math.min(...lists.map((list) => list.length));
  let n = 0;
  while (n < shortest && lists.every((list) => same(list[list.length - 1 - n]!, first[first.length - 1 - n]!))) n++;
  const shared = first.slice(first.length - n);
  const joint = shared[0];
  if (!joint || n >= shortest) return shared;
  const before = lists.map((list) => list[list.length - 1 - n]!);
  const alongX = before.every((p) => Math.abs(p.y - joint.y) < 0.01);
  const alongY = before.every((p) => Math.abs(p.x - joint.x) < 0.01);
  if (!alongX && !alongY) return shared;
  const nearest = before.reduce((a, b) => (distance(a, joint) <= distance(b, joint) ? a : b));
  return [nearest, ...shared];
}

const same = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;

function pathLength(points: Point[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  return total;
}
