import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as calendarLib from './index.js';

/**
 * docs/architecture.md: "TZ is not relied on". The calendar runs in child processes under several TZ values (the source,
 * transpiled by TypeScript into a scratch directory) and must give the same answers as here.
 */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SUPPORT = fileURLToPath(new URL('../test-support/', import.meta.url));
const ZONES: [string, number][] = [
  ['UTC', 0],
  ['Asia/Ho_Chi_Minh', -420],
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
];

interface Print {
  tz: string;
  offsetMinutes: number;
  digest: string;
  sample: string;
  localDate: string;
}

function node(args: string[], tz?: string): string {
  // Without NODE_OPTIONS: Jest's --experimental-vm-modules is not wanted in the children.
  const { NODE_OPTIONS: _, ...env } = process.env;
  const run = spawnSync(process.execPath, args, { env: { ...env, ...(tz && { TZ: tz }) }, encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout.trim();
}

describe('independence from the process time zone', () => {
  let scratch: string;
  let index: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'calendar-tz-'));
    index = node([join(SUPPORT, 'transpile-calendar.mjs'), REPO_ROOT, scratch]);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives the same 2,000 deadlines, lunar dates and calendar years under UTC, Asia/Ho_Chi_Minh, America/Los_Angeles and Pacific/Kiritimati', async () => {
    const { fingerprint } = await import(join(SUPPORT, 'tz-fingerprint.mjs'));
    const here = fingerprint(calendarLib);
    expect(here.sample).toBe('2026-05-04T17:00:00.000Z');
    expect(here.localDate).toBe('2026-01-02');

    const prints: Print[] = ZONES.map(([tz]) => JSON.parse(node([join(SUPPORT, 'tz-fingerprint.mjs'), index], tz)));
    // Each child really ran in its zone …
    expect(prints.map((p) => [p.tz, p.offsetMinutes])).toEqual(ZONES);
    // … and computed exactly what this process computed.
    for (const p of prints) expect({ tz: p.tz, digest: p.digest, sample: p.sample, localDate: p.localDate }).toEqual({ tz: p.tz, ...here });
  });
});
