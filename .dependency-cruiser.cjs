/**
 * The house rules of docs/architecture.md, checked on every `npm test`: apps import libs, never the reverse; the machine
 * and the pure libraries import no framework; use cases know no database or queue.
 */
const PURE = '^(workflows|libs/(kernel|audit|rules|calendar|documents|forms))/';
const FRAMEWORKS = '^node_modules/(@nestjs|typeorm|bullmq|ioredis|express|pg|better-sqlite3)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'libs-do-not-import-apps',
      comment: 'Libraries are used by applications, never the other way round.',
      severity: 'error',
      from: { path: '^(libs|workflows)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pure-code-imports-no-framework',
      comment: 'The machine, the kernel, the audit chain, the rulebook, the calendar, the documents and the forms know no framework.',
      severity: 'error',
      // audit.module.ts is the audit library's one Nest file (wiring only), as proposals.module.ts is theirs.
      from: { path: PURE, pathNot: '(\\.spec|audit\\.module)\\.ts$' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'workflows-import-only-xstate-and-pure-libs',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: '^node_modules/xstate/' },
    },
    {
      name: 'workflows-import-only-pure-libs',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^libs/', pathNot: '^libs/(kernel|rules|calendar)/' },
    },
    {
      name: 'use-cases-know-no-storage-or-queue',
      comment:
        'libs/proposals talks to ports; only its Nest module file may import Nest. Of libs/queue it may import job-contracts.ts ' +
        '(the job registry\'s types, importing nothing), so that outbox messages are typed against the registry.',
      severity: 'error',
      from: { path: '^libs/proposals/', pathNot: '(proposals\\.module|\\.spec)\\.ts$' },
      to: {
        path: '^(node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|better-sqlite3)|libs/(persistence|queue)/)',
        pathNot: '^libs/queue/src/job-contracts\\.ts$',
      },
    },
    {
      name: 'notices-know-no-storage-or-queue',
      comment: 'libs/notifications talks to ports; only its Nest module file knows Nest, and its adapters the transports (HTTP, SMTP, Redis).',
      severity: 'error',
      from: { path: '^libs/notifications/', pathNot: '(notifications\\.module|\\.spec)\\.ts$|/adapters/' },
      to: { path: '^(node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|better-sqlite3)|libs/(persistence|queue)/)' },
    },
    {
      name: 'web-console-imports-only-pure-libs',
      comment: 'The browser gets the pure libraries (rulebook, machine types, calendar types, kernel, HTTP contract) and nothing of the server.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|workflows|apps)/', pathNot: '^(apps/web/|workflows/|libs/(kernel|rules|calendar|contracts)/)' },
    },
    {
      name: 'contracts-import-only-pure-libs',
      comment:
        'libs/contracts is the HTTP contract that the server and the console both import (the console through the rule above): ' +
        'types and a few constants, no package and no Node API; it imports nothing but the pure libraries the browser gets.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(?!(libs/(contracts|kernel|rules|calendar)|workflows)/)' },
    },
    {
      name: 'web-console-imports-no-server-package',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'apps-stay-apart',
      comment: 'Only the standalone launcher (and the benchmark) compose other applications.',
      severity: 'error',
      from: { path: '^apps/(api|worker|cli|web)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'], conditionNames: ['import', 'require', 'node', 'default'] },
    moduleSystems: ['es6'],
  },
};
