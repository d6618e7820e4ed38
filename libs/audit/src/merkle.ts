import { createHash } from 'node:crypto';

/** One leaf: a proposal's last event before the checkpoint's instant, whose hash chains all its earlier events. */
export interface CheckpointHead {
  proposalId: string;
  seq: number;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The root of a tree with no leaves: distinct from every leaf and node hash by its prefix. */
export const EMPTY_MERKLE_ROOT = sha256('empty');

// The "leaf" and "node" prefixes keep a leaf from ever being passed off as an inner node, or the reverse.
export function merkleLeafHash(head: CheckpointHead): string {
  return sha256(`leaf\n${head.proposalId}\n${head.seq}\n${head.hash}`);
}

export function merkleNodeHash(left: string, right: string): string {
  return sha256(`node\n${left}${right}`);
}

/**
 * Builds the root leaf by leaf, holding one subtree root per level (O(log n)), for the tree that pairs nodes
 * level by level and promotes an odd last node unchanged. Two subtrees of the same height merge at once; what is
 * left at the end, of strictly falling heights, folds from the right, which is exactly where promoted nodes
 * meet their partners in the level-by-level tree.
 */
export class MerkleRootBuilder {
  private readonly heights: number[] = [];
  private readonly roots: string[] = [];
  private leaves = 0;

  get size(): number {
    return this.leaves;
  }

  add(leafHash: string): void {
    let hash = leafHash;
    let height = 0;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      this.heights.pop();
      hash = merkleNodeHash(this.roots.pop()!, hash);
      height++;
    }
    this.heights.push(height);
    this.roots.push(hash);
    this.leaves++;
  }

  root(): string {
    if (this.roots.length === 0) return EMPTY_MERKLE_ROOT;
    let hash = this.roots[this.roots.length - 1];
    for (let index = this.roots.length - 2; index >= 0; index--) hash = merkleNodeHash(this.roots[index], hash);
    return hash;
  }
}

/** The root over heads given in proposal id order. */
export function merkleRootOf(heads: Iterable<CheckpointHead>): string {
  const builder = new MerkleRootBuilder();
  for (const head of heads) builder.add(merkleLeafHash(head));
  return builder.root();
}
