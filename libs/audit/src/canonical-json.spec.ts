import { canonicalJson, sameCanonicalJson } from './canonical-json.js';

/** The encoding as first written, plainly: the fast one must produce the same bytes for every value. */
function definition(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => definition(item === undefined ? null : item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${definition(record[key])}`);
  return `{${entries.join(',')}}`;
}

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function valuesFrom(seed: number, count: number): unknown[] {
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const leaves = [1.5, -0, 0, -3e21, 1e-7, 'a"b', 'tab\there', 'Tiếng Việt', '\u2028', '\ud800', '😀', '', null, true, false, undefined];
  const keys = ['a', 'B', 'ä', '1', '10', '9', 'x_y', '', '\u0001', 'é', 'e\u0301', '😀', '\uffff'];
  const make = (depth: number): unknown => {
    const pick = next();
    if (depth > 4 || pick < 0.35) return leaves[Math.floor(next() * leaves.length)];
    if (pick < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => make(depth + 1));
    const record: Record<string, unknown> = {};
    for (let i = 0; i < next() * 6; i++) record[keys[Math.floor(next() * keys.length)]] = make(depth + 1);
    return record;
  };
  return Array.from({ length: count }, () => make(0));
}

describe('canonical JSON encoding', () => {
  it.each([
    ['numbers JSON cannot hold', [NaN, Infinity, -Infinity, -0]],
    ['undefined, functions and symbols', [undefined, () => 1, Symbol('s')]],
    ['the same inside an array', [[undefined, () => 1, Symbol('s'), null]]],
    ['and as members, where only undefined is dropped', [{ u: undefined, f: () => 1, s: Symbol('s') }]],
    ['strings that need escaping', ['"', '\\', '\u0000\u001f', '\ud83d', '\ude00x', '😀', '\u2028\u2029', '\u007f']],
    ['keys that need escaping and sort by code unit', [{ '"': 1, '\\': 2, Z: 3, a: 4, 'ä': 5, '😀': 6, '\uffff': 7, '10': 8, '9': 9 }]],
    ['objects that are not plain', [new Date(0), { at: new Date(0) }, Object.create(null), JSON.parse('{"__proto__":1}')]],
  ])('encodes %s exactly as the definition does', (_, values) => {
    for (const value of values) expect(canonicalJson(value)).toBe(definition(value));
  });

  it('encodes thousands of generated values exactly as the definition does', () => {
    for (const value of valuesFrom(42, 5_000)) expect(canonicalJson(value)).toBe(definition(value));
  });

  it('refuses a bigint, as JSON does', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  describe('comparing two values', () => {
    /** The other values a stored snapshot could be set against: copies, other key orders, JSON's reading of it, edits. */
    function counterparts(value: unknown, seed: number): unknown[] {
      const reversed = (item: unknown): unknown =>
        Array.isArray(item)
          ? item.map(reversed)
          : item !== null && typeof item === 'object'
            ? Object.fromEntries(Object.entries(item).reverse().map(([key, member]) => [key, reversed(member)]))
            : item;
      const json = JSON.stringify(value);
      return [value, reversed(value), json === undefined ? undefined : JSON.parse(json), ...valuesFrom(seed, 2), { wrapped: value }, [value]];
    }

    it('says two values are the same exactly when their encodings are', () => {
      let same = 0;
      for (const [index, value] of valuesFrom(7, 1_500).entries()) {
        for (const other of counterparts(value, index + 1)) {
          const expected = definition(value) === definition(other);
          expect(sameCanonicalJson(value, other)).toBe(expected);
          expect(sameCanonicalJson(other, value)).toBe(expected);
          if (expected) same++;
        }
      }
      // Both answers were asked for, often.
      expect(same).toBeGreaterThan(1_500);
    });

    it('tells NaN from nothing only as the encoding does, and refuses a bigint as it does', () => {
      expect(sameCanonicalJson({ a: NaN }, { a: null })).toBe(true);
      expect(sameCanonicalJson({ a: undefined, b: 1 }, { b: 1 })).toBe(true);
      expect(sameCanonicalJson([undefined], [null])).toBe(true);
      expect(sameCanonicalJson({ a: -0 }, { a: 0 })).toBe(true);
      expect(sameCanonicalJson({ a: 1 }, { a: '1' })).toBe(false);
      expect(sameCanonicalJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
      expect(() => sameCanonicalJson({ n: 1n }, { n: 1n })).toThrow(TypeError);
    });
  });
});
