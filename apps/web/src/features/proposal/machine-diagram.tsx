import type { ProposalState } from '#workflows/proposal';
import type { MachineGraph } from '../../api/api-types.js';

/** Placeholder: the machine drawn from its definition, `current` highlighted. */
export function MachineDiagram(_props: { graph: MachineGraph; current: ProposalState | null; lang?: 'vi' | 'en' }) {
  return null;
}
