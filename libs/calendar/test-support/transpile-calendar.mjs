// Test support for tz-independence.spec.ts: turns the calendar (and the kernel it imports) into plain ESM
// JavaScript in a scratch directory, with TypeScript's own transpiler, so that a child `node` can run the
// real source under another TZ without a build and without extra packages.
// Usage: node transpile-calendar.mjs <repoRoot> <outDir>
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const [repoRoot, outDir] = process.argv.slice(2);
if (!repoRoot || !outDir) throw new Error('usage: node transpile-calendar.mjs <repoRoot> <outDir>');

const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, useDefineForClassFields: false, sourceMap: false };

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

for (const lib of ['libs/calendar/src', 'libs/kernel/src']) {
  for (const file of walk(join(repoRoot, lib))) {
    const target = join(outDir, relative(repoRoot, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) cpSync(file, target);
    else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
    }
  }
}
writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module', imports: { '#kernel': './libs/kernel/src/index.js' } }));
console.log(join(outDir, 'libs/calendar/src/index.js'));
