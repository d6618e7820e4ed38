import {
  EMPTY_MERKLE_ROOT,
  merkleLeafHash,
  merkleNodeHash,
  merkleRootOf,
  MerkleRootBuilder,
  type CheckpointHead,
} from './merkle.js';

const head = (index: number): CheckpointHead => ({
  proposalId: `p-${String(index).padStart(3, '0')}`,
  seq: (index % 7) + 1,
  hash: index.toString(16).padStart(64, '0'),
});

/** The definition, level by level, holding every level: the oracle for the streaming builder. */
function levelByLevelRoot(leaves: string[]): string {
  if (leaves.length === 0) return EMPTY_MERKLE_ROOT;
  let level = leaves;
  while (level.length > 1) {
    const next: string[] = [];
    for (let index = 0; index < level.length; index += 2) {
      next.push(index + 1 < level.length ? merkleNodeHash(level[index], level[index + 1]) : level[index]);
    }
    level = next;
  }
  return level[0];
}

describe('Merkle tree over proposal heads', () => {
  it('has fixed vectors, so that checkpoints signed years ago still verify', () => {
    expect(EMPTY_MERKLE_ROOT).toBe('2e1cfa82b035c26cbbbdae632cea070514eb8b773f616aaeaf668e2f0be8f10d');
    const heads = [
      { proposalId: 'p-1', seq: 7, hash: 'a'.repeat(64) },
      { proposalId: 'p-2', seq: 3, hash: 'b'.repeat(64) },
      { proposalId: 'p-3', seq: 1, hash: 'c'.repeat(64) },
    ];
    expect(merkleLeafHash(heads[0])).toBe('0d2650274f7219c47af9a1256a8e80a81fa8cf8a7b5f527972ce05071cc8a89a');
    // Three leaves: the odd third is promoted unchanged, then paired with the node over the first two.
    expect(merkleRootOf(heads)).toBe('ae4ab1f641b62ae82185419b0b125537cfa06990e822cd9ed4c5ba8c37c5e8ac');
  });

  it('streams to the same root as the level-by-level definition, for every size from 0 to 70', () => {
    for (let size = 0; size <= 70; size++) {
      const heads = Array.from({ length: size }, (_, index) => head(index));
      expect([size, merkleRootOf(heads)]).toEqual([size, levelByLevelRoot(heads.map(merkleLeafHash))]);
    }
  });

  it('is the leaf itself for one proposal, and counts its leaves', () => {
    const builder = new MerkleRootBuilder();
    builder.add(merkleLeafHash(head(1)));
    expect(builder.root()).toBe(merkleLeafHash(head(1)));
    expect(builder.size).toBe(1);
  });

  it('changes with any head, its seq, or the order of the leaves', () => {
    const heads = Array.from({ length: 9 }, (_, index) => head(index));
    const root = merkleRootOf(heads);
    expect(merkleRootOf(heads.map((h, i) => (i === 4 ? { ...h, hash: 'f'.repeat(64) } : h)))).not.toBe(root);
    expect(merkleRootOf(heads.map((h, i) => (i === 8 ? { ...h, seq: h.seq + 1 } : h)))).not.toBe(root);
    expect(merkleRootOf([heads[1], heads[0], ...heads.slice(2)])).not.toBe(root);
    expect(merkleRootOf(heads.slice(0, 8))).not.toBe(root);
  });

  it('cannot pass a leaf off as an inner node', () => {
    const [a, b] = [merkleLeafHash(head(1)), merkleLeafHash(head(2))];
    expect(merkleNodeHash(a, b)).not.toBe(merkleLeafHash({ proposalId: a, seq: 0, hash: b }));
  });
});
