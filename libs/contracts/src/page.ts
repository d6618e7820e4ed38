/** One page of a list, newest or in the list's order; `nextCursor` null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list the server sends whole (units, campaigns, documents, checkpoints). */
export interface ItemsBody<T> {
  items: T[];
}
