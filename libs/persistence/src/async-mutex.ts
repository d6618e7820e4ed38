/**
 * A FIFO lock for one process. better-sqlite3 gives TypeORM a single connection, so two `transaction()`
 * calls in flight at once would interleave their statements inside one SQLite transaction; every write
 * transaction takes this lock first.
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
