import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { childEnv, deleteKeysOfPrefix, dist, freePort, ROOT, startUntil, tempDir, uniquePrefix } from './operators-support.js';

/** docker-compose.yml as data: js-yaml where node_modules has it, else Python's yaml. */
function readCompose(): any {
  const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  try {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
    return yaml.load(text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return JSON.parse(execFileSync('python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: text, encoding: 'utf8' }));
  }
}

/**
 * ISSUE: in docker-compose.yml the worker started as soon as the API's container did (before its migrations),
 * nothing restarted a crashed process, and nothing told Docker whether the API answered.
 */
describe('docker-compose.yml: health, restarts and start order', () => {
  const compose = readCompose();
  const services = compose.services as Record<string, any>;

  it('parses, and every service restarts unless stopped', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    for (const [name, service] of Object.entries(services)) expect([name, service.restart]).toEqual([name, 'unless-stopped']);
  });

  it('the worker starts once the API is healthy; the API once Redis and PostgreSQL are', () => {
    expect(services.worker.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(services.api.depends_on).toEqual({ redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    expect(services.api.healthcheck).toMatchObject({ interval: expect.any(String), retries: expect.any(Number), start_period: expect.any(String) });
  });

  describe("the API's healthcheck command, run against the built API", () => {
    const dir = tempDir('health');
    const prefix = uniquePrefix('health');
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await deleteKeysOfPrefix(prefix);
    });

    it('exits 0 while the API answers GET /health, and 1 when nothing answers', async () => {
      const [kind, program, ...args] = services.api.healthcheck.test as string[];
      expect([kind, program]).toEqual(['CMD', 'node']);
      expect(args.join(' ')).toContain('http://127.0.0.1:3000/health');
      const port = await freePort();
      const onPort = (p: number) => args.map((arg) => arg.replace('127.0.0.1:3000', `127.0.0.1:${p}`));

      const api = await startUntil(
        dist('apps/api/src/main.js'),
        childEnv({ PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'app.sqlite')}`, QUEUE_PREFIX: prefix }),
        /Listening on http:\/\/localhost:/,
      );
      try {
        expect(await runNodeInline(onPort(port))).toBe(0);
      } finally {
        await api.stop();
      }
      expect(await runNodeInline(onPort(port))).toBe(1);
    }, 60_000);
  });
});

/** `node -e <code>` exactly as the healthcheck's CMD runs it: the exit status. */
function runNodeInline(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore', env: childEnv() });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Nest's conventions: nest-cli.json in monorepo mode builds with tsc from tsconfig.build.json, so that
 * `npx nest build` writes the very files npm start, the scripts and the Dockerfile run.
 */
describe('nest-cli.json', () => {
  const nest = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'));
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');

  it('is a monorepo built by tsc from tsconfig.build.json, never webpack, never deleting dist', () => {
    expect(nest.monorepo).toBe(true);
    expect(nest.compilerOptions).toMatchObject({ builder: 'tsc', webpack: false, tsConfigPath: 'tsconfig.build.json', deleteOutDir: false });
    // With tsconfig.json's "paths" in the build config, nest build would rewrite #aliases into relative .ts imports.
    const build = readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8');
    expect(build).toMatch(/"paths":\s*\{\s*\}/);
  });

  it('runs, for each application, the file that npm scripts, the Dockerfile and docker-compose.yml run', () => {
    // Where `nest start <app>` runs it: <outDir>/<sourceRoot>/<entryFile>.js.
    const output = (app: string) => `dist/${nest.projects[app].sourceRoot}/${nest.projects[app].entryFile}.js`;
    expect(output('standalone')).toBe('dist/apps/standalone/src/main.js');
    expect(scripts.start).toContain(`node ${output('standalone')}`);
    expect(scripts['start:api']).toContain(`node ${output('api')}`);
    expect(scripts['start:worker']).toContain(`node ${output('worker')}`);
    expect(dockerfile).toContain(`CMD ["node", "${output('api')}"]`);
    expect(composeText).toContain(`["node", "${output('worker')}"]`);
    expect(output('cli')).toBe('dist/apps/cli/src/audit.command.js');
    for (const [name, project] of Object.entries(nest.projects as Record<string, { sourceRoot: string; entryFile: string; type: string }>)) {
      expect([name, existsSync(join(ROOT, project.sourceRoot, `${project.entryFile}.ts`))]).toEqual([name, true]);
      if (project.type === 'application') expect([name, existsSync(join(ROOT, output(name)))]).toEqual([name, true]);
    }
  });
});
