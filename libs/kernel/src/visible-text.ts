/**
 * What does not show on a printed page: spaces of every kind, format characters (zero-width space and
 * joiners, the byte-order mark), combining marks with nothing to sit on, and the "filler" letters that render
 * blank (Hangul fillers, the blank Braille pattern). A name made only of these prints as nothing.
 */
const INVISIBLE = /[\p{Z}\p{Cf}\p{Mn}\p{Me}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Text that a reader would see: not empty once the invisible characters are taken out. */
export const hasVisibleText = (value: unknown): value is string => typeof value === 'string' && value.replace(INVISIBLE, '').length > 0;

/** One line: names, numbers and titles print on one line of a decision. */
export const isSingleLine = (value: unknown): boolean => typeof value === 'string' && !/[\n\r\t\u2028\u2029]/u.test(value);
