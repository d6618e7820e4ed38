import { useId, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n.js';
import { REPLAY_MESSAGES } from './replay.messages.js';

const clamp = (value: number, total: number) => Math.min(Math.max(value, 1), total);

/**
 * Chooses a step of the log: a range for dragging (or a finger on a phone), buttons for one step at a time.
 * The keys are handled here rather than left to the browser so that every browser moves by exactly one step
 * (some move a range by a percentage on Page Up/Down) and the step reached is the one requested.
 */
export function ReplaySlider({
  seq,
  total,
  valueText,
  onChange,
}: {
  seq: number;
  total: number;
  valueText: string;
  onChange(seq: number): void;
}) {
  const t = useT(REPLAY_MESSAGES);
  const id = useId();
  const go = (next: number) => {
    const target = clamp(next, total);
    if (target !== seq) onChange(target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const big = Math.max(1, Math.round(total / 10));
    const moves: Record<string, number> = {
      ArrowLeft: seq - 1,
      ArrowDown: seq - 1,
      ArrowRight: seq + 1,
      ArrowUp: seq + 1,
      PageDown: seq - big,
      PageUp: seq + big,
      Home: 1,
      End: total,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    go(next);
  };
  return (
    <div className="replay-slider">
      <div className="replay-slider__row">
        <label htmlFor={id} className="replay-slider__label">
          {t.step}
        </label>
        <input
          id={id}
          type="range"
          min={1}
          max={total}
          step={1}
          value={seq}
          onChange={(event) => go(Number(event.target.value))}
          onKeyDown={onKeyDown}
          aria-valuetext={valueText}
          data-testid="replay-slider"
        />
        <output htmlFor={id} className="replay-slider__value" data-testid="replay-step">
          {t.stepOf(seq, total)}
        </output>
      </div>
      <div className="actions">
        <button type="button" onClick={() => go(seq - 1)} disabled={seq <= 1} data-testid="replay-previous">
          <span aria-hidden="true">← </span>
          {t.previous}
        </button>
        <button type="button" onClick={() => go(seq + 1)} disabled={seq >= total} data-testid="replay-next">
          {t.next}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </div>
  );
}
