import { PageCursor } from './page-cursor.js';

async function* pages<T>(...chunks: T[][]): AsyncIterable<T[]> {
  yield* chunks;
}

async function drain<T>(cursor: PageCursor<T>): Promise<T[]> {
  const items: T[] = [];
  for (let item = cursor.current() ?? (await cursor.load()); item !== undefined; item = cursor.current() ?? (await cursor.load())) {
    items.push(item);
    cursor.advance();
  }
  return items;
}

describe('page cursor', () => {
  it('reads items across pages, empty pages included', async () => {
    expect(await drain(new PageCursor(pages([1, 2], [], [3], [4, 5])))).toEqual([1, 2, 3, 4, 5]);
  });

  it('has nothing to give from no pages', async () => {
    const cursor = new PageCursor(pages<number>());
    expect(cursor.current()).toBeUndefined();
    expect(await cursor.load()).toBeUndefined();
    expect(await cursor.load()).toBeUndefined();
  });

  it('only awaits at the end of a page', async () => {
    const cursor = new PageCursor(pages(['a', 'b'], ['c']));
    expect(await cursor.load()).toBe('a');
    cursor.advance();
    expect(cursor.current()).toBe('b');
    cursor.advance();
    expect(cursor.current()).toBeUndefined();
    expect(await cursor.load()).toBe('c');
  });

  it('lets the source clean up when the walk stops early', async () => {
    let released = false;
    async function* source() {
      try {
        yield [1];
        yield [2];
      } finally {
        released = true;
      }
    }
    const cursor = new PageCursor(source());
    await cursor.load();
    await cursor.close();
    expect(released).toBe(true);
  });
});
