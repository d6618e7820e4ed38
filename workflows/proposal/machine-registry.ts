import { proposalMachineV1 } from './proposal-v1.machine.js';
import { proposalMachineV2 } from './proposal-v2.machine.js';

/** Any registered version: they share the context, the events and the input, and differ in their stages. */
export type ProposalMachine = typeof proposalMachineV1 | typeof proposalMachineV2;

/**
 * Every machine version ever used to write events, so that old proposals replay under the rules they were
 * written under. A new version is added here; an old one is never edited.
 */
const MACHINES: ReadonlyMap<number, ProposalMachine> = new Map<number, ProposalMachine>([
  [1, proposalMachineV1],
  [2, proposalMachineV2],
]);

/** What new proposals start on; proposals already open stay on theirs until an administrator migrates them. */
export const CURRENT_MACHINE_VERSION = 2;

export const MACHINE_VERSIONS: readonly number[] = [...MACHINES.keys()].sort((a, b) => a - b);

export function machineFor(version: number): ProposalMachine {
  const machine = MACHINES.get(version);
  if (!machine) throw new Error(`No proposal machine version ${version} is registered`);
  return machine;
}
