import { proposalMachineV1, type ProposalMachine } from './proposal-v1.machine.js';

/**
 * Every machine version ever used to write events, so that old proposals replay under the rules they were
 * written under. A new version is added here; an old one is never edited.
 */
const MACHINES: ReadonlyMap<number, ProposalMachine> = new Map([[1, proposalMachineV1]]);

export const CURRENT_MACHINE_VERSION = 1;

export function machineFor(version: number): ProposalMachine {
  const machine = MACHINES.get(version);
  if (!machine) throw new Error(`No proposal machine version ${version} is registered`);
  return machine;
}
