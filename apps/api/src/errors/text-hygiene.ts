import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { validationFailed, type FieldProblem } from './validation.js';

/**
 * Every string of every body, query and path parameter, keys included, before any DTO sees it: text that JSON can carry but
 * no official wrote (a NUL byte, a control character, half of a surrogate pair, a direction override that
 * makes a name read backwards) is refused with the path where it sits, and what remains is put in Unicode NFC,
 * so "Nguyễn" typed on two keyboards is one name in the log, in search and in the printed decision.
 * Tab, line feed and carriage return stay allowed: summaries and reasons have lines.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/u;

/** Half of a surrogate pair: matched without the `u` flag, which would read the string by code points. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemWith(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'holds half of a surrogate pair (text that is not Unicode)';
  const found = FORBIDDEN.exec(text);
  if (found) return `holds the control character U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return null;
}

const MAX_DEPTH = 64;

function clean(value: unknown, path: string, problems: FieldProblem[], depth = 0): unknown {
  if (typeof value === 'string') {
    const problem = problemWith(value);
    if (problem) problems.push({ field: path || 'body', message: `${path || 'body'} ${problem}` });
    return problem ? value : value.normalize('NFC');
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item, index) => clean(item, `${path}[${index}]`, problems, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const keyProblem = problemWith(key);
    if (keyProblem) problems.push({ field: at, message: `the name of ${at} ${keyProblem}` });
    result[keyProblem ? key : key.normalize('NFC')] = clean(item, at, problems, depth + 1);
  }
  return result;
}

export class TextHygienePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const problems: FieldProblem[] = [];
    // A path id with a NUL byte would otherwise reach SQL, where PostgreSQL refuses it as an error of its own.
    const cleaned = clean(value, metadata.data ?? '', problems);
    if (problems.length > 0) throw validationFailed(problems);
    return cleaned;
  }
}
