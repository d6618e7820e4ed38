import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository explains itself: its documentation is in docs/, and no file leans on notes kept outside it.
 *
 * The files walked are the repository's own: what git tracks, plus what it would add (untracked files that no
 * .gitignore excludes), so that a document written today is checked before it is committed. Without git (an
 * export of the tree) the tree is walked instead, leaving out what .gitignore leaves out.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const toPosix = (path: string) => path.split(sep).join('/');
const SELF = toPosix(relative(ROOT, fileURLToPath(import.meta.url)));

/** Not the project's: dependencies, build output, local data. The fallback walk skips them. */
const NOT_SOURCE = new Set(['.git', 'node_modules', 'dist', 'data', 'coverage', '.bench', 'test-results']);

function repositoryFiles(): string[] {
  let listed: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    listed = out.split('\0').filter(Boolean);
  } catch {
    listed = walk('');
  }
  // A tracked file deleted in the working tree has nothing left to say.
  return [...new Set(listed)].filter((path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile()).sort();
}

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return NOT_SOURCE.has(entry.name) ? [] : walk(path);
    return entry.isFile() && !/\.sqlite(-\w+)?$/.test(entry.name) ? [path] : [];
  });
}

interface TextFile {
  path: string;
  lines: string[];
}

/** Every text file (a NUL byte marks a binary one, which cites nothing). */
function textFiles(paths: string[]): TextFile[] {
  return paths.flatMap((path) => {
    const bytes = readFileSync(join(ROOT, path));
    return bytes.includes(0) ? [] : [{ path, lines: bytes.toString('utf8').split(/\r?\n/) }];
  });
}

const files = repositoryFiles();
const texts = textFiles(files);

/** `where: line` for every line of every file that matches. */
function occurrences(pattern: RegExp, among: TextFile[] = texts): { where: string; match: RegExpExecArray }[] {
  const found: { where: string; match: RegExpExecArray }[] = [];
  for (const file of among) {
    file.lines.forEach((line, index) => {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      for (let match = global.exec(line); match; match = global.exec(line)) found.push({ where: `${file.path}:${index + 1}`, match });
    });
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('walks the repository (and not an empty list)', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', SELF]));
    expect(texts.length).toBeGreaterThan(100);
  });

  it('mentions no design notes kept outside it', () => {
    // Written in pieces, so that this file does not name them either.
    const outside = [['DESIGN', '.md'], ['RULES', '.md'], ['CALENDAR', '.md'], ['..', '/shared'], ['/work', '/shared']].map((p) => p.join(''));
    const escaped = outside.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const hits = occurrences(new RegExp(escaped.join('|')), texts.filter((file) => file.path !== SELF));
    expect(hits.map(({ where, match }) => `${where}: ${match[0]}`)).toEqual([]);
  });

  it('every docs/<name>.md it cites exists', () => {
    const cited = occurrences(/(?<![\w-])docs\/([\w-]+\.md)\b/);
    expect(cited.length).toBeGreaterThan(0);
    const missing = cited.filter(({ match }) => !existsSync(join(ROOT, 'docs', match[1]!)));
    expect(missing.map(({ where, match }) => `${where}: ${match[0]}`)).toEqual([]);
  });

  it('every relative link inside docs/ leads to a file', () => {
    const docs = texts.filter((file) => file.path.startsWith('docs/') && file.path.endsWith('.md'));
    expect(docs.map((file) => file.path)).toEqual(expect.arrayContaining(['docs/README.md', 'docs/architecture.md', 'docs/calendar.md']));
    const broken = docs.flatMap((file) =>
      occurrences(/\]\(([^)\s]+)\)/, [file])
        .map(({ where, match }) => ({ where, target: match[1]! }))
        .filter(({ target }) => !/^([a-z][a-z+.-]*:|#)/i.test(target))
        .filter(({ target }) => !existsSync(join(ROOT, posix.normalize(posix.join(posix.dirname(file.path), target.split('#')[0]!))))),
    );
    expect(broken.map(({ where, target }) => `${where}: ${target}`)).toEqual([]);
  });
});
