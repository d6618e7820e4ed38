import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DomainError } from '#kernel';
import { discardStaged, stageUpload } from './stage-upload.js';

// A real collection between samples, so what is measured is what is still reachable, not garbage not yet swept.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const usedMemory = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  // Buffers live outside the V8 heap: a file held in memory shows in arrayBuffers, not in heapUsed.
  return heapUsed + arrayBuffers;
};

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'stage-upload-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let counter = 0;
const freshDirectory = () => join(root, `case-${++counter}`);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('staging an upload', () => {
  it('writes the bytes to a new file in the directory, with their size and SHA-256', async () => {
    const directory = freshDirectory();
    const chunks = Array.from({ length: 20 }, () => randomBytes(50_000));
    const bytes = Buffer.concat(chunks);

    const staged = await stageUpload(Readable.from(chunks), { directory, maxBytes: 10_000_000 });

    expect(dirname(staged.path)).toBe(directory);
    expect(basename(staged.path)).toMatch(/^upload-[0-9a-f]{32}\.part$/);
    expect(staged.size).toBe(bytes.length);
    expect(staged.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await readFile(staged.path)).equals(bytes)).toBe(true);
    expect((await stat(staged.path)).mode & 0o077).toBe(0);
  });

  it('creates the directory, nested, when it is missing', async () => {
    const directory = join(freshDirectory(), 'a', 'b');
    const staged = await stageUpload(Readable.from([Buffer.from('%PDF-1.4')]), { directory, maxBytes: 100 });
    expect(await readdir(directory)).toEqual([basename(staged.path)]);
  });

  it('gives two uploads staged at once two files', async () => {
    const directory = freshDirectory();
    const [a, b] = await Promise.all([
      stageUpload(Readable.from([Buffer.from('one')]), { directory, maxBytes: 100 }),
      stageUpload(Readable.from([Buffer.from('two')]), { directory, maxBytes: 100 }),
    ]);
    expect(a.path).not.toBe(b.path);
    expect((await readFile(a.path, 'utf8')) + (await readFile(b.path, 'utf8'))).toBe('onetwo');
  });

  it('fingerprints an empty upload as the SHA-256 of nothing (inspection refuses it later)', async () => {
    const staged = await stageUpload(Readable.from([]), { directory: freshDirectory(), maxBytes: 100 });
    expect(staged).toMatchObject({ size: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
  });

  it('accepts exactly the limit', async () => {
    const source = Readable.from([Buffer.alloc(600), Buffer.alloc(400)]);
    const staged = await stageUpload(source, { directory: freshDirectory(), maxBytes: 1_000 });
    expect(staged.size).toBe(1_000);
  });

  it('refuses one byte over the limit, as PAYLOAD_TOO_LARGE, and leaves no file behind', async () => {
    const directory = freshDirectory();
    const error = await refusal(stageUpload(Readable.from([Buffer.alloc(600), Buffer.alloc(401)]), { directory, maxBytes: 1_000 }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details).toEqual({ limit: 1_000 });
    expect(await readdir(directory)).toEqual([]);
  });

  it('stops reading a sender that never stops', async () => {
    const directory = freshDirectory();
    let sent = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          sent += 64 * 1024;
          yield Buffer.alloc(64 * 1024, 1);
        }
      })(),
    );
    const error = await refusal(stageUpload(endless, { directory, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    expect(endless.destroyed).toBe(true);
    expect(await readdir(directory)).toEqual([]);
  });

  it('passes on a broken stream\'s own error and leaves no file behind', async () => {
    const directory = freshDirectory();
    const broken = Readable.from(
      (async function* () {
        yield Buffer.alloc(100_000, 7);
        throw new Error('connection reset');
      })(),
    );
    await expect(stageUpload(broken, { directory, maxBytes: 1_000_000 })).rejects.toThrow('connection reset');
    expect(await readdir(directory)).toEqual([]);
  });

  it('streams 30 MB through a flat heap', async () => {
    const directory = freshDirectory();
    const chunkSize = 64 * 1024;
    const chunks = (30 * 1024 * 1024) / chunkSize;
    const expected = createHash('sha256');
    gc();
    const before = usedMemory();
    let peak = 0;
    const source = Readable.from(
      (function* () {
        for (let index = 0; index < chunks; index++) {
          // A full collection costs seconds in a Jest worker whose heap earlier suites grew: sample, not every MB.
          if (index % 96 === 0) {
            gc();
            peak = Math.max(peak, usedMemory() - before);
          }
          // A fresh buffer each time: an implementation that kept them would keep 30 MB.
          const chunk = Buffer.alloc(chunkSize, index % 251);
          expected.update(chunk);
          yield chunk;
        }
      })(),
    );

    const staged = await stageUpload(source, { directory, maxBytes: 40 * 1024 * 1024 });
    gc();
    peak = Math.max(peak, usedMemory() - before);

    expect(staged.size).toBe(30 * 1024 * 1024);
    expect(staged.sha256).toBe(expected.digest('hex'));
    expect(peak).toBeLessThan(15 * 1024 * 1024);
  }, 90_000);
});

describe('discarding a staged file', () => {
  it('deletes it, and does not mind when it is already gone', async () => {
    const directory = freshDirectory();
    const staged = await stageUpload(Readable.from([Buffer.from('x')]), { directory, maxBytes: 10 });
    await discardStaged(staged);
    expect(await readdir(directory)).toEqual([]);
    await expect(discardStaged(staged)).resolves.toBeUndefined();
  });
});
