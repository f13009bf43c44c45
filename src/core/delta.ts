/** Change against the comparison period, judged by which direction is good. */
import type { Direction } from './metric.js';

export type Movement = 'up' | 'down' | 'flat';
export type Judgement = 'good' | 'bad' | 'neutral';

export interface Delta {
  /** value − previous, in the metric's unit (for a rate: a difference of fractions, i.e. pp / 100). */
  absolute: number;
  /** (value − previous) / |previous|; `null` when previous is 0. */
  relative: number | null;
  movement: Movement;
  judgement: Judgement;
}

export function judge(movement: Movement, direction: Direction): Judgement {
  if (movement === 'flat' || direction === 'neutral') return 'neutral';
  return (movement === 'up') === (direction === 'increase') ? 'good' : 'bad';
}

export function computeDelta(value: number, previous: number, direction: Direction): Delta {
  const absolute = value - previous;
  // Guard floating noise such as 0.1 + 0.2 − 0.3 from reading as a movement.
  const scale = Math.max(Math.abs(value), Math.abs(previous), 1);
  const movement: Movement = Math.abs(absolute) <= scale * 1e-12 ? 'flat' : absolute > 0 ? 'up' : 'down';
  // A tiny `previous` (5e-324) would give an infinite relative change: like 0, it has none.
  const relative = previous === 0 ? null : movement === 'flat' ? 0 : absolute / Math.abs(previous);
  return {
    absolute: movement === 'flat' ? 0 : absolute,
    relative: relative !== null && Number.isFinite(relative) ? relative : null,
    movement,
    judgement: judge(movement, direction),
  };
}

/** Arrows carry the movement without colour: ▲ up, ▼ down, ▬ flat. */
export const ARROWS: Record<Movement, string> = { up: '▲', down: '▼', flat: '▬' };

/** Words for the text alternative: `up`, `down`, `unchanged`. */
export const MOVEMENT_WORDS: Record<Movement, string> = { up: 'up', down: 'down', flat: 'unchanged' };

/** Words for the judgement: `good`, `bad`, `neutral`. */
export const JUDGEMENT_WORDS: Record<Judgement, string> = { good: 'good', bad: 'bad', neutral: 'neutral' };
