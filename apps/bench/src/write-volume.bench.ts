import 'reflect-metadata';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApplyProposalEventUseCase, CampaignUseCases, CreateProposalUseCase, UnitUseCases } from '#proposals';
import { ApiModule } from '../../api/src/api.module.js';
import { actorsOf, BENCH_CAMPAIGN, draftFor, PIPELINE_EVENTS } from './fixtures.js';
import { bench, fmt, log, say, size, table } from './harness.js';
import { runLoad } from './measure.js';
import { scratch } from './scratch.js';

/**
 * `npm run bench:write-volume`: where the SQLite writes of a transition go. N proposals are walked from creation
 * to awarded through the use cases as ApiModule wires them (as the pipeline bench's sqlite phase does), with the
 * WAL checkpointed before the walk and automatic checkpoints off during it, so that the WAL then holds every
 * page the walk wrote. Each WAL frame is classified by the table or index its page belongs to now (the dbstat
 * virtual table), and printed per transition; then the size of a proposals row, column by column, and whether
 * rows spill into overflow pages. Prints figures, asserts nothing. Sizes: BENCH_PROPOSALS, BENCH_CONCURRENCY.
 */

const proposals = size('BENCH_PROPOSALS', 500, 100);
const concurrency = size('BENCH_CONCURRENCY', 32);
const STEPS = 1 + PIPELINE_EVENTS.length;

/** Page number of every frame in the WAL file (frame header: page number, big-endian, first 4 bytes). */
function walFramePages(file: string): { pageSize: number; pages: number[] } {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    const pageSize = header.readUInt32BE(8);
    const salt = [header.readUInt32BE(16), header.readUInt32BE(20)];
    const total = statSync(file).size;
    const frameHeader = Buffer.alloc(24);
    const pages: number[] = [];
    for (let offset = 32; offset + 24 + pageSize <= total; offset += 24 + pageSize) {
      readSync(fd, frameHeader, 0, 24, offset);
      // A frame of an older WAL generation (salts differ) is not part of this walk.
      if (frameHeader.readUInt32BE(8) !== salt[0] || frameHeader.readUInt32BE(12) !== salt[1]) break;
      pages.push(frameHeader.readUInt32BE(0));
    }
    return { pageSize, pages };
  } finally {
    closeSync(fd);
  }
}

type Row = Record<string, number | string | null>;

bench('write volume per table (SQLite)', `${proposals} proposals, ${concurrency} in flight, ${STEPS} transitions each`, async () => {
  const world = await scratch('write-volume');
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(world.config), { logger: false, abortOnError: false });
  try {
    const dataSource = app.get(DataSource);
    const query = (sql: string) => dataSource.query(sql) as Promise<Row[]>;
    const unit = await app.get(UnitUseCases).create({ code: 'BENCH', name: 'Đơn vị đo hiệu năng' });
    const campaign = await app.get(CampaignUseCases).create(BENCH_CAMPAIGN);
    const [create, apply] = [app.get(CreateProposalUseCase), app.get(ApplyProposalEventUseCase)];
    const actors = actorsOf(unit.id);
    const item = async (index: number) => {
      const { body } = await create.execute(actors.drafter, draftFor(unit.id, campaign.id, index));
      for (const { by, request } of PIPELINE_EVENTS) await apply.execute(body.id, actors[by], request);
    };
    // A warm-up walk (not counted) so that the tables are not empty, then a clean WAL.
    await runLoad({ label: 'warm-up', count: Math.min(64, proposals), concurrency, item: (index) => item(1_000_000 + index), quiet: true });
    const [{ file }] = await query("SELECT file FROM pragma_database_list WHERE name = 'main'");
    await query('PRAGMA wal_autocheckpoint = 0');
    await query('PRAGMA wal_checkpoint(TRUNCATE)');
    log(`walking ${proposals} proposals, ${concurrency} in flight, no checkpoint`);
    const result = await runLoad({ label: 'walk', count: proposals, concurrency, item: (index) => item(index) });
    const transitions = result.completed * STEPS;
    const { pageSize, pages } = walFramePages(`${String(file)}-wal`);

    const owner = new Map<number, string>();
    for (const { name, pageno } of await query('SELECT name, pageno FROM dbstat')) owner.set(Number(pageno), String(name));
    const [{ page_count: pageCount }] = await query('PRAGMA page_count');
    const frames = new Map<string, { frames: number; distinct: Set<number> }>();
    for (const page of pages) {
      const name = owner.get(page) ?? (page > Number(pageCount) ? '(beyond the file: freed)' : '(freelist)');
      const entry = frames.get(name) ?? { frames: 0, distinct: new Set<number>() };
      entry.frames += 1;
      entry.distinct.add(page);
      frames.set(name, entry);
    }
    const sorted = [...frames.entries()].sort((a, b) => b[1].frames - a[1].frames);
    const perT = (n: number) => fmt(n / transitions, 2);
    say(
      `${result.completed} proposals walked (${result.failed} failed), ${transitions} transitions; page size ${pageSize}; ${pages.length} WAL frames ` +
        `(${fmt(pages.length / transitions, 2)} per transition, ${fmt((pages.length * (pageSize + 24)) / transitions, 0)} WAL bytes per transition); ` +
        `${new Set(pages).size} distinct pages (what the closing checkpoint copies: ${fmt((new Set(pages).size * pageSize) / transitions, 0)} bytes per transition)`,
      '',
      table(
        ['table / index', 'frames', 'frames per transition', 'KB per transition', 'distinct pages'],
        [
          ...sorted.map(([name, { frames: n, distinct }]) => [name, String(n), perT(n), fmt((n * (pageSize + 24)) / transitions / 1024, 2), String(distinct.size)]),
          ['total', String(pages.length), perT(pages.length), fmt((pages.length * (pageSize + 24)) / transitions / 1024, 2), String(new Set(pages).size)],
        ],
      ),
      '',
    );

    // The proposals row: how big, which columns, does it overflow.
    const stat = await query(
      `SELECT name, pagetype, COUNT(*) AS pages, SUM(ncell) AS cells, SUM(payload) AS payload, MAX(mx_payload) AS mx FROM dbstat
        WHERE name IN ('proposals', 'people', 'person_proposals', 'proposal_events', 'outbox') GROUP BY name, pagetype ORDER BY name, pagetype`,
    );
    say(table(['name', 'page type', 'pages', 'cells', 'payload bytes', 'max payload of a cell'], stat.map((r) => [String(r.name), String(r.pagetype), String(r.pages), String(r.cells ?? ''), String(r.payload ?? ''), String(r.mx ?? '')])), '');
    const [{ rows }] = await query('SELECT COUNT(*) AS rows FROM proposals');
    const payloadOf = (type: string) => stat.filter((r) => r.name === 'proposals' && r.pagetype === type).reduce((sum, r) => sum + Number(r.payload ?? 0), 0);
    const overflowPages = stat.filter((r) => r.name === 'proposals' && r.pagetype === 'overflow').reduce((sum, r) => sum + Number(r.pages), 0);
    const leafPayload = payloadOf('leaf');
    const allPayload = leafPayload + payloadOf('overflow');
    // SQLite keeps a table row's payload on its leaf page up to U-35 bytes (U = usable page size); beyond that,
    // only a part stays there and the rest goes to overflow pages (sqlite.org/fileformat2.html, "Cell Payload Overflow Pages").
    say(
      `proposals: ${rows} rows; average row payload ${fmt(allPayload / Math.max(1, Number(rows)), 0)} bytes ` +
        `(max local payload on a ${pageSize}-byte page: ${pageSize - 35}); overflow pages ${overflowPages} ` +
        `(${overflowPages > 0 ? 'rows DO overflow' : 'no row overflows'}), ${fmt(Number(rows) / Math.max(1, stat.filter((r) => r.name === 'proposals' && r.pagetype === 'leaf').reduce((s, r) => s + Number(r.pages), 0)), 2)} rows per leaf page`,
      '',
    );
    const columns = await query("SELECT name FROM pragma_table_info('proposals')");
    const sizes = await query(
      `SELECT ${columns.map(({ name }) => `AVG(LENGTH(CAST("${String(name)}" AS BLOB))) AS "${String(name)}"`).join(', ')} FROM proposals`,
    );
    say(table(['proposals column', 'average bytes'], columns.map(({ name }) => [String(name), fmt(Number(sizes[0][String(name)] ?? 0), 0)]).sort((a, b) => Number(b[1].replace(/,/g, '')) - Number(a[1].replace(/,/g, '')))));
    await query('PRAGMA wal_autocheckpoint = 1000');
  } finally {
    await app.close();
    await world.close();
  }
});
