/**
 * What each import statement costs in Neo4j: runs Accord's import pipeline on a file into the
 * database at NEO4J_URI (emptied first) with every upsert and choose statement PROFILEd, each
 * committed on its own, and prints per statement the calls, rows, database hits (the same on
 * any machine, unlike times) and milliseconds; `--out DIR` writes each statement's plan of its
 * second call (or its first, if it has one) (a batch written into a graph that already holds some) to DIR/NAME.txt.
 *
 * `--upserts` writes every row as an upsert (the code before the create path, src/import/write.ts).
 *
 *   node bench/import/plans.ts FILE [--batch-size N] [--out DIR] [--upserts] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { cypher } from '../../src/db/cypher.ts';
import { createDatabase, type Transaction } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { profile } from '../lib/cypher.ts';

export interface StatementCost {
  calls: number;
  rows: number;
  dbHits: number;
  ms: number;
  /** Database hits per row written. */
  dbHitsPerRow: number;
}

export async function importPlans(
  file: string,
  {
    batchSize = 10_000,
    out,
    create = true,
  }: { batchSize?: number; out?: string; create?: boolean } = {},
): Promise<Record<string, StatementCost>> {
  const config = loadConfig().neo4j;
  const db = createDatabase(config);
  try {
    await db.verify();
    await migrate(db);
    await db.autoCommit(cypher('test/reset'));
    const costs: Record<string, StatementCost> = {};
    if (out) mkdirSync(out, { recursive: true });
    // The pipeline's statements, through one "transaction" that commits each on its own.
    const tx: Transaction = {
      run: async (query, params = {}) => {
        if (!/^(import\/(upsert|create)|claims\/)/.test(query.name)) return db.write(query, params);
        const started = performance.now();
        const plan = await profile(db.driver, config.database, query.text, params, {
          write: true,
        });
        const cost = costs[query.name] ?? { calls: 0, rows: 0, dbHits: 0, ms: 0, dbHitsPerRow: 0 };
        costs[query.name] = cost;
        cost.calls += 1;
        cost.rows += ((params.rows ?? params.ids) as unknown[] | undefined)?.length ?? 0;
        cost.dbHits += plan.dbHits;
        cost.ms += performance.now() - started;
        if (out && cost.calls <= 2)
          writeFileSync(join(out, `${query.name.replaceAll('/', '-')}.txt`), `${plan.text}\n`);
        return plan.rows.map(
          (row) =>
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [k, typeof v === 'object' && v ? Number(v) : v]),
            ) as never,
        );
      },
    };
    const summary = await runImport(db, [fileInput(file)], {
      batchSize,
      transaction: tx,
      create,
    });
    if (!summary.ok)
      throw new Error(`import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    for (const cost of Object.values(costs)) {
      cost.ms = Math.round(cost.ms);
      cost.dbHitsPerRow = Math.round((cost.dbHits / Math.max(cost.rows, 1)) * 10) / 10;
    }
    return costs;
  } finally {
    await db.close();
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string' },
      out: { type: 'string' },
      upserts: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file)
    throw new Error(
      'usage: node bench/import/plans.ts FILE [--batch-size N] [--out DIR] [--upserts] [--json]',
    );
  const costs = await importPlans(file, {
    batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
    out: values.out,
    create: !values.upserts,
  });
  console.log(JSON.stringify(costs, null, values.json ? 0 : 2));
}
