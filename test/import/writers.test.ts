import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../bench/generate.ts';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { exportRecords } from '../../src/export/records.ts';
import { importFiles } from '../../src/import/files.ts';
import { nodeRounds, relationshipRounds } from '../../src/import/partition.ts';
import { type ImportSummary, ImportWriteError, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { ndjsonFile, type Rec, source } from '../support/records.ts';

describe('splitting rows into transactions that run at once', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `n-${i}`);
  const rows = ids.flatMap((from, i) =>
    ids.filter((_, j) => (i * 7 + j * 3) % 5 === 0).map((to) => ({ from, to })),
  );

  it('never gives one node to two transactions of a round, and keeps every row once', () => {
    for (const writers of [2, 3, 4]) {
      const rounds = relationshipRounds(rows, writers);
      expect(rounds.flat(2)).toHaveLength(rows.length);
      expect(new Set(rounds.flat(2))).toEqual(new Set(rows));
      for (const round of rounds) {
        expect(round.length).toBeLessThanOrEqual(writers);
        const owner = new Map<string, number>();
        round.forEach((transaction, t) => {
          for (const { from, to } of transaction) {
            for (const id of [from, to]) {
              expect(owner.get(id) ?? t).toBe(t);
              owner.set(id, t);
            }
          }
        });
      }
      const [nodes] = nodeRounds(
        ids.map((id) => ({ id })),
        writers,
      );
      expect(
        nodes
          ?.flat()
          .map((row) => row.id)
          .sort(),
      ).toEqual([...ids].sort());
    }
  });
});

describe('parallel writers', () => {
  let db: Database;
  const CLASH = 'https://clash.example/1';
  // A generated graph, a source in the middle (record 401, batch 9 of 50), and an organisation
  // stated again later with another source and an alias: rows of one entity in two batches.
  const generated = [...records({ entities: 600, seed: 5 })] as Rec[];
  const org = generated.find((r) => r.type === 'organisation') as Rec;
  const file = ndjsonFile([
    ...generated.slice(0, 400),
    source('src-clash', { url: CLASH }),
    ...generated.slice(400),
    { ...org, sources: ['src-clash'], aliases: ['又一名称'] },
  ]);
  const exportAll = async () => {
    const lines: string[] = [];
    for await (const record of exportRecords(db)) lines.push(JSON.stringify(record));
    return lines;
  };
  const counts = (summary: ImportSummary) => ({
    nodes: summary.nodes,
    relationships: summary.relationships,
  });
  let oneWriter: { graph: string[]; summary: ReturnType<typeof counts> };

  beforeAll(async () => {
    db = await freshDatabase();
    const summary = await runImport(db, [fileInput(file)], { batchSize: 50, writers: 1 });
    expect(summary.ok).toBe(true);
    oneWriter = { graph: await exportAll(), summary: counts(summary) };
  });
  afterAll(async () => {
    await db.autoCommit(cypher('test/drop-constraint'), { name: 'test_source_url' });
    await db.close();
  });

  it('give the same graph and the same summary as one writer; a re-import changes nothing', async () => {
    await resetGraph(db);
    const three = await runImport(db, [fileInput(file)], { batchSize: 50, writers: 3 });
    expect(three.ok).toBe(true);
    expect(counts(three)).toEqual(oneWriter.summary);
    expect(await exportAll()).toEqual(oneWriter.graph);

    const again = await runImport(db, [fileInput(file)], { batchSize: 50, writers: 3 });
    const changed = [...Object.values(again.nodes), ...Object.values(again.relationships)].filter(
      (c) => c.created + c.updated > 0,
    );
    expect(changed).toEqual([]);
    // Every node row written the first time (the repeated organisation twice) is unchanged now.
    expect(Object.values(again.nodes).reduce((n, c) => n + c.unchanged, 0)).toBe(
      Object.values(three.nodes).reduce((n, c) => n + c.created + c.updated, 0),
    );
  });

  it('a failure in one transaction of a window leaves a state --resume completes to the same graph', async () => {
    await resetGraph(db);
    await db.autoCommit(cypher('test/import/unique-source-url'));
    await db.write(cypher('test/import/put-clash'), { url: CLASH });
    const failed = await importFiles(db, [file], { batchSize: 50, writers: 3 }).catch(
      (error) => error,
    );
    expect(failed).toBeInstanceOf(ImportWriteError);
    expect(failed.message).toMatch(
      /writing nodes failed in batches 7-9 \(records 301-450\), written in [23] transactions at once: .*6 nodes batches before them are committed/,
    );
    expect(failed.checkpoint).toEqual({ nodes: 6, relationships: 0 });

    await db.write(cypher('test/import/remove-clash'), { url: CLASH });
    const resumed = await importFiles(db, [file], { batchSize: 50, writers: 3, resume: true });
    expect(resumed.ok).toBe(true);
    expect(resumed.skippedBatches).toBe(6);
    expect(await exportAll()).toEqual(oneWriter.graph);
  });
});
