import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { records as generated } from '../../bench/generate.ts';
import type { Database } from '../../src/db/driver.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import type { ImportRecord } from '../../src/import/records.ts';
import { derivedId, Resolver } from '../../src/import/resolve.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { importRecords, ndjsonFile, org, type Rec, SRC, source } from '../support/records.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
beforeEach(() => resetGraph(db));
afterAll(() => db.close());

/** Small enough that resolving a few thousand records cannot stay in memory. */
const TINY = 16 * 1024;

const region = (id: string, name: string, extra: Rec = {}): Rec => ({
  type: 'region',
  id,
  name,
  sources: [SRC],
  ...extra,
});

/**
 * A generated file with, at its end, records that exercise every outcome of resolution: a
 * name that resolves, an ambiguous one, an unknown one, a missing id, a record without an id
 * that matches one by name (a repeat, stating another value from one source), and a cycle.
 */
function input(): Rec[] {
  const base: Rec[] = [...generated({ entities: 3000, seed: 7 })];
  const named = base.find((r) => r.type === 'organisation' && typeof r.name === 'string') as Rec;
  return [
    ...base,
    source(),
    org('o-twin-1', '双子甲', { aliases: ['双子星'] }),
    org('o-twin-2', '双子乙', { aliases: ['双子星'] }),
    org('o-child-1', '子甲', { parent: { name: named.name as string } }),
    org('o-child-2', '子乙', { parent: { name: '双子星' } }),
    org('o-child-3', '子丙', { parent: { name: '无此单位' } }),
    org('o-child-4', '子丁', { parent: 'org-none' }),
    { type: 'organisation', name: named.name, sources: [SRC] },
    { type: 'organisation', name: '无名之会', kind: 'university', sources: [SRC] },
    { type: 'organisation', name: '无名之会', kind: 'company', sources: [SRC] },
    region('r-x', '甲区', { parent: 'r-y' }),
    region('r-y', '乙区', { parent: 'r-x' }),
  ];
}

describe('resolution beyond its memory budget', () => {
  it('spills to disk and reports the same errors as within it', async () => {
    const records = input();
    const file = [fileInput(ndjsonFile(records))];
    const within = await runImport(db, file, { dryRun: true });
    const beyond = await runImport(db, file, { dryRun: true, memoryBudget: TINY });
    const lines = (summary: typeof within) =>
      summary.errors.map((e) => `${e.line} ${e.field}: ${e.code ?? ''} ${e.message}`);
    expect(lines(beyond)).toEqual(lines(within));
    expect(beyond.errors).toEqual(within.errors);
    expect(beyond.records).toBe(records.length);
    const last = records.length;
    const messages = beyond.errors.map((e) => `${e.line - last} ${e.field}: ${e.message}`);
    expect(messages).toEqual([
      '-5 parent: no organisation has id "org-none" in the input or the database',
      '-7 parent: "双子星" is ambiguous: it names o-twin-1, o-twin-2; refer by id',
      '-6 parent: no organisation is named "无此单位"',
      `-3 kind: the records of ${derivedId('organisation', '无名之会')} state different values from src-test: "university" (line ${last - 3}), "company" (line ${last - 2})`,
      '-1 parent: "r-x" would be part of itself: r-x → r-y → r-x',
      '0 parent: "r-y" would be part of itself: r-y → r-x → r-y',
    ]);
    expect(beyond.errors[1]?.code).toBe('AMBIGUOUS_NAME');
  });

  it('keeps a working set larger than its budget on disk', async () => {
    const resolver = new Resolver(() => {}, TINY);
    try {
      for (const [i, record] of [...generated({ entities: 3000, seed: 7 })].entries())
        resolver.see(record as ImportRecord, { file: 'generated', line: i + 1 });
      await resolver.settle(db);
      expect(resolver.workingSetBytes()).toBeGreaterThan(10 * TINY);
    } finally {
      resolver.close();
    }
  });

  it('writes the records under the same ids as within its budget', async () => {
    const records = input().slice(0, -11);
    const named = records.find((r) => r.type === 'organisation') as Rec;
    records.push(
      org('o-child-1', '子甲', { parent: { name: named.name as string } }),
      { type: 'organisation', name: named.name, kind: 'university', sources: [SRC] },
      { type: 'organisation', name: '无名之会', sources: [SRC] },
    );
    const beyond = await importRecords(db, records, { memoryBudget: TINY });
    expect(beyond.errors).toEqual([]);
    const again = await importRecords(db, records);
    expect(again.ok).toBe(true);
    for (const counts of Object.values(again.nodes)) expect(counts.created).toBe(0);
    for (const counts of Object.values(again.relationships)) expect(counts.created).toBe(0);
  });
});
