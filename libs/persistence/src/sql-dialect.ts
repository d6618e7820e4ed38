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

  isUniqueViolation(error: unknown): boolean {
    const driverError = (error as { driverError?: { code?: string } }).driverError ?? (error as { code?: string });
    const code = String(driverError?.code ?? '');
    return code === '23505' || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
  }
}
