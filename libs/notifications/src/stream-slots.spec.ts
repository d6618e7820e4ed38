import { StreamSlots } from './use-cases/stream-slots.js';

describe('StreamSlots', () => {
  it('gives each person up to the limit, and no more', () => {
    const slots = new StreamSlots(2);
    expect(slots.acquire('a')).not.toBeNull();
    expect(slots.acquire('a')).not.toBeNull();
    expect(slots.acquire('a')).toBeNull();
    expect(slots.acquire('b')).not.toBeNull();
    expect(slots.held('a')).toBe(2);
  });

  it('takes a slot back once, however often a stream says it ended', () => {
    const slots = new StreamSlots(2);
    const first = slots.acquire('a')!;
    slots.acquire('a');
    first();
    first();
    expect(slots.held('a')).toBe(1);
    expect(slots.acquire('a')).not.toBeNull();
    expect(slots.acquire('a')).toBeNull();
  });

  it('forgets a person who holds nothing', () => {
    const slots = new StreamSlots(1);
    slots.acquire('a')!();
    expect(slots.held('a')).toBe(0);
    expect((slots as unknown as { open: Map<string, number> }).open.size).toBe(0);
  });
});
