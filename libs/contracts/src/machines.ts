export type { MachineGraph, MachineGraphTransition } from '#workflows/proposal';

/** GET /api/machines: every machine version still replayed, and the one new proposals start on. */
export interface MachineVersionsBody {
  current: number;
  versions: readonly number[];
}
