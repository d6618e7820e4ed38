import { ApiProperty } from '@nestjs/swagger';
import type { MachineGraph, MachineGraphTransition, MachineVersionsBody } from '#contracts';
import type { Role } from '#kernel';
import { PROPOSAL_STATES, type ProposalEventType, type ProposalState } from '#workflows/proposal';
import type { Holds, SameFields } from '../contract-check.js';
import { EVENT_TYPES, ROLES } from '../enums.js';

export class MachineVersionsResponse implements MachineVersionsBody {
  @ApiProperty({ type: 'integer', description: 'The version new proposals start on' })
  current!: number;

  @ApiProperty({ type: 'integer', isArray: true, description: 'Every version still replayed' })
  versions!: number[];
}

type MachineStage = MachineGraph['states'][number];

export class MachineStageResponse implements MachineStage {
  @ApiProperty({ enum: PROPOSAL_STATES })
  id!: ProposalState;

  @ApiProperty()
  final!: boolean;
}

export class MachineTransitionResponse implements MachineGraphTransition {
  @ApiProperty({ enum: PROPOSAL_STATES })
  from!: ProposalState;

  @ApiProperty({ enum: PROPOSAL_STATES, description: 'Equal to `from` for the timers, which change no stage' })
  to!: ProposalState;

  @ApiProperty({ enum: EVENT_TYPES })
  event!: ProposalEventType;

  @ApiProperty({ enum: ROLES, isArray: true, description: "Who the machine's guards let send it" })
  roles!: Role[];
}

/** A machine version as a graph: what the console draws. */
export class MachineGraphResponse implements MachineGraph {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ enum: PROPOSAL_STATES })
  initial!: ProposalState;

  @ApiProperty({ type: [MachineStageResponse] })
  states!: MachineStageResponse[];

  @ApiProperty({ type: [MachineTransitionResponse] })
  transitions!: MachineTransitionResponse[];
}

export type MachinesMirror = [
  Holds<SameFields<MachineVersionsResponse, MachineVersionsBody>>,
  Holds<SameFields<MachineStageResponse, MachineStage>>,
  Holds<SameFields<MachineTransitionResponse, MachineGraphTransition>>,
  Holds<SameFields<MachineGraphResponse, MachineGraph>>,
];
