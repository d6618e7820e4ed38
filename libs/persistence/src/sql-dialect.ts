import type { DataSource } from 'typeorm';

export type DialectKind = 'sqlite' | 'postgres';

/**
 * The few places where SQLite and PostgreSQL differ for the hand-written SQL of this layer: placeholders,
 * booleans, and how a unique violation is reported.
 */
export class SqlDialect {
  private readonly rewritten = new Map<string, string>();

  constructor(readonly kind: DialectKind) {}

  static of(dataSource: DataSource): SqlDialect {
    return new SqlDialect(dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite');
  }

  /** SQL is written with `?`; PostgreSQL wants `$1, $2, …`. Rewrites are cached: the same texts recur. */
  sql(text: string): string {
    if (this.kind === 'sqlite') return text;
    let out = this.rewritten.get(text);
    if (out === undefined) {
      let n = 0;
      out = text.replace(/\?/g, () => `$${++n}`);
      this.rewritten.set(text, out);
    }
    return out;
  }

  bool(value: boolean): boolean | number {
    return this.kind === 'sqlite' ? (value ? 1 : 0) : value;
  }

  /** 1 when a JSON text column holds `true` at `path`, else 0 (for counting flags inside a snapshot). */
  jsonFlag(column: string, path: string[]): string {
    return this.kind === 'sqlite'
      ? `CASE WHEN json_extract(${column}, '$.${path.join('.')}') = 1 THEN 1 ELSE 0 END`
      : `CASE WHEN (${column}::json #>> '{${path.join(',')}}') = 'true' THEN 1 ELSE 0 END`;
  }

  isUniqueViolation(error: unknown): boolean {
    const driverError = (error as { driverError?: { code?: string } }).driverError ?? (error as { code?: string });
    const code = String(driverError?.code ?? '');
    return code === '23505' || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
  }
}
