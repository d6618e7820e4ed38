import { childEnv, dist, run, runNode } from './operators-support.js';

/** ISSUE: `npm run audit -- --help` printed the usage and exited 2, as if it had been misused. */
describe('audit --help prints the usage and exits 0', () => {
  const AUDIT = dist('apps/cli/src/audit.command.js');
  // No database is opened to print the usage: this one is never created.
  const env = childEnv({ DATABASE_URL: 'sqlite:/nonexistent/kt-ops/never.sqlite' });

  it('npm run audit -- --help', async () => {
    const result = await run('npm', ['run', '-s', 'audit', '--', '--help'], { env, timeoutMs: 180_000 });
    // Nothing on standard error but, when a source changed since the last build, the launcher's note that it built.
    expect(result.stderr.replace(/^Building first .* done in [\d.]+ s\n/, '')).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Audit the proposal log/);
    expect(result.stdout).toContain('npm run audit -- verify');
  }, 200_000);

  it.each([[['--help']], [['-h']], [['help']], [['verify', '--help']], [['export', '--format', 'csv', '-h']]])('audit %j', async (args) => {
    const result = await runNode(AUDIT, args, { env });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Audit the proposal log/);
  });

  it('audit with nothing asked prints the usage on standard error and exits 2', async () => {
    const result = await runNode(AUDIT, [], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Audit the proposal log/);
  });

  it('a malformed line is one line naming the problem, not a stack trace', async () => {
    const result = await runNode(AUDIT, ['verify', '--json', 'true', 'stray'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('Unexpected argument "stray". Run npm run audit -- --help');
  });

  it('an unknown command is one line, said before any database is opened', async () => {
    const result = await runNode(AUDIT, ['verfy'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('Unknown command "verfy". Run npm run audit -- help');
  });

  it('npm run demo -- --help prints its usage and fills nothing', async () => {
    const result = await runNode(dist('apps/cli/src/demo.command.js'), ['--help'], { env });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Fills an empty database/);
  });
});
