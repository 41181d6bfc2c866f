import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records as generated } from '../../bench/generate.ts';
import type { Database } from '../../src/db/driver.ts';
import { IdTable } from '../../src/import/id-table.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { freshDatabase } from '../support/db.ts';
import { ndjsonFile, org, type Rec, source } from '../support/records.ts';

describe('the ids held in memory (src/import/id-table.ts)', () => {
  it('tells every id from every other, with the first registration of each', () => {
    const table = new IdTable();
    // Past several regrowths of the bytes, the entries and the slots; ids that are prefixes of
    // one another, and multi-byte ones.
    const ids = Array.from({ length: 60_000 }, (_, i) =>
      i % 3 === 0 ? `org-${i}` : i % 3 === 1 ? `组织-${i}-😀` : `org-${i}0`,
    );
    for (const [i, id] of ids.entries()) {
      expect(table.add(id, i % 2 ? 'person' : 'organisation', i % 5, i + 1)).toBeUndefined();
    }
    expect(table.size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      const first = { kind: i % 2 ? 'person' : 'organisation', file: i % 5, line: i + 1 };
      expect(table.get(id)).toEqual(first);
      expect(table.add(id, 'region', 9, 1)).toEqual(first);
    }
    for (const absent of ['org-', 'org-1', 'org-31', '组织-1', '组织-1-😀0', 'org-599991', ''])
      expect(table.get(absent)).toBeUndefined();
    expect(table.size).toBe(ids.length);
    const pages = [...table.pages(7000)];
    expect(pages.map((page) => page.length)).toEqual([...Array(8).fill(7000), 4000]);
    expect(pages.flat().map(({ id, line }) => `${id} ${line}`)).toEqual(
      ids.map((id, i) => `${id} ${i + 1}`),
    );
  });
});

describe('references checked against the ids in memory', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.close());

  it('reports a wrong kind, a missing id and a clashing repeat far from the record referred to', async () => {
    const base = [...generated({ entities: 30_000, seed: 3 })] as Rec[];
    const first = base[0] as Rec;
    const records: Rec[] = [
      ...base,
      source(),
      org('o-late-1', '迟到甲', { parent: first.id as string }),
      org('o-late-2', '迟到乙', { parent: 'org-nowhere' }),
      org(first.id as string, '重号'),
    ];
    const summary = await runImport(db, [fileInput(ndjsonFile(records))], { dryRun: true });
    const last = records.length;
    expect(
      summary.errors.map(
        (e) => `${e.file.endsWith('input.ndjson')} ${e.line - last} ${e.field}: ${e.message}`,
      ),
    ).toEqual([
      `true -2 parent: "${first.id}" is a ${first.type}, not a organisation`,
      `true 0 id: "${first.id}" is already the id of a ${first.type} record (${summary.errors[1]?.file}:1)`,
      'true -1 parent: no organisation has id "org-nowhere" in the input or the database',
    ]);
  });
});
