/**
 * The seed data: data/seed/*.ndjson, the facts of the first real source (a BJUT news article
 * of 2023-12-22), loaded by `accord seed` and by the service when it starts on an empty graph.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cypher } from './db/cypher.ts';
import type { Database } from './db/driver.ts';
import { type ImportSummary, runImport } from './import/pipeline.ts';
import { fileInput } from './import/read.ts';

export const SEED_DIR = fileURLToPath(new URL('../data/seed/', import.meta.url));

export function seedFiles(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f) => join(SEED_DIR, f));
}

export async function seed(db: Database): Promise<ImportSummary> {
  const summary = await runImport(
    db,
    seedFiles().map((f) => fileInput(f)),
  );
  if (!summary.ok) {
    throw new Error(`the seed data is invalid: ${JSON.stringify(summary.errors.slice(0, 5))}`);
  }
  return summary;
}

/** Loads the seed when the graph holds no entity; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read(cypher('seed/count-entities'));
  if ((row?.entities as number) > 0) return false;
  await seed(db);
  return true;
}
