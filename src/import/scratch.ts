/**
 * An import's working set on disk, so that resolving a file of millions of records does not
 * hold them all in memory: a private temporary SQLite database (node:sqlite, built into Node).
 * SQLite keeps it in its page cache while it fits `memoryBudget` and spills pages to an
 * unlinked temporary file beyond that, so memory is bounded by the budget, not the file.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/** Bytes of page cache an import's working set may take before it spills to disk. */
export const DEFAULT_MEMORY_BUDGET = 64 * 1024 * 1024;

/** Rows `append` gathers per statement. */
const APPEND_BATCH = 1000;

export class Scratch {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  /** Rows appended and not yet inserted, by table (see `append`). */
  private readonly appended = new Map<string, { sql: string; rows: SQLInputValue[][] }>();

  /** `schema`: the tables (and indexes) this working set needs. */
  constructor(schema: string, memoryBudget = DEFAULT_MEMORY_BUDGET) {
    // An empty file name is SQLite's private temporary database, deleted when closed.
    this.db = new DatabaseSync('');
    const kib = Math.max(1, Math.floor(memoryBudget / 1024));
    // Nothing here outlives the import: no journal, no syncing; one transaction throughout, so
    // that SQLite does not commit each write.
    this.db.exec(
      `PRAGMA cache_size = -${kib}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
       PRAGMA temp_store = FILE; ${schema}; BEGIN`,
    );
  }

  /** A statement, prepared once. */
  private statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Runs a write; the number of rows it changed. */
  run(sql: string, ...values: SQLInputValue[]): number {
    return Number(this.statement(sql).run(...values).changes);
  }

  /**
   * Appends a row to `table`, inserted with others a thousand at a time (one statement through
   * json_each: a statement a row cost more in the call than in SQLite). `flush` before reading
   * the table.
   */
  append(table: string, columns: readonly string[], ...values: SQLInputValue[]): void {
    let pending = this.appended.get(table);
    if (!pending) {
      const picks = columns.map((_, i) => `value ->> ${i}`).join(', ');
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${picks} FROM json_each(?)`;
      pending = { sql, rows: [] };
      this.appended.set(table, pending);
    }
    pending.rows.push(values);
    if (pending.rows.length >= APPEND_BATCH) this.insert(pending);
  }

  /** Inserts every row appended. */
  flush(): void {
    for (const pending of this.appended.values()) this.insert(pending);
  }

  private insert(pending: { sql: string; rows: SQLInputValue[][] }): void {
    if (pending.rows.length === 0) return;
    this.statement(pending.sql).run(JSON.stringify(pending.rows));
    pending.rows = [];
  }

  get<T>(sql: string, ...values: SQLInputValue[]): T | undefined {
    return this.statement(sql).get(...values) as T | undefined;
  }

  all<T>(sql: string, ...values: SQLInputValue[]): T[] {
    return this.statement(sql).all(...values) as T[];
  }

  /**
   * The rows of a query, read a page at a time: `sql` takes the last key seen as its final
   * parameter (`WHERE rowid > ? ORDER BY rowid LIMIT n`), so no cursor stays open while the
   * caller writes or awaits.
   */
  *pages<T extends { seek: SQLInputValue }>(
    sql: string,
    first: SQLInputValue,
    ...values: SQLInputValue[]
  ): Generator<T[]> {
    let seek = first;
    for (;;) {
      const rows = this.all<T>(sql, ...values, seek);
      if (rows.length === 0) return;
      yield rows;
      seek = (rows[rows.length - 1] as T).seek;
    }
  }

  /** The working set's size, in memory and spilled: larger than the budget means it spilled. */
  bytes(): number {
    const pages = this.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0;
    const size = this.get<{ page_size: number }>('PRAGMA page_size')?.page_size ?? 0;
    return pages * size;
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
