import { AsyncMutex } from './async-mutex.js';

describe('AsyncMutex', () => {
  it('never lets two pieces of work overlap, and keeps their order', async () => {
    const mutex = new AsyncMutex();
    const trace: string[] = [];
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        mutex.run(async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          trace.push(`start ${i}`);
          await new Promise((resolve) => setTimeout(resolve, 5 - i));
          trace.push(`end ${i}`);
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(trace).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`start ${i}`, `end ${i}`]));
  });

  it('releases the lock when the work fails', async () => {
    const mutex = new AsyncMutex();
    await expect(mutex.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run(async () => 'next')).resolves.toBe('next');
  });
});
