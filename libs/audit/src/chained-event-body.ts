/** The fields of a logged event that its hash seals: everything but the hashes themselves. */
export interface ChainedEventBody {
  proposalId: string;
  seq: number;
  type: string;
  actor: unknown;
  at: string;
  payload: unknown;
  machineVersion: number;
  state: string;
}
