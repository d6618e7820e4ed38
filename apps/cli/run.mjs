// `npm run token | demo | audit -- …`: runs the command from dist, building first only when the build is
// older than a source it is made from. Plain JavaScript, so that it runs before anything is compiled.
//
// "Older" compares modification times: the newest of the sources that tsconfig.build.json compiles (apps
// without the web console, libs, workflows: .ts and .json files, and their directories, whose times move when
// a file is added, removed or renamed) and the two tsconfig files, against dist/.tsbuildinfo, which every
// build writes (npm run build, npx nest build, and this launcher, which also dates it to when its own build
// started, so that a source saved during that build still counts as newer). Without tsconfig.build.json (the
// Docker image holds dist alone) there is nothing to build from, and dist runs as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMANDS = { token: 'token.command.js', demo: 'demo.command.js', audit: 'audit.command.js' };
const BUILD_INFO = join(ROOT, 'dist', '.tsbuildinfo');
const LOCK = join(ROOT, 'dist', '.build-lock');
const SOURCE_DIRS = ['apps', 'libs', 'workflows'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];
/** What tsconfig.build.json leaves out (its "exclude"), so that editing a test does not rebuild. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test-support', join('apps', 'web')]);
const SKIPPED_FILE = /\.(spec|e2e-spec|fixtures)\.ts$/;

const [name, ...args] = process.argv.slice(2);
if (!Object.hasOwn(COMMANDS, name ?? '')) {
  console.error(`Usage: node apps/cli/run.mjs <${Object.keys(COMMANDS).join(' | ')}> [arguments…]`);
  process.exit(2);
}
const entry = join(ROOT, 'dist', 'apps', 'cli', 'src', COMMANDS[name]);

/** The newest source: its modification time (ms) and path, or null when no source is here. */
function newestSource() {
  let newest = null;
  const consider = (path, stats) => {
    if (!newest || stats.mtimeMs > newest.mtimeMs) newest = { mtimeMs: stats.mtimeMs, path };
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    consider(dir, statSync(dir));
    for (const dirent of entries) {
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) {
        if (!SKIPPED_DIRS.has(dirent.name) && !SKIPPED_DIRS.has(relative(ROOT, path))) walk(path);
      } else if (/\.(ts|json)$/.test(dirent.name) && !SKIPPED_FILE.test(dirent.name)) {
        consider(path, statSync(path));
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(ROOT, dir));
  for (const file of CONFIG_FILES) {
    const path = join(ROOT, file);
    if (existsSync(path)) consider(path, statSync(path));
  }
  return newest;
}

/** Why a build is needed, or null when dist is current. */
function staleness() {
  if (!existsSync(BUILD_INFO)) return 'no build yet';
  if (!existsSync(entry)) return `${relative(ROOT, entry)} is missing`;
  const source = newestSource();
  const built = statSync(BUILD_INFO).mtimeMs;
  return source && source.mtimeMs > built ? `${relative(ROOT, source.path)} changed since the last build` : null;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One build at a time: a launcher that finds another building waits for it, then looks again. */
function withBuildLock(work) {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const waitUntil = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let abandoned = false;
      try {
        abandoned = !alive(Number(readFileSync(join(LOCK, 'pid'), 'utf8')));
      } catch {
        // No pid yet: just made, or left by a launcher that died at once.
        abandoned = existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 30_000;
      }
      if (abandoned || Date.now() > waitUntil) rmSync(LOCK, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function build(reason) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    if (existsSync(entry)) {
      console.error(`Note: ${reason}, but TypeScript is not installed here (npm ci installs it); running dist as it is.`);
      return;
    }
    console.error(`${relative(ROOT, entry)} is missing and TypeScript is not installed: run npm ci, then npm run build`);
    process.exit(2);
  }
  // A build that thinks it is current writes nothing, so a missing output would stay missing: start afresh.
  if (!existsSync(entry)) rmSync(BUILD_INFO, { force: true });
  const started = new Date();
  process.stderr.write(`Building first (${reason}): tsc -p tsconfig.build.json … `);
  // tsc reports on standard output; here that belongs to the command (TOKEN=$(npm run -s token …)).
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    // tsc writes its output and .tsbuildinfo even with errors; dated back, the next run builds (and says them) again.
    if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, new Date(0), new Date(0));
    console.error(`\nThe build failed (above); ${name} did not run.`);
    process.exit(result.status ?? 2);
  }
  if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, started, started);
  process.stderr.write(`done in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s\n`);
}

if (existsSync(join(ROOT, 'tsconfig.build.json'))) {
  const reason = staleness();
  if (reason) {
    withBuildLock(() => {
      // Another launcher may have built while this one waited.
      const still = staleness();
      if (still) build(still);
    });
  }
} else if (!existsSync(entry)) {
  console.error(`${relative(ROOT, entry)} is missing: build first (npm run build)`);
  process.exit(2);
}

// The command reads its arguments from process.argv.slice(2), as when run with node directly.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
