/**
 * Reads an async sequence of pages one item at a time without an `await` per item: `current()` is synchronous
 * and `load()` is only awaited when a page is used up. A walk over millions of events then costs one promise per
 * page, not per event, and holds one page in memory.
 */
export class PageCursor<T> {
  private readonly pages: AsyncIterator<readonly T[]>;
  private page: readonly T[] = [];
  private index = 0;
  private exhausted = false;

  constructor(pages: AsyncIterable<readonly T[]>) {
    this.pages = pages[Symbol.asyncIterator]();
  }

  /** The item under the cursor, or undefined when this page is used up (then `load()` tells whether more come). */
  current(): T | undefined {
    return this.page[this.index];
  }

  advance(): void {
    this.index++;
  }

  /** The item under the cursor, reading pages (empty ones too) until there is one or the source ends. */
  async load(): Promise<T | undefined> {
    while (this.index >= this.page.length && !this.exhausted) {
      const { value, done } = await this.pages.next();
      if (done) {
        this.exhausted = true;
        this.page = [];
      } else {
        this.page = value;
      }
      this.index = 0;
    }
    return this.page[this.index];
  }

  /** Lets the source release what it holds (a database cursor, a connection) when a walk stops early. */
  async close(): Promise<void> {
    if (!this.exhausted) {
      this.exhausted = true;
      await this.pages.return?.();
    }
  }
}
