/** Small builders for import records, and a way to run the pipeline on them in tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/driver.ts';
import { type ImportOptions, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';

export type Rec = Record<string, unknown>;

export const SRC = 'src-test';
export const source = (id = SRC, extra: Rec = {}): Rec => ({
  type: 'source',
  id,
  name: `Source ${id}`,
  ...extra,
});
export const org = (id: string, name: string, extra: Rec = {}): Rec => ({
  type: 'organisation',
  id,
  name,
  sources: [SRC],
  ...extra,
});
export const person = (id: string, name: string, extra: Rec = {}): Rec => ({
  type: 'person',
  id,
  name,
  sources: [SRC],
  ...extra,
});

/** Writes records as an NDJSON file (one per line, in order) and returns its path. */
export function ndjsonFile(records: Rec[], name = 'input.ndjson'): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-test-'));
  const path = join(dir, name);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

export function writeFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'accord-test-')), name);
  writeFileSync(path, text);
  return path;
}

export async function importRecords(db: Database, records: Rec[], options: ImportOptions = {}) {
  return runImport(db, [fileInput(ndjsonFile(records))], options);
}
