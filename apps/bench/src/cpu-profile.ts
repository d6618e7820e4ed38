import { mkdirSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Samples the V8 CPU profiler while `work` runs and says which code the time went to, by package. A sample
 * is charged to the nearest frame (from the leaf up) that belongs to a package or to the application; Node's
 * own internals and native functions are transparent, so hashing is charged to its caller in libs/audit and
 * JSON.parse to the repository that parses. better-sqlite3 runs statements in C++ API callbacks, which V8
 * charges as self time to their JS caller, TypeORM's BetterSqlite3QueryRunner.query (whose own JS is a few
 * lines): that self time is SQLite itself. Native socket writes get their own line: on loopback TCP the
 * kernel delivers to the receiver inside the sender's write call.
 */

export interface ProfileShare {
  category: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  samples: number;
  shares: ProfileShare[];
}

const RULES: [RegExp, string][] = [
  [/\/node_modules\/xstate\//, 'XState'],
  [/\/node_modules\/typeorm\//, 'TypeORM'],
  [/\/node_modules\/better-sqlite3\//, 'better-sqlite3 (JS)'],
  [/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|pg-connection-string|postgres-[a-z]+)\//, 'pg driver'],
  [/\/node_modules\/(jsonwebtoken|jws|jwa|safe-buffer|buffer-equal-constant-time|ecdsa-sig-formatter|semver)\//, 'jsonwebtoken (+jws, jwa)'],
  [/\/node_modules\/@nestjs\//, 'NestJS'],
  [/\/node_modules\/class-validator\//, 'class-validator'],
  [/\/node_modules\/class-transformer\//, 'class-transformer'],
  [/\/node_modules\/(express|router|body-parser|raw-body|type-is|content-type|finalhandler|send|etag|fresh|qs|iconv-lite|on-finished|depd|debug|ms|mime-types|accepts|negotiator|path-to-regexp|parseurl|proxy-addr|statuses|http-errors|cookie|vary|media-typer|encodeurl|escape-html|range-parser|merge-descriptors|utils-merge|forwarded|ipaddr\.js|setprototypeof|inherits|toidentifier|bytes|unpipe|ee-first|destroy|cookie-signature|content-disposition|serve-static|safer-buffer|side-channel[a-z-]*|call-bind[a-z-]*|get-intrinsic|es-[a-z-]+|has-[a-z-]+|function-bind|gopd|hasown|object-inspect|math-intrinsics|dunder-proto|call-bound|once|wrappy|is-promise)\//, 'Express (+ its deps)'],
  [/\/node_modules\/rxjs\//, 'rxjs (Nest interceptors)'],
  [/^node:internal\/deps\/undici\//, 'fetch client (built-in undici)'],
  [/\/dist\/libs\/audit\//, 'app: eventHash (libs/audit)'],
  [/\/dist\/libs\/persistence\//, 'app: SQL repositories (libs/persistence)'],
  [/\/dist\/libs\/proposals\//, 'app: use cases + view (libs/proposals)'],
  [/\/dist\/workflows\//, 'app: machine helpers + guards (workflows)'],
  [/\/dist\/libs\/auth\//, 'app: libs/auth'],
  [/\/dist\/apps\/api\//, 'app: controllers, guard, filter (apps/api)'],
  [/\/dist\/apps\/bench\//, 'bench harness (driver, client)'],
  [/\/dist\//, 'app: other'],
];

const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String']);

function categoryOf(url: string): string | null {
  if (!url || (url.startsWith('node:') && !url.startsWith('node:internal/deps/undici/'))) return null;
  for (const [pattern, name] of RULES) if (pattern.test(url)) return name;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return pkg ? pkg[1] : null;
}

function summarise(profile: Profiler.Profile): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const cache = new Map<number, string>();
  const classify = (leafId: number): string => {
    const cached = cache.get(leafId);
    if (cached) return cached;
    const leaf = nodes.get(leafId)!;
    const name = leaf.callFrame.functionName;
    let category: string;
    if (name === '(garbage collector)') category = 'GC';
    else if (name === '(idle)') category = 'idle (waiting for I/O)';
    else if (name === '(program)') category = 'V8 / native, unattributed';
    else if (leaf.callFrame.url === '' && SOCKET_WRITES.has(name)) category = 'socket writes (syscalls)';
    else if (leaf.callFrame.functionName === 'query' && /better-sqlite3\/BetterSqlite3QueryRunner\.js$/.test(leaf.callFrame.url)) {
      category = 'SQLite engine (native, via better-sqlite3)';
    } else {
      category = 'Node internals (event loop, http, net, streams)';
      for (let id: number | undefined = leafId; id !== undefined; id = parent.get(id)) {
        const found = categoryOf(nodes.get(id)!.callFrame.url);
        if (found) {
          const leafIsNative = leaf.callFrame.url === '';
          category = leafIsNative && (found === 'TypeORM' || found === 'better-sqlite3 (JS)') ? 'SQLite engine (native, via better-sqlite3)' : found;
          break;
        }
      }
    }
    cache.set(leafId, category);
    return category;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byCategory = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the gap after it.
    const us = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    const category = classify(samples[i]);
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
    totalUs += us;
  }
  const shares = [...byCategory]
    .map(([category, us]) => ({ category, ms: us / 1000, percent: totalUs ? (us / totalUs) * 100 : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: totalUs / 1000, samples: samples.length, shares };
}

/**
 * Runs `work` under the V8 sampling profiler and hands back the raw profile. `saveAs`: when
 * BENCH_PROFILE_DIR is set, the profile is also written there as <saveAs>.cpuprofile (Chrome DevTools).
 */
export async function recordCpuProfile<T>(
  work: () => Promise<T>,
  saveAs: string,
  intervalUs = 250,
): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    let result: T;
    let profile: Profiler.Profile;
    try {
      result = await work();
    } finally {
      profile = (await session.post('Profiler.stop')).profile;
      await session.post('Profiler.disable');
    }
    const dir = process.env.BENCH_PROFILE_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${saveAs}.cpuprofile`), JSON.stringify(profile));
    }
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** The time of `work`, by package (see the top of this file). */
export async function profileByCategory<T>(
  work: () => Promise<T>,
  saveAs: string,
  intervalUs = 250,
): Promise<{ result: T; profile: ProfileSummary }> {
  const { result, profile } = await recordCpuProfile(work, saveAs, intervalUs);
  return { result, profile: summarise(profile) };
}
