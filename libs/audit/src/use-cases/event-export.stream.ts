import type { AuditLog, EventRange } from '../audit-log.port.js';
import { CSV_BYTE_ORDER_MARK, CSV_HEADER, toCsvRow, toNdjsonLine } from '../event-export.js';

export type ExportFormat = 'ndjson' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'csv'];

/**
 * The log as text, one chunk per page of events, for streaming to a response or a file: memory holds one page
 * whatever the range. NDJSON keeps the hashes and sealed fields for offline re-verification; CSV is for people.
 */
export async function* exportEvents(auditLog: AuditLog, range: EventRange, format: ExportFormat): AsyncIterable<string> {
  if (format === 'csv') yield CSV_BYTE_ORDER_MARK + CSV_HEADER;
  const line = format === 'csv' ? toCsvRow : toNdjsonLine;
  for await (const page of auditLog.events(range)) {
    let chunk = '';
    for (const event of page) chunk += line(event);
    yield chunk;
  }
}
