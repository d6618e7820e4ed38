import type { AuditedEvent } from './audit-log.port.js';
import { eventHash } from './event-hash.js';
import { CSV_HEADER, toCsvRow, toNdjsonLine } from './event-export.js';
import { sealProposalLog } from './test-support/sealed-proposal-log.js';

const log = sealProposalLog('p-1');
const forward = log.events[3];

/** A strict RFC 4180 reader: the oracle that the rows written are well-formed. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return records;
}

describe('event export', () => {
  describe('NDJSON', () => {
    it('writes one JSON object per line with every field, hashes included, and the actor as an object', () => {
      const line = toNdjsonLine(forward);
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      expect(JSON.parse(line)).toEqual(forward);
      expect(JSON.parse(line).actor).toEqual({ id: 'unit_head-1', name: 'Người unit_head', roles: ['unit_head'], unitId: 'unit-a' });
    });

    it('can be re-verified line by line from the file alone', () => {
      const parsed = log.events.map((event) => JSON.parse(toNdjsonLine(event)) as AuditedEvent);
      for (const event of parsed) expect(eventHash(event.prevHash, event)).toBe(event.hash);
    });

    it('writes the same bytes whatever order the database returned keys in', () => {
      const shuffled = { ...forward, payload: Object.fromEntries(Object.entries(forward.payload as object).reverse()) };
      expect(toNdjsonLine(shuffled)).toBe(toNdjsonLine(forward));
      expect(toNdjsonLine(forward).startsWith('{"proposalId":"p-1","seq":4,"type":"FORWARD"')).toBe(true);
    });
  });

  describe('CSV', () => {
    const columns = parseCsv(CSV_HEADER)[0];

    it('has a header of named columns, actor split into id, roles and unit', () => {
      expect(columns).toEqual([
        'proposalId',
        'seq',
        'type',
        'actorId',
        'actorRoles',
        'actorUnitId',
        'at',
        'payload',
        'machineVersion',
        'state',
        'prevHash',
        'hash',
      ]);
    });

    it('writes one record per event, the payload as canonical JSON in one quoted cell', () => {
      const [record] = parseCsv(toCsvRow(forward));
      const row = Object.fromEntries(columns.map((column, i) => [column, record[i]]));
      expect(record).toHaveLength(columns.length);
      expect(row).toMatchObject({
        proposalId: 'p-1',
        seq: '4',
        type: 'FORWARD',
        actorId: 'unit_head-1',
        actorRoles: 'unit_head',
        actorUnitId: 'unit-a',
        machineVersion: '1',
        state: 'councilScreening',
        prevHash: forward.prevHash,
        hash: forward.hash,
      });
      expect(JSON.parse(row.payload)).toEqual(forward.payload);
      expect(toCsvRow(forward)).toContain('"{""deadline"":{""dueAt""');
    });

    it('quotes commas, quotes and line breaks, so a record stays one record', () => {
      const awkward = { ...forward, payload: { reason: 'Thiếu "biên bản",\r\nxem lại' }, actor: { id: 'a,b', roles: ['council', 'chairman'], unitId: null } };
      const records = parseCsv(CSV_HEADER + toCsvRow(awkward) + toCsvRow(forward));
      expect(records).toHaveLength(3);
      expect(records[1][3]).toBe('a,b');
      expect(records[1][4]).toBe('council;chairman');
      expect(records[1][5]).toBe('');
      expect(JSON.parse(records[1][7])).toEqual({ reason: 'Thiếu "biên bản",\r\nxem lại' });
    });

    it.each(['=HYPERLINK("http://x")', '+84 912', '-1+2', '@SUM(A1)', '\t=1'])(
      'keeps a spreadsheet from running %j as a formula',
      (text) => {
        const [record] = parseCsv(toCsvRow({ ...forward, actor: { id: text, roles: [text], unitId: text }, type: text }));
        for (const cell of [record[2], record[3], record[4], record[5]]) expect(cell).toBe(`'${text}`);
      },
    );

    it('writes an actor that is not an object as empty actor cells', () => {
      const [record] = parseCsv(toCsvRow({ ...forward, actor: 'system' }));
      expect(record.slice(3, 6)).toEqual(['', '', '']);
    });
  });
});
