import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../libs/persistence/src/open-database.js';
import { createScratchDatabase, type PostgresProbe } from './postgres.js';

export interface ScratchDataSource {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A migrated database of either kind for a repository spec: a SQLite file in a fresh temporary folder, or a
 * scratch PostgreSQL database (the probe must have found a server). `close` removes it whatever was opened.
 */
export async function openScratchDataSource(kind: 'sqlite' | 'postgres', tag: string, postgres: PostgresProbe): Promise<ScratchDataSource> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `kt-${tag}-`));
    const dataSource = await openDatabase({ kind: 'sqlite', path: join(dir, `${tag}.sqlite`), url: 'sqlite:test' });
    return {
      dataSource,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgres.available) throw new Error(`no PostgreSQL for ${tag}: ${postgres.reason}`);
  const scratch = await createScratchDatabase(postgres.adminUrl);
  const dataSource = await openDatabase({ kind: 'postgres', url: scratch.url });
  return {
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await scratch.drop();
    },
  };
}
