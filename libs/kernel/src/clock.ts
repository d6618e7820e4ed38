/** Time comes in through this port (an abstract class, so it can be a DI token) so that any instant can be tested. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Runs at real speed from a chosen instant: a test can put the application in the world its fixed dates were
 * written for (a ceremony still ahead, an achievement just past) while events keep their order in time.
 */
export class ShiftedClock extends Clock {
  private offsetMs = 0;
  constructor(startAt: Date | string) {
    super();
    this.set(startAt);
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Jumps to another instant, running on from there. */
  set(at: Date | string): void {
    this.offsetMs = new Date(at).getTime() - Date.now();
  }
}
