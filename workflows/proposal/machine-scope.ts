import { createActor, type AnyActorScope, type AnyStateMachine, type ExecutableActionObject } from 'xstate';
import type { ProposalMachine } from './machine-registry.js';

/**
 * XState's `transition()` builds a fresh inert actor (which computes a whole initial snapshot) on every call:
 * about three quarters of a step's cost, paid again for every event a verification replays. A transition of
 * this machine touches nothing of the actor but the action executor (no invoked or spawned children, no
 * delays), so one inert scope per machine serves every step; the executor is swapped in for each call, and a
 * call runs to completion synchronously, so calls cannot interleave.
 */
const scopes = new WeakMap<ProposalMachine, AnyActorScope>();

function scopeOf(machine: ProposalMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    // Never started; only its identity and system are lent to the transitions.
    const self = createActor(machine as AnyStateMachine);
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/** Runs `work` with the machine's inert scope, collecting the actions it asks for instead of executing them. */
export function withInertScope<T>(machine: ProposalMachine, work: (scope: AnyActorScope) => T): [T, ExecutableActionObject[]] {
  const scope = scopeOf(machine);
  const actions: ExecutableActionObject[] = [];
  scope.actionExecutor = (action) => void actions.push(action);
  try {
    return [work(scope), actions];
  } finally {
    scope.actionExecutor = () => {};
  }
}
