import { createActor, type Actor as MachineActor } from 'xstate';
import { machineFor, type ProposalMachine } from './machine-registry.js';
import { restore, step, type ProposalSnapshot } from './proposal-transitions.js';
import type { ProposalEvent, ProposalInput, StoredSnapshot } from './proposal.types.js';

/**
 * One proposal's machine kept alive across the events of its log, for replaying long logs: `step` (XState's
 * pure `transition`) builds and throws away an inert actor for every event, which costs several times the
 * step itself; here a proposal started from its input gets one actor, and each event is sent to it.
 *
 * A live actor computes the same snapshots as `transition`: both run XState's macrostep, and the machines'
 * actions are all `assign`s, applied inside the step, so the actor has nothing else to execute. What the
 * machine throws (a guard or an action failing) is thrown from `send`, as `step` throws it.
 *
 * A proposal resumed from a stored snapshot (after a machine version change) is stepped with `step` instead:
 * an actor restored from a snapshot revives any actor reference it finds in the context, and a context comes
 * from untrusted payloads, so it could replay differently from what the command path computed.
 */
export class ProposalReplayer {
  private constructor(
    readonly machineVersion: number,
    private current: ProposalSnapshot,
    private readonly actor: MachineActor<ProposalMachine> | null,
  ) {}

  /** The proposal as CREATED leaves it, on a live actor. */
  static start(machineVersion: number, input: ProposalInput): ProposalReplayer {
    const machine = machineFor(machineVersion);
    const actor = createActor(machine as ProposalMachine, { input }) as MachineActor<ProposalMachine>;
    // Without an error observer, XState rethrows a failed step's error later, outside the caller's try.
    actor.subscribe({ error: () => undefined });
    actor.start();
    return new ProposalReplayer(machineVersion, checked(actor.getSnapshot()), actor);
  }

  /** The proposal from a stored snapshot, stepped without an actor (see above). */
  static resume(machineVersion: number, stored: StoredSnapshot): ProposalReplayer {
    return new ProposalReplayer(machineVersion, restore(machineVersion, stored), null);
  }

  get snapshot(): ProposalSnapshot {
    return this.current;
  }

  /**
   * Applies one event: true when the machine took it, false when it refused it (no transition enabled, or the
   * proposal is final). Throws what the machine throws.
   */
  send(event: ProposalEvent): boolean {
    const before = this.current;
    if (this.actor) {
      this.actor.send(event);
      this.current = checked(this.actor.getSnapshot());
    } else {
      this.current = step(this.machineVersion, before, event).next;
    }
    // XState keeps the very same snapshot when no transition is enabled, and a final actor ignores events.
    return this.current !== before;
  }
}

function checked(snapshot: ProposalSnapshot): ProposalSnapshot {
  if (snapshot.status === 'error') throw snapshot.error;
  return snapshot;
}
