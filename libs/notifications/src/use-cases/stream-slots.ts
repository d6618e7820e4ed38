/**
 * How many live notice streams each person holds open, so that one token cannot pin down a process with
 * hundreds of connections (each holds a socket and a Redis listener for as long as it lasts). The count is
 * this process's alone: behind a balancer each API process counts its own (docs/operations.md).
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perPerson: number) {}

  /**
   * Takes a slot for this person, or returns null when they hold all of theirs. The release it returns may be
   * called any number of times (a stream can end by disconnect, by shutdown and by token expiry at once): it
   * gives the slot back once.
   */
  acquire(personId: string): (() => void) | null {
    const held = this.open.get(personId) ?? 0;
    if (held >= this.perPerson) return null;
    this.open.set(personId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(personId) ?? 1) - 1;
      // An empty entry per person who ever connected would grow without end.
      if (left <= 0) this.open.delete(personId);
      else this.open.set(personId, left);
    };
  }

  held(personId: string): number {
    return this.open.get(personId) ?? 0;
  }

  get limit(): number {
    return this.perPerson;
  }
}
