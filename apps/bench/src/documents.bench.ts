import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api/src/create-api-app.js';
import { BENCH_CAMPAIGN, draftFor, tokensFor } from './fixtures.js';
import { bench, fmt, log, problem, say, size, table } from './harness.js';
import { checkLoad, percentile, runLoad, type LoadResult } from './measure.js';
import { scratch, tempDir } from './scratch.js';

/**
 * `npm run bench:documents`: how fast a proposal's documents go up and come back over real HTTP, and whether the
 * process stays flat in memory while they do (the point of streaming them). The real API (createApiApp) runs in
 * this process, on a scratch SQLite file (documents as files) or, with BENCH_DATABASE_URL=postgres://…, on a
 * scratch database of that server (documents as 1 MiB chunks in it). Its clients are node:http in the same
 * process; every body is generated on the fly, 256 KiB at a time, so the client never holds a file.
 *
 *   1. upload BENCH_FILES (100) files of BENCH_FILE_MB (20) MB one at a time, then as many others with
 *      BENCH_CONCURRENCY (4) in flight (each lane to a proposal of its own); download each, checking its hash;
 *   2. RSS every 100 ms during each pass, CPU time per MB, garbage collections;
 *   3. the floors, with the same client and bytes: written to disk through sha256, sent to a bare node:http
 *      server that only hashes them, served back by a bare node:http server from disk.
 *
 * MB = 2^20 bytes, as DOCUMENT_MAX_BYTES counts them. A failed upload or a wrong hash fails the run.
 */

const MIB = 1024 * 1024;
const settings = {
  files: size('BENCH_FILES', 100, 4),
  concurrency: size('BENCH_CONCURRENCY', 4),
  fileMb: size('BENCH_FILE_MB', 20, 2),
  databaseUrl: process.env.BENCH_DATABASE_URL ?? '',
};
const FILE_BYTES = settings.fileMb * MIB;
const MAX_BYTES = Math.max(20 * MIB, FILE_BYTES);
/** What the client generates and writes at a time (and FileBlobStore reads at a time). */
const BLOCK = 256 * 1024;
const IDLE_MS = 120_000;

/**
 * The mark-compact storm. On Node 20 the buffers of a stream are external memory, which V8 counts against the
 * old generation's allocation limit: when that limit sits close to the live heap, every 20 MB or so of buffers
 * starts a full mark-compact of the whole heap (~55 MB with Nest, TypeORM and Swagger loaded), and a pass can
 * fall into a run of them that halves its throughput, floors included. Forcing gc() before a pass puts nearly
 * every pass there (upload 404–493 → 185–246 MB/s, download 546–690 → 193–339 MB/s on 24 files), so by default
 * none is forced: BENCH_FORCE_GC=1 forces one, for a clean RSS start. The GC columns show when a pass landed
 * in a storm anyway; `node --initial-old-space-size=512` removes them. A server never calls gc().
 */
const FORCE_GC = process.env.BENCH_FORCE_GC === '1';

/* The files: generated on the fly, the same bytes every time ---------------------------------------------- */

const RUN = randomBytes(8);
const FILLER = randomBytes(BLOCK);
const PDF_HEAD = Buffer.from('%PDF-1.4\n', 'latin1');
const PDF_TAIL = Buffer.from('\n%%EOF\n', 'latin1');

type Write = (chunk: Buffer) => Promise<void>;

/**
 * Hands file `file` to `write` block by block: random filler stamped with the run, the file and the block (every
 * file has its own hash), a PDF header first and %%EOF last. Two blocks at most outstanding, so the client holds
 * 2 × 256 KiB per file in flight, whatever the file's size.
 */
async function pumpFile(file: number, write: Write): Promise<void> {
  const buffers = [Buffer.allocUnsafe(BLOCK), Buffer.allocUnsafe(BLOCK)];
  const pending: Promise<void>[] = [];
  const tailAt = FILE_BYTES - PDF_TAIL.length;
  for (let block = 0, start = 0; start < FILE_BYTES; block++, start += BLOCK) {
    await pending[block & 1];
    const out = buffers[block & 1].subarray(0, Math.min(BLOCK, FILE_BYTES - start));
    FILLER.copy(out, 0, 0, out.length);
    if (out.length >= 32) {
      RUN.copy(out, 16);
      out.writeUInt32BE(file, 24);
      out.writeUInt32BE(block, 28);
    }
    if (block === 0) PDF_HEAD.copy(out, 0);
    if (start + out.length > tailAt) PDF_TAIL.copy(out, Math.max(tailAt, start) - start, Math.max(tailAt, start) - tailAt);
    pending[block & 1] = write(out);
    pending[block & 1].catch(() => undefined);
  }
  await Promise.all(pending);
}

const writeTo = (stream: { write(chunk: Buffer, callback: (error?: Error | null) => void): boolean }): Write => (chunk) =>
  new Promise<void>((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));

/** The body a browser's form sends: the field `kind` first, then `file`. */
function multipart(file: number) {
  const boundary = `----kt-bench-${RUN.toString('hex')}-${file}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nkhac\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${file}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    'latin1',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1');
  return { contentType: `multipart/form-data; boundary=${boundary}`, head, tail, length: head.length + FILE_BYTES + tail.length };
}

/* node:http clients ---------------------------------------------------------------------------------------- */

interface Target {
  port: number;
  agent: Agent;
}
const targetOf = (server: Server): Target => ({ port: (server.address() as AddressInfo).port, agent: new Agent({ keepAlive: true, maxSockets: settings.concurrency }) });

/**
 * One request, its body streamed by `writeBody`; `onResponse` reads the answer. An answer that comes before the
 * body is all sent (a refusal) stops the writing and closes the connection.
 */
function send<T>(target: Target, method: string, path: string, headers: OutgoingHttpHeaders, writeBody: ((write: Write) => Promise<void>) | null, onResponse: (response: IncomingMessage) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    const request = httpRequest({ host: '127.0.0.1', port: target.port, agent: target.agent, method, path, headers }, (response) => {
      answered = true;
      onResponse(response).then(resolve, reject);
    });
    request.on('error', reject);
    request.setTimeout(IDLE_MS, () => request.destroy(new Error(`${method} ${path}: nothing sent or received for ${IDLE_MS / 1000} s`)));
    if (!writeBody) {
      request.end();
      return;
    }
    const write = writeTo(request);
    writeBody((chunk) => (answered ? Promise.reject(new Error('answered before the body was sent')) : write(chunk))).then(
      () => request.end(),
      (error: unknown) => {
        if (!answered) request.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The answer's body as text, or, with `hash`, only its size and SHA-256 (never holding it). */
function readAnswer(response: IncomingMessage, hash: boolean): Promise<{ status: number; text: string; size: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const digest = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    const hashing = hash && response.statusCode === 200;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (hashing) digest.update(chunk);
      else chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), size, sha256: hashing ? digest.digest('hex') : '' }));
  });
}

async function post(target: Target, path: string, token: string, contentType: string, length: number, writeBody: (write: Write) => Promise<void>, expected: number) {
  const headers = { 'content-type': contentType, 'content-length': length, authorization: `Bearer ${token}` };
  const answer = await send(target, 'POST', path, headers, writeBody, (response) => readAnswer(response, false));
  if (answer.status !== expected) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as { id: string; size: number; sha256: string };
}

const postJson = (target: Target, path: string, token: string, body: unknown) => {
  const json = Buffer.from(JSON.stringify(body));
  return post(target, path, token, 'application/json', json.length, (write) => write(json), 201);
};

function upload(target: Target, path: string, token: string, file: number, expected: number) {
  const body = multipart(file);
  return post(target, path, token, body.contentType, body.length, async (write) => {
    await write(body.head);
    await pumpFile(file, write);
    await write(body.tail);
  }, expected);
}

async function download(target: Target, path: string, token: string): Promise<{ size: number; sha256: string }> {
  const answer = await send(target, 'GET', path, { authorization: `Bearer ${token}` }, null, (response) => readAnswer(response, true));
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer;
}

/* Passes --------------------------------------------------------------------------------------------------- */

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Files `files`, `concurrency` in flight, each a timed `op` (which moves FILE_BYTES) on its lane. */
async function pass(label: string, files: number[], concurrency: number, op: (file: number, lane: number) => Promise<unknown>, quiet = false): Promise<LoadResult> {
  const result = await runLoad({
    label,
    count: files.length,
    concurrency,
    quiet,
    gcAtStart: FORCE_GC,
    maxFailures: 3,
    item: async (index, timed, lane) => {
      await timed(() => op(files[index], lane));
    },
  });
  checkLoad(result);
  return result;
}

/** Both passes of one kind: files 0 … N-1 one at a time, N … 2N-1 with BENCH_CONCURRENCY in flight. */
async function passes(label: string, op: (file: number, lane: number) => Promise<unknown>): Promise<LoadResult[]> {
  const n = settings.files;
  return [await pass(`${label}, 1 in flight`, range(0, n), 1, op), await pass(`${label}, ${settings.concurrency} in flight`, range(n, n), settings.concurrency, op)];
}

/** Uploads and downloads through the API; answers the passes and a note on what was checked. */
async function throughApi(): Promise<{ uploads: LoadResult[]; downloads: LoadResult[]; notes: string[] }> {
  const c = settings.concurrency;
  const world = await scratch('documents', { postgres: settings.databaseUrl || undefined, env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
  const app = await createApiApp(world.config, { logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const target = targetOf(app.getHttpServer() as Server);
    const admin = tokensFor('none', world.config.jwtSecret).admin;
    const unit = await postJson(target, '/api/units', admin, { code: 'BENCHDOCS', name: 'Đơn vị đo hiệu năng hồ sơ' });
    const campaign = await postJson(target, '/api/campaigns', admin, BENCH_CAMPAIGN);
    const { drafter } = tokensFor(unit.id, world.config.jwtSecret);
    // One proposal in drafting per lane in flight (its drafter may add documents): the files of lane k go to proposal k.
    const proposals: string[] = [];
    for (let lane = 0; lane < c; lane++) proposals.push((await postJson(target, '/api/proposals', drafter, draftFor(unit.id, campaign.id, lane))).id);
    const answers = new Map<number, { path: string; size: number; sha256: string }>();
    const uploadOne = async (file: number, lane: number) => {
      const path = `/api/proposals/${proposals[lane]}/documents`;
      const uploaded = await upload(target, path, drafter, file, 201);
      if (uploaded.size !== FILE_BYTES) throw new Error(`the answer says ${uploaded.size} bytes, ${FILE_BYTES} were sent`);
      answers.set(file, { ...uploaded, path: `${path}/${uploaded.id}` });
    };
    const downloadOne = async (file: number) => {
      const uploaded = answers.get(file);
      if (!uploaded) throw new Error('was not uploaded');
      const got = await download(target, uploaded.path, drafter);
      if (got.sha256 !== uploaded.sha256 || got.size !== uploaded.size) throw new Error(`came back as ${got.size} bytes sha256 ${got.sha256}, uploaded as ${uploaded.size} bytes sha256 ${uploaded.sha256}`);
    };
    const warmup = range(2 * settings.files, Math.min(2, c));
    log(`warm-up: ${warmup.length} uploads and downloads (not counted)`);
    await pass('warm-up', warmup, warmup.length, uploadOne, true);
    await pass('warm-up', warmup, warmup.length, downloadOne, true);
    const uploads = await passes('upload', uploadOne);
    const downloads = await passes('download', downloadOne);

    // The client's own bytes against the server's word, for a few files (not timed).
    const checked = [...new Set([0, settings.files - 1, settings.files, 2 * settings.files - 1])].filter((file) => answers.has(file));
    for (const file of checked) {
      const hash = createHash('sha256');
      await pumpFile(file, async (chunk) => void hash.update(chunk));
      const expected = hash.digest('hex');
      if (answers.get(file)!.sha256 !== expected) problem(`file ${file}: the server hashed ${answers.get(file)!.sha256}, the bytes sent hash to ${expected}`);
    }
    const dataSource = app.get(DataSource);
    const [row] = (await dataSource.query('SELECT COUNT(*) AS n, COUNT(DISTINCT sha256) AS d FROM proposal_documents')) as { n: number | string; d: number | string }[];
    return {
      uploads,
      downloads,
      notes: [
        `database: ${world.where}; DOCUMENT_STORAGE=${world.config.documents.storage}; ${proposals.length} proposals in drafting, one per lane in flight; every file attached as kind "khac" by the unit's drafter`,
        `check: ${answers.size} uploads answered, ${new Set([...answers.values()].map((a) => a.sha256)).size} distinct sha256; every download hashed to its upload's answer; ` +
          `the bytes of files ${checked.join(', ')} regenerated here hash to what the server answered; ${row.n} rows in proposal_documents, ${row.d} distinct hashes`,
      ],
    };
  } finally {
    await app.close();
    await world.close();
  }
}

/** The same bytes and client, nothing of the application: to disk through sha256, to and from bare node:http servers. */
async function floors(): Promise<{ disk: LoadResult[]; httpUp: LoadResult[]; httpDown: LoadResult[] }> {
  const dir = join(tempDir('documents-floor'), 'files');
  mkdirSync(dir);
  log(`floor: writing the same files to disk (createWriteStream + sha256, as an upload is staged)`);
  const disk = await passes('floor: disk write + sha256', async (file) => {
    const sink = createWriteStream(join(dir, `file-${file}`), { flags: 'wx' });
    const closed = new Promise<void>((resolve, reject) => sink.once('close', () => resolve()).once('error', reject));
    const hash = createHash('sha256');
    const write = writeTo(sink);
    await pumpFile(file, (chunk) => {
      hash.update(chunk);
      return write(chunk);
    });
    sink.end();
    await closed;
  });

  const servers: Server[] = [];
  const serve = async (handler: Parameters<typeof createServer>[1]) => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return targetOf(server);
  };
  try {
    // POST anything: the body (multipart envelope included) is hashed and counted, and the answer says so.
    const hashing = await serve((request, response) => {
      void readAnswer(request, true).then(({ size, sha256 }) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'floor', size, sha256 })));
    });
    log(`floor: uploading the same files to a bare node:http server that hashes them`);
    const floorUpload = async (file: number) => {
      const { size } = await upload(hashing, '/upload', 'floor', file, 200);
      if (size !== multipart(file).length) throw new Error(`the floor server counted ${size} bytes, ${multipart(file).length} were sent`);
    };
    await pass('warm-up', range(0, Math.min(2, settings.concurrency)), Math.min(2, settings.concurrency), floorUpload, true);
    const httpUp = await passes('floor: bare http, hash body', floorUpload);

    // GET /files/<n>: the disk floor's file n, read as FileBlobStore reads a document (256 KiB at a time).
    const files = await serve((request, response) => {
      const file = /^\/files\/(\d+)$/.exec(request.url ?? '')?.[1];
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': FILE_BYTES });
      createReadStream(join(dir, `file-${file}`), { highWaterMark: BLOCK }).on('error', (error) => response.destroy(error)).pipe(response);
    });
    log(`floor: downloading them back from a bare node:http server streaming them from disk`);
    const httpDown = await passes('floor: bare http, file back', async (file) => {
      const got = await download(files, `/files/${file}`, 'floor');
      if (got.size !== FILE_BYTES) throw new Error(`came back as ${got.size} bytes`);
    });
    return { disk, httpUp, httpDown };
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/* The report ----------------------------------------------------------------------------------------------- */

const mb = (p: LoadResult) => (p.operations * FILE_BYTES) / MIB;
const mbPerS = (p?: LoadResult) => (p ? mb(p) / (p.elapsedMs / 1000) : Number.NaN);
/** CPU ms per MB moved: what a pass costs, much less swayed than MB/s by other processes taking the CPU. */
const cpuPerMb = (p?: LoadResult) => (p ? p.cpuMs / mb(p) : Number.NaN);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${fmt(value, 0)}`;

function passRow(label: string, p: LoadResult): string[] {
  return [
    label,
    String(p.concurrency),
    `${p.operations}${p.failed ? ` (${p.failed} failed)` : ''}`,
    fmt(p.elapsedMs / 1000, 1),
    fmt(mbPerS(p), 0),
    fmt(p.operations / (p.elapsedMs / 1000), 2),
    fmt(percentile(p.latencies, 0.5), 0),
    fmt(percentile(p.latencies, 0.95), 0),
    fmt(p.cpuPercent, 0),
    fmt(cpuPerMb(p), 2),
    `${p.gc.full} / ${p.gc.young}`,
    `${fmt((p.gc.ms / p.elapsedMs) * 100, 0)} %`,
  ];
}

function floorRow(label: string, ours: LoadResult, floor: LoadResult): string[] {
  const [a, b, x, y] = [mbPerS(ours), mbPerS(floor), cpuPerMb(ours), cpuPerMb(floor)];
  return [label, fmt(a, 0), fmt(b, 0), `${fmt((a / b) * 100, 0)} %`, fmt(x, 2), fmt(y, 2), `${fmt(x / y, 2)} ×`];
}

bench(
  'documents benchmark (upload / download over HTTP)',
  `${settings.files} files of ${settings.fileMb} MB per pass (BENCH_FILES, BENCH_FILE_MB), one at a time then ${settings.concurrency} in flight (BENCH_CONCURRENCY); ` +
    `DOCUMENT_MAX_BYTES=${MAX_BYTES}, REQUIRED_DOCUMENTS=false; database ${settings.databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'SQLite'}; ` +
    `GC forced before each pass: ${FORCE_GC ? 'yes (BENCH_FORCE_GC=1)' : 'no (BENCH_FORCE_GC=1 to force one)'}`,
  async () => {
    const c = settings.concurrency;
    const { uploads, downloads, notes } = await throughApi();
    const { disk, httpUp, httpDown } = await floors();
    const labelled: [string, LoadResult[]][] = [
      ['upload (API)', uploads],
      ['download (API)', downloads],
      ['floor: disk write + sha256', disk],
      ['floor: bare http, hash body', httpUp],
      ['floor: bare http, file back', httpDown],
    ];
    say(
      table(
        ['pass', 'in flight', 'files', 'time s', 'MB/s', 'files/s', 'p50 ms', 'p95 ms', 'node CPU %', 'CPU ms/MB', 'GCs full / young', 'in GC'],
        labelled.flatMap(([label, results]) => results.map((p) => passRow(label, p))),
      ),
      '',
      table(
        ['RSS MB during the pass', 'start', 'peak', 'end', 'growth peak / end', 'samples'],
        [...uploads, ...downloads].map(({ label, rss }) => [
          label,
          `${fmt(rss.startMb, 0)}${FORCE_GC && globalThis.gc ? ' (GC)' : ''}`,
          fmt(rss.peakMb, 0),
          fmt(rss.endMb, 0),
          `${signed(rss.peakMb - rss.startMb)} / ${signed(rss.endMb - rss.startMb)}`,
          String(rss.samples),
        ]),
      ),
      '',
      table(
        ['ours vs its floor', 'ours MB/s', 'floor MB/s', 'ours / floor', 'ours CPU ms/MB', 'floor CPU ms/MB', 'CPU ours / floor'],
        [
          ['upload', 'disk write + sha256', uploads, disk],
          ['upload', 'bare http hashing', uploads, httpUp],
          ['download', 'bare http from disk', downloads, httpDown],
        ].flatMap(([what, floor, ours, floors]) =>
          [0, 1].map((k) => floorRow(`${what}, ${k ? c : 1} in flight vs ${floor}`, (ours as LoadResult[])[k], (floors as LoadResult[])[k])),
        ),
      ),
      '',
      `MB = 2^20 bytes; each file ${settings.fileMb} MB; time, MB/s and files/s over the whole pass; p50/p95 = one file's request, start to answer (to last byte for downloads).`,
      'node CPU % = CPU time of this process (all threads: the JS thread, libuv workers, GC) over the pass, 100 = one core; CPU ms/MB = that CPU time per MB moved (client and server together).',
      'GCs full / young = mark-compacts / scavenges during the pass; in GC = their time over the pass. Many full GCs = the pass ran in the mark-compact storm (see FORCE_GC in apps/bench/src/documents.bench.ts).',
      `RSS sampled every 100 ms from the start of each pass to its end; ${FORCE_GC ? 'start after a forced GC (BENCH_FORCE_GC=1).' : 'no GC forced before the start.'} ` +
        'The client runs in the same process and holds at most 2 × 256 KiB per file in flight.',
      'Clients: node:http in this process (keep-alive agent, one socket per file in flight); the server and the client share the one JS thread, in the floors as in ours.',
      'floor: disk = fs.createWriteStream + sha256 of the same bytes in the temp dir; bare http hash body = the same multipart bodies to a node:http server that only hashes them; ' +
        'bare http file back = a node:http server streaming the disk floor’s files (createReadStream, 256 KiB) to the same hashing client.',
      ...notes,
    );
    const beforeGc = process.memoryUsage.rss() / MIB;
    globalThis.gc?.();
    const afterGc = process.memoryUsage();
    say(
      `memory at the end (API closed, servers closed): RSS ${fmt(beforeGc, 0)} MB` +
        (globalThis.gc ? `, ${fmt(afterGc.rss / MIB, 0)} MB after a forced GC (heap used ${fmt(afterGc.heapUsed / MIB, 0)} MB)` : ' (no --expose-gc: no forced GC)'),
    );
  },
  { timeoutS: 900 },
);
