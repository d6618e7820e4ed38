import { canonicalJson } from './canonical-json.js';
import { eventHash, GENESIS_HASH, type ChainedEventBody } from './event-hash.js';

const body: ChainedEventBody = {
  proposalId: 'p-1',
  seq: 2,
  type: 'SUBMIT',
  actor: { id: 'u1', roles: ['drafter'], unitId: 'a' },
  at: '2026-03-02T03:00:00.000Z',
  payload: { reason: 'Đủ hồ sơ' },
  machineVersion: 1,
  state: 'unitDecision',
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":1}]},"b":1}');
  });

  it('does not depend on the order keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('event hash', () => {
  it('is a SHA-256 hex digest that chains on the previous hash', () => {
    const first = eventHash(GENESIS_HASH, body);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(first, body)).not.toBe(first);
  });

  it('changes when any sealed field changes', () => {
    const base = eventHash(GENESIS_HASH, body);
    expect(eventHash(GENESIS_HASH, { ...body, payload: { reason: 'Đủ hồ sơ.' } })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...body, seq: 3 })).not.toBe(base);
    expect(eventHash(GENESIS_HASH, { ...body, actor: { id: 'u2', roles: ['drafter'], unitId: 'a' } })).not.toBe(base);
  });

  it('is stable across releases: a fixed vector, so that logs written years ago still verify', () => {
    expect(eventHash(GENESIS_HASH, body)).toBe('a1952f104ea87e161eb1baaa333c02d4f29258230486a49cbc9158e5c01b0c52');
  });
});
