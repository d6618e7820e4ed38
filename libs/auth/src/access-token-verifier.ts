import { verifyAccessToken, type VerifiedToken } from './access-token.js';

/** A bearer token longer than this is checked every time and never kept: no real token comes near it. */
export const MAX_REMEMBERED_TOKEN_LENGTH = 4096;

interface Remembered {
  verified: VerifiedToken;
  expiresAtSeconds: number;
}

/**
 * {@link verifyAccessToken} for one secret, remembering the tokens it accepted: a client sends the same token
 * with every request, and checking its HMAC, decoding its JSON and reading its claims again each time was
 * about 8 % of an API request's CPU. A token is remembered only once the full check has accepted it, keyed by
 * its exact text (any change to a byte is another key, so a tampered token always gets the full check), and
 * only until its `exp`: from then on it is checked again, and refused as expired, exactly as without the cache.
 * There is no revocation to honour besides that: a token is good until it expires, and the one way to end
 * every token at once, changing JWT_SECRET, restarts the processes that hold this (docs/operations.md, Keys).
 * A refused token is never remembered, so every refusal keeps its own message.
 */
export class AccessTokenVerifier {
  private readonly remembered = new Map<string, Remembered>();

  /** `capacity`: how many tokens are remembered; past it, the one used longest ago is forgotten. */
  constructor(
    private readonly secret: string,
    private readonly capacity = 10_000,
  ) {}

  verify(token: string): VerifiedToken {
    const known = this.remembered.get(token);
    if (known) {
      // The token library's own test, on the same clock: expired once the whole seconds of now reach exp.
      if (Math.floor(Date.now() / 1000) < known.expiresAtSeconds) {
        // Map order is insertion order: moving the token to the end makes the first entry the least recently used.
        this.remembered.delete(token);
        this.remembered.set(token, known);
        return known.verified;
      }
      this.remembered.delete(token);
    }
    const checked = verifyAccessToken(token, this.secret);
    // One object serves every request with this token: frozen, so that no caller can change it for the next.
    Object.freeze(checked.roles);
    const verified = Object.freeze(checked);
    const expiresAtSeconds = verified.expiresAtMs / 1000;
    // A fractional exp (no issuer writes one) is checked every time rather than compared in rounded form.
    if (token.length <= MAX_REMEMBERED_TOKEN_LENGTH && this.capacity > 0 && Number.isInteger(expiresAtSeconds)) {
      if (this.remembered.size >= this.capacity) this.remembered.delete(this.remembered.keys().next().value!);
      this.remembered.set(token, { verified, expiresAtSeconds });
    }
    return verified;
  }

  /** How many tokens are remembered now (for tests and diagnostics). */
  get size(): number {
    return this.remembered.size;
  }
}
