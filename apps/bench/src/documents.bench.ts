import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, redactUrl, type AppConfig } from '#config';
import { createApiApp } from '../../api/src/create-api-app.js';
import {
  commandLine,
  describeError,
  fmt,
  intFromEnv,
  LatencyLog,
  loadAverage,
  machineIdlePercent,
  now,
  percentile,
  removeTempDir,
  table,
  tempDir,
  within,
} from './bench-support.js';
import { profileByCategory, type ProfileSummary } from './cpu-profile.js';
import { BENCH_CAMPAIGN, draftFor, pipelineTokens } from './pipeline-fixtures.js';

/**
 * `npm run bench:documents`: how fast a proposal's documents go up and come back over real HTTP, and whether
 * the process stays flat in memory while they do (the point of streaming them). The real API (createApiApp)
 * runs in this process on 127.0.0.1:0, on a fresh SQLite file (documents as files) or, with
 * BENCH_DATABASE_URL=postgres://…, on a scratch database of that server (documents as 1 MiB chunks in it),
 * dropped at the end. The clients are node:http in the same process; every request body is generated on the
 * fly, one 256 KiB block at a time, so the client never holds a file.
 *
 *   1. upload N files of 20 MB (a valid PDF header, filler distinct per file, %%EOF), one at a time, then
 *      N other files with BENCH_CONCURRENCY in flight: MB/s, files/s, p50/p95 per file;
 *   2. RSS of the process every 100 ms during each pass: start, peak, end, growth (no GC forced before the
 *      start unless BENCH_FORCE_GC=1: see FORCE_GC for why); one forced GC at the very end, after every timing;
 *   3. download every uploaded file, hashing it, and check the hash is the one the upload answered;
 *   4. the floors, in the same run: the same bytes written to disk with fs.createWriteStream + sha256, sent
 *      to a bare node:http server that only hashes them, and served back by a bare node:http server from disk;
 *   5. a same-dossier probe: BENCH_CONCURRENCY uploads sent together to one proposal, a few rounds, counting
 *      the refusals (on PostgreSQL two attachments meeting on one dossier answer 409 VERSION_CONFLICT, which is
 *      why the measured passes give each lane in flight a proposal of its own);
 *   6. a V8 CPU profile of a few more uploads and downloads, by package: where the JS thread's time goes.
 *
 * Every pass also reports the CPU time of the process per MB and its garbage collections: on a loaded machine
 * CPU ms/MB moves much less than MB/s, and a pass with many full GCs hit the storm described above FORCE_GC.
 *
 * Prints numbers; asserts none of them (a failed upload, a wrong hash or a refused request does fail the run).
 * MB here = 2^20 bytes, as DOCUMENT_MAX_BYTES counts them (20 MB = 20 × 1024 × 1024).
 */

const MIB = 1024 * 1024;

const settings = {
  files: intFromEnv('BENCH_FILES', 100),
  concurrency: intFromEnv('BENCH_CONCURRENCY', 4),
  fileMb: intFromEnv('BENCH_FILE_MB', 20),
  /** Uploads and downloads of this many more files under the V8 profiler, to say where the time goes (0: none). */
  profileFiles: intFromEnv('BENCH_PROFILE_FILES', 8, 0),
  /** Rounds of BENCH_CONCURRENCY uploads at once to one and the same proposal, counting the refusals (0: none). */
  sameDossierRounds: intFromEnv('BENCH_SAME_DOSSIER_ROUNDS', 3, 0),
  budgetMs: intFromEnv('BENCH_TIMEOUT_S', 900) * 1000,
  /** A PostgreSQL server to make the scratch database on (any database of it: the bench connects there to create it). */
  databaseUrl: process.env.BENCH_DATABASE_URL ?? '',
};

const FILE_BYTES = settings.fileMb * MIB;
const MAX_BYTES = Math.max(20 * MIB, FILE_BYTES);
/** What the client generates and writes at a time (and FileBlobStore reads at a time). */
const BLOCK = 256 * 1024;
const REQUEST_IDLE_MS = 120_000;
const MAX_FAILURES = 3;
const RSS_EVERY_MS = 100;

/* ---------------------------------------------------------------------------------------------------------- */
/* The files: generated on the fly, the same bytes every time they are asked for                               */

const RUN = randomBytes(8);
const FILLER = randomBytes(BLOCK);
const PDF_HEAD = Buffer.from('%PDF-1.4\n', 'latin1');
const PDF_TAIL = Buffer.from('\n%%EOF\n', 'latin1');

/**
 * Block `block` of file `file` into `target`: random filler, stamped at offset 16 with the run, the file and the
 * block (so no two blocks of the run are alike and every file has its own hash), the PDF header in the first
 * block and %%EOF at the end of the last.
 */
function fillBlock(target: Buffer, file: number, block: number): Buffer {
  const start = block * BLOCK;
  const out = target.subarray(0, Math.min(BLOCK, FILE_BYTES - start));
  FILLER.copy(out, 0, 0, out.length);
  if (out.length >= 32) {
    RUN.copy(out, 16);
    out.writeUInt32BE(file, 24);
    out.writeUInt32BE(block, 28);
  }
  if (block === 0) PDF_HEAD.copy(out, 0);
  const tailAt = FILE_BYTES - PDF_TAIL.length;
  if (start + out.length > tailAt) {
    const from = Math.max(tailAt, start);
    PDF_TAIL.copy(out, from - start, from - tailAt);
  }
  return out;
}

type Write = (chunk: Buffer) => Promise<void>;

/**
 * Hands file `file` to `write` block by block, two blocks at most outstanding (one being written while the
 * next is filled): the client's memory per file in flight is 2 × 256 KiB, whatever the file's size.
 */
async function pumpFile(file: number, write: Write): Promise<void> {
  const buffers = [Buffer.allocUnsafe(BLOCK), Buffer.allocUnsafe(BLOCK)];
  const pending: (Promise<void> | null)[] = [null, null];
  const blocks = Math.ceil(FILE_BYTES / BLOCK);
  for (let block = 0; block < blocks; block++) {
    const slot = block & 1;
    if (pending[slot]) await pending[slot];
    const written = write(fillBlock(buffers[slot], file, block));
    written.catch(() => undefined);
    pending[slot] = written;
  }
  await Promise.all(pending);
}

/** The SHA-256 the server should find for `file`, computed here (outside any measurement). */
async function expectedSha256(file: number): Promise<string> {
  const hash = createHash('sha256');
  await pumpFile(file, async (chunk) => void hash.update(chunk));
  return hash.digest('hex');
}

/** A writable's write, resolved once the chunk has been handed on (flushed to the socket or the file). */
const writeTo =
  (stream: { write(chunk: Buffer, callback: (error?: Error | null) => void): boolean }): Write =>
  (chunk) =>
    new Promise<void>((resolve, reject) => {
      stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });

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

/* ---------------------------------------------------------------------------------------------------------- */
/* node:http clients                                                                                            */

interface Target {
  host: string;
  port: number;
  agent: Agent;
}

interface Answer {
  status: number;
  body: string;
}

function targetOf(server: Server, concurrency: number): Target {
  const { port } = server.address() as AddressInfo;
  return { host: '127.0.0.1', port, agent: new Agent({ keepAlive: true, maxSockets: concurrency }) };
}

/**
 * One request; `writeBody` streams the body. An answer that comes before the body is all sent (a refusal)
 * stops the writing and closes the connection.
 */
function send(target: Target, method: string, path: string, headers: OutgoingHttpHeaders, writeBody?: (write: Write) => Promise<void>) {
  return new Promise<Answer>((resolve, reject) => {
    let answered = false;
    let bodySent = !writeBody;
    const request = httpRequest({ host: target.host, port: target.port, agent: target.agent, method, path, headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (!bodySent) request.destroy();
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.setTimeout(REQUEST_IDLE_MS, () => request.destroy(new Error(`${method} ${path}: nothing sent or received for ${REQUEST_IDLE_MS / 1000} s`)));
    if (!writeBody) {
      request.end();
      return;
    }
    const write = writeTo(request);
    writeBody((chunk) => (answered ? Promise.reject(new Error('answered before the body was sent')) : write(chunk))).then(
      () => {
        bodySent = true;
        request.end();
      },
      (error: unknown) => {
        if (!answered) request.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const refused = (what: string, answer: Answer) => new Error(`${what} answered ${answer.status}: ${answer.body.slice(0, 300)}`);

async function postJson<T>(target: Target, path: string, token: string, body: unknown): Promise<T> {
  const json = Buffer.from(JSON.stringify(body));
  const answer = await send(
    target,
    'POST',
    path,
    { 'content-type': 'application/json', 'content-length': json.length, authorization: `Bearer ${token}` },
    (write) => write(json),
  );
  if (answer.status !== 201) throw refused(`POST ${path}`, answer);
  return JSON.parse(answer.body) as T;
}

interface Uploaded {
  id: string;
  size: number;
  sha256: string;
}

async function upload(target: Target, path: string, token: string, file: number, expected: number): Promise<Uploaded> {
  const body = multipart(file);
  const answer = await send(
    target,
    'POST',
    path,
    { 'content-type': body.contentType, 'content-length': body.length, authorization: `Bearer ${token}` },
    async (write) => {
      await write(body.head);
      await pumpFile(file, write);
      await write(body.tail);
    },
  );
  if (answer.status !== expected) throw refused(`POST ${path} (file ${file})`, answer);
  return JSON.parse(answer.body) as Uploaded;
}

/** GETs `path` and hashes what comes back, never holding it. */
function download(target: Target, path: string, token: string): Promise<{ size: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: target.host, port: target.port, agent: target.agent, method: 'GET', path, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        const ok = response.statusCode === 200;
        response.on('data', (chunk: Buffer) => {
          if (ok) {
            hash.update(chunk);
            size += chunk.length;
          } else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          if (ok) resolve({ size, sha256: hash.digest('hex') });
          else reject(refused(`GET ${path}`, { status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
      },
    );
    request.on('error', reject);
    request.setTimeout(REQUEST_IDLE_MS, () => request.destroy(new Error(`GET ${path}: nothing received for ${REQUEST_IDLE_MS / 1000} s`)));
    request.end();
  });
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Passes: N files, so many in flight, timed per file; RSS sampled while they run                             */

interface RssSummary {
  startMb: number;
  peakMb: number;
  endMb: number;
  samples: number;
  /** Whether a GC was forced before the start sample (BENCH_FORCE_GC=1). */
  forcedGc: boolean;
}

const rssMb = () => process.memoryUsage.rss() / MIB;

/**
 * The mark-compact storm. On Node 20 (V8 11.3) the buffers of a stream (socket reads, fs.ReadStream's 256 KiB
 * reads, the client's blocks) are external memory, which V8 counts against the old generation's allocation
 * limit. When that limit sits close to the live heap (53 of 77 MB here), every 20 MB or so of buffers starts a
 * full mark-compact of the whole heap (~55 MB with Nest, TypeORM and Swagger loaded). A pass can fall into a run
 * of them (100 to 300 in a pass) that halves its throughput, floors included, and then get out again. Forcing
 * gc() puts nearly every pass there: on 24 files, upload went from 404–493 to 185–246 MB/s and download from
 * 546–690 to 193–339 MB/s. So by default no GC is forced before a pass (BENCH_FORCE_GC=1 forces one, as a clean
 * RSS start sample would want). Without it passes still land there now and then, which is what the GC columns
 * show. `node --initial-old-space-size=512` removed the storms (0 full GCs; the bare-http download went from
 * 183–245 to 502–616 MB/s). A server never calls gc(), so the benchmark doesn't call it either while it times.
 */
const FORCE_GC = process.env.BENCH_FORCE_GC === '1';

/** RSS every 100 ms from the start of a pass to its end (the start after a forced GC only with BENCH_FORCE_GC=1). */
function rssSampler() {
  if (FORCE_GC) globalThis.gc?.();
  const startMb = rssMb();
  let peakMb = startMb;
  let samples = 1;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb());
    samples++;
  }, RSS_EVERY_MS);
  return {
    stop(): RssSummary {
      clearInterval(timer);
      const endMb = rssMb();
      peakMb = Math.max(peakMb, endMb);
      return { startMb, peakMb, endMb, samples: samples + 1, forcedGc: FORCE_GC && Boolean(globalThis.gc) };
    },
  };
}

/** Garbage collections of this process, counted as they are reported (node:perf_hooks 'gc' entries). */
const gcSeen = { major: 0, minor: 0, ms: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } | null }).detail?.kind;
    if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) gcSeen.major++;
    else if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) gcSeen.minor++;
    gcSeen.ms += entry.duration;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
/** The observer is called back asynchronously: a turn of the event loop lets the last entries in. */
const gcSnapshot = async () => {
  await new Promise((resolve) => setImmediate(resolve));
  return { ...gcSeen };
};

interface Pass {
  label: string;
  /** Full (mark-compact) and young-generation collections during the pass, and the time spent in all of them. */
  gc: { major: number; minor: number; ms: number };
  concurrency: number;
  files: number;
  bytes: number;
  elapsedMs: number;
  latencies: Float64Array;
  /** CPU time of this process (all threads) over the pass's wall time, % of one core. */
  cpuPercent: number;
  /** CPU time of this process (all threads) during the pass, ms. */
  cpuMs: number;
  failed: number;
  errors: string[];
  rss: RssSummary;
}

const log = (line: string) => process.stderr.write(`[bench:documents] ${line}\n`);

/**
 * Runs `op` on every item, `concurrency` at a time; `op` answers the bytes it moved. `lane` says which of the
 * `concurrency` workers runs it (0 … concurrency-1). Stops after a few failures.
 */
async function runPass(
  label: string,
  items: readonly number[],
  concurrency: number,
  op: (item: number, lane: number) => Promise<number>,
  quiet = false,
): Promise<Pass> {
  const latencies = new LatencyLog(items.length);
  const errors: string[] = [];
  let next = 0;
  let done = 0;
  let failed = 0;
  let bytes = 0;
  let nextProgress = 1;
  const sampler = rssSampler();
  const gcAtStart = await gcSnapshot();
  const cpuAtStart = process.cpuUsage();
  const started = now();
  const worker = async (lane: number) => {
    while (failed < MAX_FAILURES && next < items.length) {
      const item = items[next++];
      const t = now();
      try {
        // Not `bytes += await op(item)`: that would read `bytes` before the await and lose the other workers' bytes.
        const moved = await op(item, lane);
        bytes += moved;
        latencies.add(now() - t);
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push(`file ${item}: ${describeError(error)}`);
      }
      done++;
      while (!quiet && nextProgress <= 4 && done * 4 >= nextProgress * items.length) {
        const seconds = (now() - started) / 1000;
        log(`${label}: ${done}/${items.length} files, ${fmt(seconds, 1)} s, ${fmt(bytes / MIB / seconds, 0)} MB/s, RSS ${fmt(rssMb(), 0)} MB`);
        nextProgress++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, lane) => worker(lane)));
  const elapsedMs = now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const rss = sampler.stop();
  const gcAtEnd = await gcSnapshot();
  return {
    label,
    gc: { major: gcAtEnd.major - gcAtStart.major, minor: gcAtEnd.minor - gcAtStart.minor, ms: gcAtEnd.ms - gcAtStart.ms },
    concurrency,
    files: latencies.size,
    bytes,
    elapsedMs,
    latencies: latencies.sorted(),
    cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    cpuMs: (cpu.user + cpu.system) / 1000,
    failed,
    errors,
    rss,
  };
}

const mbPerS = (pass: Pass) => pass.bytes / MIB / (pass.elapsedMs / 1000);
/** CPU ms per MB moved: what a pass costs, much less swayed than MB/s by other processes taking the CPU. */
const cpuPerMb = (pass: Pass) => pass.cpuMs / (pass.bytes / MIB);
const filesPerS = (pass: Pass) => pass.files / (pass.elapsedMs / 1000);

/* ---------------------------------------------------------------------------------------------------------- */
/* Temporary files, the scratch database, the API                                                              */

/** The scratch database to drop if the watchdog gives up on the run. */
let dropOnGiveUp: (() => Promise<void>) | null = null;

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface Database {
  url: string;
  describe: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file in `dir`, or a scratch database on the PostgreSQL server of BENCH_DATABASE_URL. */
async function openScratchDatabase(dir: string): Promise<Database> {
  const serverUrl = settings.databaseUrl;
  if (!serverUrl) {
    const file = join(dir, 'bench.sqlite');
    return { url: `sqlite:${file}`, describe: `SQLite file ${file}, documents as files beside it`, drop: async () => undefined };
  }
  if (!/^postgres(ql)?:\/\//.test(serverUrl)) throw new Error(`BENCH_DATABASE_URL="${serverUrl}" is not a postgres:// URL`);
  const name = `kt_bench_docs_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  log(`created database ${name} (${redactUrl(url.toString())})`);
  let dropped = false;
  return {
    url: url.toString(),
    describe: `PostgreSQL scratch database ${name} on ${redactUrl(serverUrl)}, documents as 1 MiB chunks in it`,
    async drop() {
      if (dropped) return;
      dropped = true;
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      log(`dropped database ${name}`);
    },
  };
}

function benchConfig(databaseUrl: string, documentsDir: string): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `kt-bench-docs-${randomBytes(4).toString('hex')}`,
    REDIS_URL: process.env.REDIS_URL,
    DOCUMENTS_DIR: documentsDir,
    DOCUMENT_MAX_BYTES: String(MAX_BYTES),
    REQUIRED_DOCUMENTS: 'false',
  });
}

interface Api {
  app: INestApplication;
  config: AppConfig;
  target: Target;
  drafter: string;
  /**
   * One proposal in drafting per lane (so its drafter may add documents): the files of lane k go to proposal k.
   * Not one for all: on PostgreSQL two attachments to one dossier at the same moment conflict (see sameDossier).
   */
  proposals: string[];
}

async function startApi(config: AppConfig): Promise<Api> {
  const app = await within('API start-up (migrations, DI)', 120_000, createApiApp(config, { logger: false }));
  try {
    await app.listen(0, '127.0.0.1');
    const target = targetOf(app.getHttpServer() as Server, settings.concurrency);
    const admin = pipelineTokens('none', config.jwtSecret).admin;
    const unit = await postJson<{ id: string }>(target, '/api/units', admin, { code: 'BENCHDOCS', name: 'Đơn vị đo hiệu năng hồ sơ' });
    const campaign = await postJson<{ id: string }>(target, '/api/campaigns', admin, BENCH_CAMPAIGN);
    const { drafter } = pipelineTokens(unit.id, config.jwtSecret);
    const proposals: string[] = [];
    for (let lane = 0; lane < settings.concurrency; lane++) {
      proposals.push((await postJson<{ id: string }>(target, '/api/proposals', drafter, draftFor(unit.id, campaign.id, lane))).id);
    }
    return { app, config, target, drafter, proposals };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The floors: the same bytes, the same client, nothing of the application                                     */

/** Writes file `file` to `dir` as stageUpload writes an upload: through sha256, into fs.createWriteStream. */
async function writeToDisk(dir: string, file: number): Promise<number> {
  const sink = createWriteStream(join(dir, `file-${file}`), { flags: 'wx' });
  const hash = createHash('sha256');
  const write = writeTo(sink);
  const closed = new Promise<void>((resolve, reject) => {
    sink.once('close', resolve);
    sink.once('error', reject);
  });
  await pumpFile(file, (chunk) => {
    hash.update(chunk);
    return write(chunk);
  });
  sink.end();
  await closed;
  hash.digest('hex');
  return FILE_BYTES;
}

/** POST anything: the whole body (multipart envelope included) is hashed and counted, the answer says so. */
function hashingServer(): Server {
  return createServer((request, response) => {
    const hash = createHash('sha256');
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    request.on('end', () => {
      const body = JSON.stringify({ id: 'floor', size, sha256: hash.digest('hex') });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
}

/** GET /files/<n>: the disk floor's file n, read as FileBlobStore reads a document (256 KiB at a time). */
function fileServer(dir: string): Server {
  return createServer((request, response) => {
    const file = /^\/files\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': FILE_BYTES });
    createReadStream(join(dir, `file-${file}`), { highWaterMark: 256 * 1024 })
      .on('error', (error) => response.destroy(error))
      .pipe(response);
  });
}

async function listen(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}

async function closeServer(server: Server, target?: Target): Promise<void> {
  target?.agent.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Report                                                                                                       */


function header(idlePercent: number): string {
  const cpus = os.cpus();
  const busy = idlePercent < 85 ? '  (something else is using the CPU: numbers may be low)' : '';
  return [
    `documents benchmark (upload / download over HTTP), ${new Date().toISOString()}`,
    `command : ${commandLine('bench:documents')}, in ${process.cwd()}`,
    `machine : ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3)} GiB RAM, ` +
      `${os.type()} ${os.release()} ${os.arch()}, node ${process.version}; temp dir ${os.tmpdir()}`,
    `load    : ${fmt(idlePercent, 0)} % of the CPU idle in the second before the start; load average ${loadAverage()} (1/5/15 min)${busy}`,
    `settings: ${settings.files} files of ${settings.fileMb} MB per pass (BENCH_FILES, BENCH_FILE_MB), one at a time then ` +
      `${settings.concurrency} in flight (BENCH_CONCURRENCY); DOCUMENT_MAX_BYTES=${MAX_BYTES}, REQUIRED_DOCUMENTS=false; ` +
      `same-dossier probe ${settings.sameDossierRounds} rounds (BENCH_SAME_DOSSIER_ROUNDS), profile ${settings.profileFiles} files (BENCH_PROFILE_FILES)` +
      `; GC forced before each pass: ${FORCE_GC ? 'yes (BENCH_FORCE_GC=1)' : 'no (BENCH_FORCE_GC=1 to force one)'}` +
      `${FORCE_GC && !globalThis.gc ? '  (but no --expose-gc: nothing to force it with)' : ''}`,
  ].join('\n');
}

const ms = (value: number) => fmt(value, 0);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${fmt(value, 0)}`;

function passRow(pass: Pass | undefined, label: string): string[] {
  if (!pass) return [label, 'not run', '', '', '', '', '', '', '', '', '', ''];
  return [
    label,
    String(pass.concurrency),
    `${pass.files}${pass.failed ? ` (${pass.failed} failed)` : ''}`,
    fmt(pass.elapsedMs / 1000, 1),
    fmt(mbPerS(pass), 0),
    fmt(filesPerS(pass), 2),
    ms(percentile(pass.latencies, 0.5)),
    ms(percentile(pass.latencies, 0.95)),
    fmt(pass.cpuPercent, 0),
    fmt(cpuPerMb(pass), 2),
    `${pass.gc.major} / ${pass.gc.minor}`,
    `${fmt((pass.gc.ms / pass.elapsedMs) * 100, 0)} %`,
  ];
}

function rssRow(pass: Pass | undefined, label: string): string[] {
  if (!pass) return [label, '', '', '', '', ''];
  const { rss } = pass;
  return [
    label,
    `${fmt(rss.startMb, 0)}${rss.forcedGc ? ' (GC)' : ''}`,
    fmt(rss.peakMb, 0),
    fmt(rss.endMb, 0),
    `${signed(rss.peakMb - rss.startMb)} / ${signed(rss.endMb - rss.startMb)}`,
    String(rss.samples),
  ];
}

function floorRow(label: string, ours: Pass | undefined, floor: Pass | undefined): string[] {
  const a = ours ? mbPerS(ours) : Number.NaN;
  const b = floor ? mbPerS(floor) : Number.NaN;
  const cpuOurs = ours ? cpuPerMb(ours) : Number.NaN;
  const cpuFloor = floor ? cpuPerMb(floor) : Number.NaN;
  return [
    label,
    fmt(a, 0),
    fmt(b, 0),
    Number.isFinite(a / b) ? `${fmt((a / b) * 100, 0)} %` : '–',
    fmt(cpuOurs, 2),
    fmt(cpuFloor, 2),
    Number.isFinite(cpuOurs / cpuFloor) ? `${fmt(cpuOurs / cpuFloor, 2)} ×` : '–',
  ];
}

const PROFILE_LABELS: Record<string, string> = {
  busboy: 'busboy (multipart parsing)',
  streamsearch: 'streamsearch (busboy: finding the boundary)',
  'app: other': 'app: libs/documents (staging: sha256, write; inspect) and other libs',
  'app: SQL repositories (libs/persistence)': 'app: libs/persistence (repositories; SqlBlobStore on PostgreSQL)',
  'bench harness (driver, client)': 'bench client (generating bodies, hashing downloads)',
};

function profileTable(title: string, summary: ProfileSummary, bytes: number): string {
  const rows = summary.shares
    .filter((share) => share.percent >= 0.5)
    .map((share) => [PROFILE_LABELS[share.category] ?? share.category, fmt(share.percent, 1), fmt(share.ms / (bytes / MIB), 2)]);
  const rest = summary.shares.filter((share) => share.percent < 0.5).reduce((n, share) => n + share.ms, 0);
  rows.push(['other (each < 0.5 %)', fmt(summary.totalMs ? (rest / summary.totalMs) * 100 : 0, 1), fmt(rest / (bytes / MIB), 2)]);
  rows.push(['total (wall time of the pass)', '100.0', fmt(summary.totalMs / (bytes / MIB), 2)]);
  return table([title, '%', 'ms per MB'], rows);
}

/* ---------------------------------------------------------------------------------------------------------- */

interface Results {
  database: string;
  uploads: Pass[];
  downloads: Pass[];
  floors: { disk: Pass[]; httpUp: Pass[]; httpDown: Pass[] };
  profile: { upload: { summary: ProfileSummary; pass: Pass }; download: { summary: ProfileSummary; pass: Pass } } | null;
  sameDossier: SameDossier | null;
  notes: string[];
  problems: string[];
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

interface SameDossier {
  rounds: number;
  attempts: number;
  /** By status: 201, 409 …; or the error's message for a request that got no answer. */
  outcomes: Map<string, number>;
  example: string | null;
}

/**
 * What several people (or one browser tab sending several files at once) meet when they add documents to the
 * same dossier at the same moment: each round sends `concurrency` files together to one proposal.
 */
async function sameDossier(api: Api, files: number[], path: string): Promise<SameDossier> {
  const outcomes = new Map<string, number>();
  let example: string | null = null;
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  for (let at = 0; at < files.length; at += settings.concurrency) {
    const round = files.slice(at, at + settings.concurrency);
    await Promise.all(
      round.map(async (file) => {
        try {
          await upload(api.target, path, api.drafter, file, 201);
          count('201');
        } catch (error) {
          const message = describeError(error);
          const status = / answered (\d{3}):/.exec(message)?.[1];
          count(status ?? message.slice(0, 80));
          example ??= message;
        }
      }),
    );
  }
  return { rounds: Math.ceil(files.length / settings.concurrency), attempts: files.length, outcomes, example };
}

async function measure(results: Results): Promise<void> {
  const n = settings.files;
  const c = settings.concurrency;
  const root = tempDir('documents');
  const documentsDir = join(root, 'documents');
  const floorDir = join(root, 'floor');
  mkdirSync(floorDir);
  const database = await openScratchDatabase(root);
  dropOnGiveUp = () => database.drop();
  results.database = database.describe;
  try {
    const config = benchConfig(database.url, documentsDir);
    const api = await startApi(config);
    try {
      results.notes.push(
        `API: createApiApp on ${config.database.kind}, DOCUMENT_STORAGE=${config.documents.storage}, documents folder ${config.documents.directory}; ` +
          `${api.proposals.length} proposals in drafting, one per lane in flight; every file attached as kind "khac" by the unit's drafter`,
      );
      const documentsOf = (proposalId: string) => `/api/proposals/${proposalId}/documents`;
      const answers = new Map<number, Uploaded & { path: string }>();
      const uploadOne = async (file: number, lane: number) => {
        const path = documentsOf(api.proposals[lane]);
        const uploaded = await upload(api.target, path, api.drafter, file, 201);
        if (uploaded.size !== FILE_BYTES) throw new Error(`the answer says ${uploaded.size} bytes, ${FILE_BYTES} were sent`);
        answers.set(file, { ...uploaded, path: `${path}/${uploaded.id}` });
        return FILE_BYTES;
      };
      const downloadOne = async (file: number) => {
        const uploaded = answers.get(file);
        if (!uploaded) throw new Error('was not uploaded');
        const got = await download(api.target, uploaded.path, api.drafter);
        if (got.sha256 !== uploaded.sha256 || got.size !== uploaded.size) {
          throw new Error(`came back as ${got.size} bytes sha256 ${got.sha256}, uploaded as ${uploaded.size} bytes sha256 ${uploaded.sha256}`);
        }
        return got.size;
      };

      // Files 0 … N-1 one at a time, N … 2N-1 with C in flight; the warm-up and profile files come after them.
      const sequential = range(0, n);
      const concurrent = range(n, n);
      const warmup = range(2 * n, Math.min(2, c));
      log(`warm-up: ${warmup.length} uploads and downloads (not counted)`);
      await runPass('warm-up', warmup, warmup.length, uploadOne, true);
      await runPass('warm-up', warmup, warmup.length, downloadOne, true);

      log(`uploading ${n} files of ${settings.fileMb} MB one at a time`);
      results.uploads.push(await runPass('upload, 1 in flight', sequential, 1, uploadOne));
      log(`uploading ${n} files of ${settings.fileMb} MB, ${c} in flight`);
      results.uploads.push(await runPass(`upload, ${c} in flight`, concurrent, c, uploadOne));
      log(`downloading the first ${n} one at a time`);
      results.downloads.push(await runPass('download, 1 in flight', sequential, 1, downloadOne));
      log(`downloading the other ${n}, ${c} in flight`);
      results.downloads.push(await runPass(`download, ${c} in flight`, concurrent, c, downloadOne));

      // The client's own bytes against the server's word, for a few files (not timed).
      const checked = [0, n - 1, n, 2 * n - 1].filter((file, i, all) => all.indexOf(file) === i && answers.has(file));
      for (const file of checked) {
        const expected = await expectedSha256(file);
        if (answers.get(file)!.sha256 !== expected) results.problems.push(`file ${file}: the server hashed ${answers.get(file)!.sha256}, the bytes sent hash to ${expected}`);
      }
      const hashes = new Set([...answers.values()].map((answer) => answer.sha256));
      const dataSource = api.app.get(DataSource);
      const [row] = (await dataSource.query('SELECT COUNT(*) AS n, COUNT(DISTINCT sha256) AS d FROM proposal_documents')) as { n: number | string; d: number | string }[];
      let stored = `${row.n} rows in proposal_documents, ${row.d} distinct hashes`;
      if (config.database.kind === 'postgres') {
        const [size] = (await dataSource.query('SELECT pg_database_size(current_database()) AS bytes')) as { bytes: string }[];
        stored += `; database size ${fmt(Number(size.bytes) / MIB, 0)} MB`;
      }
      results.notes.push(
        `check: ${answers.size} uploads answered, ${hashes.size} distinct sha256; every download hashed to its upload's answer; ` +
          `the bytes of files ${checked.join(', ')} regenerated here hash to what the server answered; ${stored}`,
      );

      let nextFile = 2 * n + warmup.length;
      if (settings.sameDossierRounds > 0) {
        const files = range(nextFile, settings.sameDossierRounds * c);
        nextFile += files.length;
        log(`same dossier: ${settings.sameDossierRounds} rounds of ${c} uploads at once to one proposal`);
        results.sameDossier = await sameDossier(api, files, documentsOf(api.proposals[0]));
      }

      if (settings.profileFiles > 0) {
        const files = range(nextFile, settings.profileFiles);
        log(`profile: ${files.length} more uploads and downloads, ${c} in flight, under the V8 profiler`);
        const up = await profileByCategory(() => runPass('profile upload', files, c, uploadOne, true), 'bench-documents-upload', 500);
        const down = await profileByCategory(() => runPass('profile download', files, c, downloadOne, true), 'bench-documents-download', 500);
        results.profile = { upload: { summary: up.profile, pass: up.result }, download: { summary: down.profile, pass: down.result } };
      }
    } finally {
      api.target.agent.destroy();
      await within('closing the API', 60_000, api.app.close());
    }
  } finally {
    await database.drop();
    dropOnGiveUp = null;
    // 2 × N files in the store: gone before the floors write theirs.
    rmSync(documentsDir, { recursive: true, force: true });
  }

  // The floors, on the same file system (the temp dir) with the same client and bytes.
  log(`floor: writing the same ${2 * n} files to disk (createWriteStream + sha256)`);
  results.floors.disk.push(await runPass('disk, 1 in flight', range(0, n), 1, (file) => writeToDisk(floorDir, file)));
  results.floors.disk.push(await runPass(`disk, ${c} in flight`, range(n, n), c, (file) => writeToDisk(floorDir, file)));

  const hashing = hashingServer();
  await listen(hashing);
  const hashingTarget = targetOf(hashing, c);
  try {
    log(`floor: uploading the same ${2 * n} files to a bare node:http server that hashes them`);
    const floorUpload = async (file: number) => {
      const { size } = await upload(hashingTarget, '/upload', 'floor', file, 200);
      if (size !== multipart(file).length) throw new Error(`the floor server counted ${size} bytes, ${multipart(file).length} were sent`);
      return FILE_BYTES;
    };
    await runPass('warm-up', range(0, Math.min(2, c)), Math.min(2, c), floorUpload, true);
    results.floors.httpUp.push(await runPass('http upload floor, 1 in flight', range(0, n), 1, floorUpload));
    results.floors.httpUp.push(await runPass(`http upload floor, ${c} in flight`, range(n, n), c, floorUpload));
  } finally {
    await closeServer(hashing, hashingTarget);
  }

  const files = fileServer(floorDir);
  await listen(files);
  const filesTarget = targetOf(files, c);
  try {
    log(`floor: downloading them back from a bare node:http server streaming them from disk`);
    const floorDownload = async (file: number) => {
      const got = await download(filesTarget, `/files/${file}`, 'floor');
      if (got.size !== FILE_BYTES) throw new Error(`came back as ${got.size} bytes`);
      return got.size;
    };
    results.floors.httpDown.push(await runPass('http download floor, 1 in flight', range(0, n), 1, floorDownload));
    results.floors.httpDown.push(await runPass(`http download floor, ${c} in flight`, range(n, n), c, floorDownload));
  } finally {
    await closeServer(files, filesTarget);
    removeTempDir(root);
  }
}

async function main(): Promise<void> {
  const started = now();
  process.stdout.write(`${header(await machineIdlePercent())}\n\n`);
  const results: Results = {
    database: '',
    uploads: [],
    downloads: [],
    floors: { disk: [], httpUp: [], httpDown: [] },
    profile: null,
    sameDossier: null,
    notes: [],
    problems: [],
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`\n[bench:documents] still running after ${settings.budgetMs / 1000} s (BENCH_TIMEOUT_S): giving up.\n`);
    // The temp dirs go with the 'exit' handler; a scratch database is dropped first, if that is quick.
    void within('dropping the scratch database', 10_000, dropOnGiveUp?.() ?? Promise.resolve())
      .catch((error: unknown) => log(`could not drop the scratch database: ${describeError(error)}`))
      .finally(() => process.exit(3));
  }, settings.budgetMs);
  watchdog.unref();
  try {
    await measure(results);
  } catch (error) {
    results.problems.push(`FAILED: ${describeError(error)}`);
    log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    clearTimeout(watchdog);
  }

  const c = settings.concurrency;
  const all = [...results.uploads, ...results.downloads, ...results.floors.disk, ...results.floors.httpUp, ...results.floors.httpDown];
  for (const pass of all) {
    for (const error of pass.errors) results.problems.push(`${pass.label}: ${error}`);
  }
  const [up1, upC] = results.uploads;
  const [down1, downC] = results.downloads;
  const [disk1, diskC] = results.floors.disk;
  const [httpUp1, httpUpC] = results.floors.httpUp;
  const [httpDown1, httpDownC] = results.floors.httpDown;

  const lines: string[] = [
    `database: ${results.database}`,
    '',
    table(
      ['pass', 'in flight', 'files', 'time s', 'MB/s', 'files/s', 'p50 ms', 'p95 ms', 'node CPU %', 'CPU ms/MB', 'GCs full / young', 'in GC'],
      [
        passRow(up1, 'upload (API)'),
        passRow(upC, 'upload (API)'),
        passRow(down1, 'download (API)'),
        passRow(downC, 'download (API)'),
        passRow(disk1, 'floor: disk write + sha256'),
        passRow(diskC, 'floor: disk write + sha256'),
        passRow(httpUp1, 'floor: bare http, hash body'),
        passRow(httpUpC, 'floor: bare http, hash body'),
        passRow(httpDown1, 'floor: bare http, file back'),
        passRow(httpDownC, 'floor: bare http, file back'),
      ],
    ),
    '',
    table(
      ['RSS MB during the pass', 'start', 'peak', 'end', 'growth peak / end', 'samples'],
      [
        rssRow(up1, 'upload, 1 in flight'),
        rssRow(upC, `upload, ${c} in flight`),
        rssRow(down1, 'download, 1 in flight'),
        rssRow(downC, `download, ${c} in flight`),
      ],
    ),
    '',
    table(
      ['ours vs its floor', 'ours MB/s', 'floor MB/s', 'ours / floor', 'ours CPU ms/MB', 'floor CPU ms/MB', 'CPU ours / floor'],
      [
        floorRow('upload, 1 in flight vs disk write + sha256', up1, disk1),
        floorRow(`upload, ${c} in flight vs disk write + sha256`, upC, diskC),
        floorRow('upload, 1 in flight vs bare http hashing', up1, httpUp1),
        floorRow(`upload, ${c} in flight vs bare http hashing`, upC, httpUpC),
        floorRow('download, 1 in flight vs bare http from disk', down1, httpDown1),
        floorRow(`download, ${c} in flight vs bare http from disk`, downC, httpDownC),
      ],
    ),
    '',
    `MB = 2^20 bytes; each file ${settings.fileMb} MB; time, MB/s and files/s over the whole pass; p50/p95 = one file's request, start to answer (to last byte for downloads).`,
    'node CPU % = CPU time of this process (all threads: the JS thread, libuv workers, GC) over the pass, 100 = one core; CPU ms/MB = that CPU time per MB moved (client and server together).',
    'GCs full / young = mark-compacts / scavenges during the pass; in GC = their time over the pass. Many full GCs = the pass ran in the mark-compact storm described above FORCE_GC in apps/bench/src/documents.bench.ts.',
    `RSS sampled every ${RSS_EVERY_MS} ms from the start of each pass to its end; ` +
      (FORCE_GC
        ? 'start after a forced GC (BENCH_FORCE_GC=1: the HTTP figures are then about halved, see FORCE_GC in apps/bench/src/documents.bench.ts).'
        : 'no GC forced before the start (BENCH_FORCE_GC=1 to force one: it halves the HTTP figures on Node 20, see FORCE_GC in apps/bench/src/documents.bench.ts).') +
      ' The client runs in the same process and holds at most 2 × 256 KiB per file in flight.',
    'Clients: node:http in this process (keep-alive agent, one socket per file in flight); the server and the client share the one JS thread, in the floors as in ours.',
    'floor: disk = fs.createWriteStream + sha256 of the same bytes in the same temp dir; bare http hash body = the same multipart bodies to a node:http server that only hashes them; ' +
      'bare http file back = a node:http server streaming the disk floor’s files (createReadStream, 256 KiB) to the same hashing client.',
    ...results.notes,
  ];
  const same = results.sameDossier;
  if (same) {
    const outcomes = [...same.outcomes].map(([key, n]) => `${n} × ${key}`).join(', ');
    const conflicts = same.attempts - (same.outcomes.get('201') ?? 0);
    lines.push(
      `same dossier: ${same.rounds} rounds of ${c} uploads of ${settings.fileMb} MB sent together to one proposal: ${outcomes}` +
        (conflicts ? `; REFUSED ${conflicts} of ${same.attempts}, after their bytes were received and stored. First refusal: ${same.example}` : ''),
    );
  }
  if (results.profile) {
    const { upload: up, download: down } = results.profile;
    lines.push(
      '',
      `where the time goes: ${up.pass.files} more uploads then downloads, ${c} in flight, under the V8 sampler (500 µs) ` +
        `(uploads ${fmt(mbPerS(up.pass), 0)} MB/s, downloads ${fmt(mbPerS(down.pass), 0)} MB/s while profiled); ` +
        'native work (sha256, socket and file writes, SQLite) is charged to the JS frame that called it; idle = the JS thread waited:',
      '',
      profileTable('upload: JS thread', up.summary, up.pass.bytes),
      '',
      profileTable('download: JS thread', down.summary, down.pass.bytes),
    );
  }
  const beforeGc = process.memoryUsage();
  globalThis.gc?.();
  const afterGc = process.memoryUsage();
  lines.push(
    '',
    `memory at the end (API closed, servers closed): RSS ${fmt(beforeGc.rss / MIB, 0)} MB` +
      (globalThis.gc ? `, ${fmt(afterGc.rss / MIB, 0)} MB after a forced GC (heap used ${fmt(afterGc.heapUsed / MIB, 0)} MB)` : ' (no --expose-gc: no forced GC)'),
    `whole run ${fmt((now() - started) / 1000, 1)} s; load average at the end: ${loadAverage()} (1/5/15 min)`,
  );
  if (results.problems.length) lines.push('', 'PROBLEMS:', ...results.problems.map((problem) => `  ${problem}`));
  lines.push('', `reproduce: cd ${process.cwd()} && npx tsc -p tsconfig.build.json && ${commandLine('bench:documents')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (results.problems.length) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`[bench:documents] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
