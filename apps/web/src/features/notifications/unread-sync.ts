/**
 * The bell lives in the header and the notifications page below it; neither owns the other. When the page
 * marks a notice read it says so here, and the bell asks the server for the count again instead of guessing.
 */
const EVENT = 'kt:notices-read';

export function announceNoticesRead(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onNoticesRead(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
