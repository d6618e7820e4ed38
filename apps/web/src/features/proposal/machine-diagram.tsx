import { useId, useMemo } from 'react';
import type { ProposalEventType, ProposalState } from '#workflows/proposal';
import type { MachineGraph } from '../../api/api-types.js';
import { EVENT_NAMES, ROLE_NAMES, STATE_NAMES } from '../../i18n/common.messages.js';
import { useLang, type Lang } from '../../i18n/i18n.js';
import { layoutMachine, type LayoutNode } from './machine-layout.js';
import { MACHINE_DIAGRAM_MESSAGES } from './machine-diagram.messages.js';

const FONT = 12;
const LABEL_FONT = 11;
// Average advance of a system UI font, as a share of its size; Vietnamese diacritics sit above, not beside.
const CHAR_WIDTH = 0.56;
const NODE_WIDTH = 156;
const NODE_HEIGHT = 46;
const LINE_CHARS = Math.floor((NODE_WIDTH - 14) / (FONT * CHAR_WIDTH));

/**
 * The machine a proposal runs on, drawn from its definition (GET /api/machines/:version), with the stage the
 * proposal stands in highlighted. Screen readers get the title and, as the description, every transition in
 * words; the drawing itself is one image.
 */
export function MachineDiagram(props: { graph: MachineGraph; current: ProposalState | null; lang?: 'vi' | 'en' }) {
  const { graph, current } = props;
  const context = useLang();
  const lang: Lang = props.lang ?? context.lang;
  const t = MACHINE_DIAGRAM_MESSAGES[lang];
  const states = STATE_NAMES[lang];
  const events = EVENT_NAMES[lang];
  const rawId = useId();
  const id = `machine-${rawId.replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const edgeLabel = (list: readonly ProposalEventType[]) => labelOf(list, lang);
  // The labels' lengths depend on the language, so the geometry does too.
  const layout = useMemo(
    () =>
      layoutMachine(graph, {
        orientation: 'vertical',
        nodeWidth: NODE_WIDTH,
        nodeHeight: NODE_HEIGHT,
        labelSize: (list) => ({ width: Math.ceil(labelOf(list, lang).length * LABEL_FONT * CHAR_WIDTH) + 6, height: LABEL_FONT + 4 }),
      }),
    [graph, lang],
  );

  const who = (roles: readonly string[]) =>
    roles.map((role) => (ROLE_NAMES[lang] as Record<string, string>)[role] ?? (role === 'system' ? t.system : role)).join(', ');
  const stateName = (state: ProposalState) => states[state] ?? state;
  const timers = layout.selfLoops.filter((loop) => loop.timer);
  const staying = layout.selfLoops.filter((loop) => !loop.timer);
  const description = [
    ...layout.edges.map((edge) => t.transition(stateName(edge.from), edgeLabel(edge.events), stateName(edge.to), who(edge.roles))),
    t.finals(layout.nodes.filter((node) => node.final).map((node) => stateName(node.id)).join(', ')),
  ].join(' ');

  return (
    <figure className="machine-diagram" data-machine-version={graph.version}>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: `${Math.round(layout.width * 1.25)}px` }}
        preserveAspectRatio="xMidYMin meet"
        fontSize={FONT}
        fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
      >
        <title id={`${id}-title`}>{t.title(graph.version, current ? stateName(current) : null)}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill="#5a6370" />
          </marker>
          <marker id={`${id}-arrow-next`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill="#a31515" />
          </marker>
        </defs>
        <g className="machine-edges">
          {/* The ways out of the current stage last, so that a shared trunk shows them on top. */}
          {[...layout.edges].sort((a, b) => Number(a.from === current) - Number(b.from === current)).map((edge) => {
            const next = edge.from === current;
            return (
              <g
                key={edge.id}
                className={`machine-edge${edge.back ? ' machine-edge--back' : ''}${next ? ' machine-edge--next' : ''}`}
                data-from={edge.from}
                data-to={edge.to}
                data-events={edge.events.join(' ')}
              >
                <path
                  d={edge.path}
                  fill="none"
                  stroke={next ? '#a31515' : '#5a6370'}
                  strokeWidth={next ? 2 : 1.25}
                  strokeDasharray={edge.back ? '5 3' : undefined}
                  markerEnd={`url(#${id}-arrow${next ? '-next' : ''})`}
                />
              </g>
            );
          })}
          {/* Labels after every line, so that no line is drawn over a label. */}
          {layout.edges.map((edge) => {
            if (!edge.label) return null;
            // A shared label speaks for every edge of its bundle: highlighted when one of them leaves the current stage.
            const next = layout.edges.some((other) => other.bundle === edge.bundle && other.from === current);
            return (
              <text
                key={`${edge.id}-label`}
                className="machine-edge-label"
                x={edge.label.x + edge.label.width / 2}
                y={edge.label.y + edge.label.height / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={LABEL_FONT}
                fill={next ? '#a31515' : '#1b1f24'}
                fontWeight={next ? 600 : undefined}
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
              >
                {edgeLabel(edge.events)}
              </text>
            );
          })}
        </g>
        <g className="machine-nodes">
          {layout.nodes.map((node) => (
            <StateBox key={node.id} node={node} name={stateName(node.id)} current={node.id === current} />
          ))}
        </g>
      </svg>
      <figcaption className="muted">
        <p>{t.legend}</p>
        {timers.length > 0 && <p data-testid="machine-timers">{t.timers(timers.map((loop) => events[loop.event] ?? loop.event).join(', '))}</p>}
        {staying.map((loop) => (
          <p key={loop.event}>{t.stays(events[loop.event] ?? loop.event, loop.states.map(stateName).join(', '))}</p>
        ))}
      </figcaption>
    </figure>
  );
}

const labelOf = (list: readonly ProposalEventType[], lang: Lang) => list.map((event) => EVENT_NAMES[lang][event] ?? event).join(', ');

function StateBox({ node, name, current }: { node: LayoutNode; name: string; current: boolean }) {
  const lines = wrap(name, LINE_CHARS);
  const lineHeight = FONT + 3;
  const top = node.y + node.height / 2 - ((lines.length - 1) * lineHeight) / 2;
  return (
    <g
      className={`machine-state${current ? ' machine-state--current' : ''}${node.final ? ' machine-state--final' : ''}`}
      data-state={node.id}
      aria-current={current ? 'step' : undefined}
    >
      <title>{name}</title>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={8}
        fill={current ? '#fdecec' : '#ffffff'}
        stroke={current ? '#a31515' : '#1b1f24'}
        strokeWidth={current ? 3.5 : 1.25}
      />
      {node.final && (
        <rect x={node.x + 3} y={node.y + 3} width={node.width - 6} height={node.height - 6} rx={6} fill="none" stroke={current ? '#a31515' : '#1b1f24'} strokeWidth={1} />
      )}
      <text textAnchor="middle" fill="#1b1f24" fontWeight={current ? 700 : 400}>
        {lines.map((line, i) => (
          <tspan key={i} x={node.x + node.width / 2} y={top + i * lineHeight} dominantBaseline="central">
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** Splits a name into as few lines as fit, as evenly as possible (two short lines read better than a long and a short). */
export function wrap(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let cut = 1; cut < words.length; cut++) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const width = Math.max(...lines.map((line) => line.length));
    if (width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}
