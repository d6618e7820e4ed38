import type { IncomingMessage } from 'node:http';

/** Deeper than any body of this API (a campaign's guidance is four levels), far below what overflows a stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses a JSON body nested deeper than {@link MAX_JSON_DEPTH} before it is parsed: 5,000 levels of `[` parse
 * fine but overflow the stack of the validation that walks them afterwards, as a 500. One pass over the raw
 * bytes, skipping strings, so the cost is the body's length. Used as the JSON body parser's `verify` hook.
 */
export function refuseDeepJson(_request: IncomingMessage, _response: unknown, raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw Object.assign(new Error(`The body is nested more than ${MAX_JSON_DEPTH} levels deep`), {
          status: 400,
          type: 'entity.too.deep',
        });
      }
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
}
