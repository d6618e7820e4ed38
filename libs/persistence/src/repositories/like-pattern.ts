/**
 * A LIKE pattern that finds `text` anywhere, the caller's text taken literally: %, _ and the escape itself are
 * escaped with a backslash, so the query must say `LIKE ? ESCAPE '\\'`.
 */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
