/**
 * The create path (issue 16, src/import/write.ts): rows the database does not hold are written
 * by one SET each, the rest upserted. Whatever a batch holds (all new, half stored, all stored,
 * claims of two sources in two files, a node another import created meanwhile), the graph and
 * the summary's counts are the upserts' own: each case is imported both ways and compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../bench/generate.ts';
import { cypher } from '../../src/db/cypher.ts';
import type { Database, Transaction } from '../../src/db/driver.ts';
import { type ImportSummary, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { storedGraph } from '../support/graph.ts';
import { importRecords, ndjsonFile, type Rec, source } from '../support/records.ts';
import { A, B } from '../support/sources.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

/** The stored graph, every node and relationship as one line, sorted. */
const graph = () => storedGraph(db);

const counts = (summary: ImportSummary) => {
  expect(summary.errors).toEqual([]);
  return { nodes: summary.nodes, relationships: summary.relationships };
};

/** The statements a run sent, by name. */
function counting(): { db: Database; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  return {
    calls,
    db: db.observed((query) => calls.set(query.name, (calls.get(query.name) ?? 0) + 1)),
  };
}

/**
 * Imports the files in order into an empty graph, once by upserts only and once with the
 * create path, and expects the same graph and the same counts; returns the create path's.
 */
async function bothWays(files: string[], batchSize = 40) {
  const run = async (create: boolean) => {
    await resetGraph(db);
    const observed = counting();
    const summaries: ReturnType<typeof counts>[] = [];
    for (const file of files) {
      const summary = await runImport(observed.db, [fileInput(file)], { batchSize, create });
      summaries.push(counts(summary));
    }
    return { summaries, graph: await graph(), calls: observed.calls };
  };
  const upserts = await run(false);
  const created = await run(true);
  expect(created.summaries).toEqual(upserts.summaries);
  expect(created.graph).toEqual(upserts.graph);
  expect(upserts.calls.get('import/create-nodes')).toBeUndefined();
  expect(created.calls.get('import/create-nodes')).toBeGreaterThan(0);
  return created;
}

const total = (summary: ReturnType<typeof counts>, status: 'created' | 'updated' | 'unchanged') =>
  [...Object.values(summary.nodes), ...Object.values(summary.relationships)].reduce(
    (n, c) => n + (c?.[status] ?? 0),
    0,
  );

describe('the create path', () => {
  // Every kind, records without an id, repeats of an id in later batches, claims of two sources.
  const generated = [...records({ entities: 300, seed: 7 })] as Rec[];
  const org = generated.find((r) => r.type === 'organisation') as Rec;
  const all: Rec[] = [
    ...A,
    ...generated,
    { ...org, sources: ['src-a'], aliases: ['又一名称'] },
    { type: 'organisation', name: '无编号研究院', sources: ['src-a'] },
    ...B,
  ];

  it('writes into an empty graph what the upserts write, and a re-import changes nothing', async () => {
    const file = ndjsonFile(all);
    const { summaries, calls } = await bothWays([file, file]);
    expect(calls.get('import/create-nodes')).toBeGreaterThan(0);
    expect(calls.get('import/create-relationships')).toBeGreaterThan(0);
    const [first, again] = summaries as [ReturnType<typeof counts>, ReturnType<typeof counts>];
    expect(total(first, 'created')).toBeGreaterThan(500);
    expect(total(again, 'created') + total(again, 'updated')).toBe(0);
  });

  it('over a stored half: the same counts of created, updated and unchanged, the same graph', async () => {
    const half = ndjsonFile(all.slice(0, Math.floor(all.length / 2)));
    const { summaries, calls } = await bothWays([half, ndjsonFile(all)]);
    // Batches of new rows and of stored ones, and batches that hold both.
    expect(calls.get('import/upsert-nodes')).toBeGreaterThan(0);
    expect(calls.get('import/upsert-relationships')).toBeGreaterThan(0);
    const whole = summaries[1] as ReturnType<typeof counts>;
    expect(total(whole, 'created')).toBeGreaterThan(100);
    expect(total(whole, 'unchanged')).toBeGreaterThan(100);
    expect(total(whole, 'updated')).toBeGreaterThan(0);
  });

  it('claims of one node stated by two sources in two files choose as before', async () => {
    await bothWays([ndjsonFile(A), ndjsonFile(B)]);
    const [row] = await db.read(cypher('test/import/node'), { id: 'o-x' });
    // A tie: the least value is the chosen one (test/import/claims.test.ts).
    expect(row?.props).toMatchObject({ kind: 'research-institute', nameEn: 'Jia College' });
    await bothWays([ndjsonFile(B), ndjsonFile(A)]);
  });

  it('looks up again in its transactions only the ids that several records come to', async () => {
    // Resolution looked every id up before the write; an id of one record can since have been
    // created only by another import (below). One of several may be by an earlier batch.
    const ids = all.map((record) => record.id as string).filter((id) => id !== undefined);
    const repeated = new Set(ids.filter((id, i) => ids.indexOf(id) !== i));
    await resetGraph(db);
    await importRecords(db, all.slice(0, Math.floor(all.length / 2)));
    const lookedUp: string[] = [];
    const watched: Database = {
      ...db,
      writeTransaction: (work) =>
        db.writeTransaction((tx) =>
          work({
            run: (query, params) => {
              if (query.name === 'import/lookup-ids')
                lookedUp.push(...((params?.ids ?? []) as string[]));
              return tx.run(query, params);
            },
          } as Transaction),
        ),
    };
    const whole = counts(
      await runImport(watched, [fileInput(ndjsonFile(all))], { batchSize: 40, create: true }),
    );
    expect(total(whole, 'created')).toBeGreaterThan(100);
    expect(total(whole, 'unchanged')).toBeGreaterThan(100);
    expect(lookedUp.length).toBeGreaterThan(0);
    expect(lookedUp.filter((id) => !repeated.has(id))).toEqual([]);
  });

  it('redoes a batch as upserts when another import created one of its ids meanwhile', async () => {
    const records: Rec[] = [
      source(),
      ...['o-1', 'o-2', 'o-3'].map((id, i) => ({
        type: 'organisation',
        id,
        name: `机构${i}`,
        sources: ['src-test'],
      })),
    ];
    const other: Rec[] = [
      source('src-other'),
      { type: 'organisation', id: 'o-2', name: '机构1', nameEn: 'Org 1', sources: ['src-other'] },
    ];
    // Sequentially: the other import first, then this one (whose o-2 is then an update).
    await resetGraph(db);
    await importRecords(db, other);
    const sequential = counts(await importRecords(db, records, { create: false }));
    const expected = await graph();

    // At once: the other import commits o-2 after resolution found it absent, just before
    // this batch creates it.
    await resetGraph(db);
    let interleaved = false;
    const observed = counting();
    const racing: Database = {
      ...observed.db,
      writeTransaction: (work) =>
        observed.db.writeTransaction((tx) =>
          work({
            run: async (query, params) => {
              if (query.name === 'import/create-nodes' && !interleaved) {
                interleaved = true;
                expect(counts(await importRecords(db, other)).nodes).toBeDefined();
              }
              return tx.run(query, params);
            },
          } as Transaction),
        ),
    };
    const summary = counts(await runImport(racing, [fileInput(ndjsonFile(records))], {}));
    expect(interleaved).toBe(true);
    // The create failed on the id's constraint, and the batch was upserted instead.
    expect(observed.calls.get('import/create-nodes')).toBe(1);
    expect(observed.calls.get('import/upsert-nodes')).toBe(1);
    expect(summary).toEqual(sequential);
    expect(await graph()).toEqual(expected);
  });
});
