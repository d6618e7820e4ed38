import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AuditCheckpoints,
  AuditLog,
  AuditModule,
  DocumentEvidence,
  EXPORT_FORMATS,
  exportEvents,
  parseCheckpointFile,
  ReplayProposalQuery,
  type ExportFormat,
  type LogProgress,
  type LogVerification,
  type VerifyAgainst,
} from '#audit';
import { ConfigModule, loadConfig } from '#config';
import type { Actor } from '#kernel';
import { openDatabase, PersistenceModule } from '#persistence';
import { MigrateProposalsUseCase, ProposalsModule } from '#proposals';
import { UsageError } from './cli-args.js';

/**
 * The audit commands themselves, on the database DATABASE_URL names. Loaded by audit.command.ts only once the
 * line asks for one: Nest, TypeORM and the audit library take seconds to load, which `--help` need not wait for.
 */

const flag = (flags: Map<string, string[]>, name: string) => flags.get(name)?.at(-1);

/** A line on standard error about once a second, so that a walk over millions of events shows it is alive. */
function progressReporter(label: string): (progress: LogProgress) => void {
  const started = Date.now();
  let last = 0;
  return ({ proposals, events }) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    const rate = events / Math.max(0.001, (now - started) / 1000);
    process.stderr.write(`${label}: ${proposals.toLocaleString('en')} proposals, ${events.toLocaleString('en')} events (${Math.round(rate).toLocaleString('en')}/s)\n`);
  };
}

function printVerification(result: LogVerification, json: boolean, seconds: number): void {
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`${result.ok ? 'OK' : 'BROKEN'}: ${result.proposals} proposals, ${result.events} events checked in ${seconds.toFixed(1)} s`);
  for (const entry of result.broken) {
    const detail = 'detail' in entry && entry.detail ? ` (${entry.detail})` : '';
    console.log(`  proposal ${entry.proposalId ?? '(whole log)'} seq ${entry.seq ?? '-'}: ${entry.reason}${detail}`);
  }
  if (result.truncated) console.log('  … more problems than listed');
  const checkpoint = result.checkpoint;
  if (checkpoint === null) {
    console.log('Checkpoint: none stored yet, so nothing signed was compared (npm run audit -- checkpoint makes one)');
  } else if (checkpoint) {
    const heads =
      checkpoint.headsMatchCheckpoint === null
        ? ', no heads kept with it (a difference cannot be pinned on a proposal)'
        : `, heads ${checkpoint.headsMatchCheckpoint ? 'match' : 'DO NOT MATCH'} the signed root`;
    const signature = !checkpoint.signatureValid ? 'INVALID' : checkpoint.keyPinned ? 'valid' : 'valid under its own key only, NOT PINNED';
    console.log(`Checkpoint: signature ${signature}, Merkle root ${checkpoint.merkleRootMatches ? 'matches' : 'DOES NOT MATCH'}${heads}`);
    console.log(
      `  ${checkpoint.id}, made ${checkpoint.createdAt}: ${checkpoint.recorded.proposals} proposals and ${checkpoint.recorded.events} events ` +
        `before ${checkpoint.upTo} when signed, ${checkpoint.proposals} and ${checkpoint.events} now`,
    );
    // The usual cause on a copy of the database: the key beside the copy is not the server's.
    if (!checkpoint.signatureValid || !checkpoint.keyPinned) {
      console.log(
        `  ${checkpoint.keyPinned ? 'The signature does not hold under the keys trusted here: the checkpoint was altered, or signed with another key.' : 'No key is trusted here to check the signature against.'}` +
          " On a copy of the database, set AUDIT_TRUSTED_PUBLIC_KEYS to the server's public key.",
      );
    }
  }
}

async function write(out: string | undefined, chunks: AsyncIterable<string> | string): Promise<void> {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  if (typeof chunks === 'string') {
    stream.write(chunks);
  } else {
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await new Promise<void>((resume) => stream.once('drain', () => resume()));
    }
  }
  if (out) {
    stream.end();
    await finished(stream);
  }
}

/** Runs one audit command; its exit status. */
export async function runAudit(command: string, positionals: string[], flags: Map<string, string[]>): Promise<number> {
  // Only "checkpoint" signs: the other commands read, often a copy of the database, and make no key beside it.
  const config = loadConfig(process.env, { createSigningKey: command === 'checkpoint' });
  const dataSource = await openDatabase(config.database, config.migrationsRun);
  @Module({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(dataSource), ProposalsModule, AuditModule] })
  class AuditCliModule {}
  const app = await NestFactory.createApplicationContext(AuditCliModule, { logger: false });
  try {
    const auditLog = app.get(AuditLog);
    const checkpoints = app.get(AuditCheckpoints);
    const json = flags.has('json');
    switch (command) {
      case 'verify': {
        const started = Date.now();
        const onProgress = progressReporter('verify');
        const file = flag(flags, 'checkpoint');
        const storedId = flag(flags, 'checkpoint-id');
        if ([file !== undefined, storedId !== undefined, flags.has('no-checkpoint')].filter(Boolean).length > 1) {
          throw new UsageError('Give one of --checkpoint <file>, --checkpoint-id <id> and --no-checkpoint');
        }
        const against: VerifyAgainst = file
          ? parseCheckpointFile(await readFile(file, 'utf8'))
          : flags.has('no-checkpoint') || storedId === 'none'
            ? 'none'
            : storedId
              ? await checkpoints.get(storedId)
              : 'latest';
        const documents = flags.has('no-documents') ? undefined : app.get(DocumentEvidence);
        const result = await checkpoints.verify(against, { replay: !flags.has('no-replay'), onProgress, documents });
        printVerification(result, json, (Date.now() - started) / 1000);
        return result.ok ? 0 : 1;
      }
      case 'replay': {
        const [id] = positionals;
        if (!id) throw new UsageError('replay needs a proposal id: npm run audit -- replay <proposalId> [--at ISO]');
        const seqFlag = flag(flags, 'seq');
        const seq = seqFlag === undefined ? undefined : Number(seqFlag);
        if (seq !== undefined && !(Number.isInteger(seq) && seq >= 1)) throw new UsageError('--seq must be a whole number, 1 or more');
        const at = flag(flags, 'at');
        if (at !== undefined && Number.isNaN(Date.parse(at))) throw new UsageError('--at must be an ISO-8601 instant, e.g. 2026-05-04T03:00:00Z');
        const view = await app.get(ReplayProposalQuery).execute(id, { seq, at: at === undefined ? undefined : new Date(at).toISOString() });
        console.log(JSON.stringify(view, null, 2));
        return view.chainValid && view.matchesStored ? 0 : 1;
      }
      case 'export': {
        const format = (flag(flags, 'format') ?? 'ndjson') as ExportFormat;
        if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
        for (const name of ['from', 'to']) {
          const value = flag(flags, name);
          if (value !== undefined && Number.isNaN(Date.parse(value))) throw new UsageError(`--${name} must be an ISO-8601 instant`);
        }
        const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
        const range = { proposalId: flag(flags, 'proposal'), from: iso(flag(flags, 'from')), to: iso(flag(flags, 'to')) };
        let pages = 0;
        const counted = async function* () {
          for await (const chunk of exportEvents(auditLog, range, format)) {
            if (++pages % 50 === 0) process.stderr.write(`export: ${pages} pages written\n`);
            yield chunk;
          }
        };
        await write(flag(flags, 'out'), counted());
        return 0;
      }
      case 'checkpoint': {
        // Written as the heads are read back, so that a log of millions of proposals is exported in flat memory.
        const { checkpoint, text } = await checkpoints.createFile();
        await write(flag(flags, 'out'), text);
        process.stderr.write(
          `Checkpoint ${checkpoint.id}: ${checkpoint.proposals} proposals, ${checkpoint.events} events before ${checkpoint.upTo}, ` +
            `root ${checkpoint.merkleRoot}. Keep the file somewhere the server cannot write.\n`,
        );
        return 0;
      }
      case 'checkpoints': {
        const list = await checkpoints.list(100);
        if (json) console.log(JSON.stringify(list, null, 2));
        else for (const c of list) console.log(`${c.id}  ${c.createdAt}  up to ${c.upTo}  ${c.proposals} proposals  ${c.events} events  ${c.merkleRoot}`);
        return 0;
      }
      case 'migrate': {
        if (positionals.length === 0) throw new UsageError('migrate needs proposal ids: npm run audit -- migrate <id> [<id>…] [--to 2]');
        const to = flag(flags, 'to');
        const operator: Actor = { id: `cli:${userInfo().username}`, name: `${userInfo().username} (audit CLI)`, roles: ['admin'], unitId: null };
        const results = await app.get(MigrateProposalsUseCase).execute(operator, positionals, to === undefined ? undefined : Number(to));
        for (const result of results) console.log(`${result.id}  ${result.outcome}${result.toVersion ? `  v${result.fromVersion} → v${result.toVersion}` : ''}`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}". Run npm run audit -- help`);
    }
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

