import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import { importFiles } from '../../src/import/files.ts';
import { ImportWriteError, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { freshDatabase, graphCounts, resetGraph, testConfig } from '../support/db.ts';
import { type CuttableLink, startCuttableLink } from '../support/link.ts';
import { ndjsonFile, person, type Rec, SRC, source } from '../support/records.ts';

/** 300 people, each holding a role at one of 20 organisations: 621 records, 32 batches of 20. */
function records(): Rec[] {
  const out: Rec[] = [source()];
  for (let i = 0; i < 20; i++)
    out.push({ type: 'organisation', id: `o-${i}`, name: `单位${i}`, sources: [SRC] });
  for (let i = 0; i < 300; i++) {
    out.push(person(`p-${i}`, `人员${i}`));
    out.push({
      type: 'role',
      id: `r-${i}`,
      person: `p-${i}`,
      organisation: `o-${i % 20}`,
      title: '主任',
      sources: [SRC],
    });
  }
  return out;
}

describe('Neo4j going away in the middle of an import', () => {
  let db: Database;
  let link: CuttableLink;
  let linked: Database;
  const file = ndjsonFile(records());
  let clean: { nodes: number; relationships: number };

  beforeAll(async () => {
    db = await freshDatabase();
    await runImport(db, [fileInput(file)]);
    clean = await graphCounts(db);
    link = await startCuttableLink(testConfig().neo4j.uri);
    linked = createDatabase(testConfig({ uri: link.uri, connectTimeoutMs: 1500 }).neo4j);
  });
  afterAll(async () => {
    await linked.close();
    await link.close();
    await db.close();
  });

  it('fails with a clear error, keeps whole batches only, and a rerun completes exactly', async () => {
    await resetGraph(db);
    let batches = 0;
    const failed = await runImport(linked, [fileInput(file)], {
      batchSize: 20,
      onBatch: async () => {
        batches += 1;
        if (batches === 5) await link.cut();
      },
    }).catch((error) => error);
    expect(failed).toBeInstanceOf(ImportWriteError);
    expect(failed.message).toMatch(
      /writing nodes failed in batch 6 \(records 101-120\); that batch was rolled back, 5 nodes batches before it are committed/,
    );
    expect(failed.checkpoint).toEqual({ nodes: 5, relationships: 0 });
    // Five whole batches of nodes, nothing of the sixth.
    expect(await graphCounts(db)).toEqual({ nodes: 100, relationships: 0 });

    await link.restore();
    const rerun = await runImport(linked, [fileInput(file)], { batchSize: 20 });
    expect(rerun.ok).toBe(true);
    expect(await graphCounts(db)).toEqual(clean);
    expect(rerun.nodes.person).toEqual({ created: 300 - 40, updated: 0, unchanged: 40 });
  });

  it('--resume skips the batches an interrupted run committed, using its checkpoint file', async () => {
    await resetGraph(db);
    let batches = 0;
    const failed = await importFiles(linked, [file], {
      batchSize: 20,
      onBatch: async () => {
        batches += 1;
        if (batches === 40) await link.cut(); // 32 batches of nodes, then 8 of relationships
      },
    }).catch((error) => error);
    expect(failed.message).toMatch(/writing relationships failed in batch 9 \(records 161-180\)/);
    await link.restore();
    const resumed = await importFiles(linked, [file], { batchSize: 20, resume: true });
    expect(resumed.ok).toBe(true);
    expect(resumed.skippedBatches).toBe(40);
    expect(await graphCounts(db)).toEqual(clean);
    // The checkpoint is gone once the import completed: a later --resume starts afresh.
    const again = await importFiles(db, [file], { batchSize: 20, resume: true });
    expect(again.skippedBatches).toBe(0);
  });

  /** Imports `path` until `batches` batches are committed, leaving its checkpoint behind. */
  const interrupt = (path: string, batches: number) => {
    let n = 0;
    return importFiles(db, [path], {
      batchSize: 20,
      onBatch: () => {
        n += 1;
        if (n === batches) throw new Error('interrupted');
      },
    }).catch((error: Error) => expect(error.message).toBe('interrupted'));
  };

  it('--resume refuses a checkpoint whose batches the database does not hold, and writes nothing', async () => {
    await resetGraph(db);
    await interrupt(file, 7);
    await resetGraph(db); // the database emptied (or restored from an older backup)
    const resumed = await importFiles(db, [file], { batchSize: 20, resume: true }).catch(
      (error: Error) => error,
    );
    expect(resumed).toBeInstanceOf(Error);
    expect((resumed as Error).message).toMatch(
      /checkpoint .* says 7 nodes batches are committed, but batch 1 \(records 1-20\) is not in the database: 20 of its 20 nodes are missing; run the import without --resume/,
    );
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
    // Relationships are checked likewise: 32 batches of nodes, then 3 of relationships.
    await interrupt(file, 35);
    await db.write(cypher('test/delete-relationships'));
    const lost = await importFiles(db, [file], { batchSize: 20, resume: true }).catch(
      (error: Error) => error,
    );
    expect((lost as Error).message).toMatch(
      /says 3 relationships batches are committed, but batch 2 \(records 21-40\) is not in the database: \d+ of its \d+ relationships are missing/,
    );
    expect((await graphCounts(db)).relationships).toBe(0);
    // Without --resume the same import completes.
    expect((await importFiles(db, [file], { batchSize: 20 })).ok).toBe(true);
    expect(await graphCounts(db)).toEqual(clean);
  });

  it('--resume refuses a checkpoint written against another database or other file content', async () => {
    await resetGraph(db);
    const copy = ndjsonFile(records());
    await interrupt(copy, 3);
    // The checkpoint of this file (others may be left by the tests before).
    const [checkpoint] = readdirSync('.').filter(
      (f) =>
        /^\.accord-import-.*\.checkpoint\.json$/.test(f) &&
        JSON.parse(readFileSync(f, 'utf8')).files?.[0]?.path === copy,
    );
    const saved = JSON.parse(readFileSync(checkpoint as string, 'utf8'));
    writeFileSync(checkpoint as string, JSON.stringify({ ...saved, database: 'another-database' }));
    const other = await importFiles(db, [copy], { batchSize: 20, resume: true }).catch(
      (error: Error) => error,
    );
    expect((other as Error).message).toMatch(
      /checkpoint .* was written against another database \(another-database\), not this one \(.+\); run the import without --resume/,
    );
    writeFileSync(checkpoint as string, JSON.stringify(saved));
    appendFileSync(copy, `${JSON.stringify(person('p-late', '晚到'))}\n`);
    const edited = await importFiles(db, [copy], { batchSize: 20, resume: true }).catch(
      (error: Error) => error,
    );
    expect((edited as Error).message).toMatch(
      /checkpoint .* was written for other contents of .*input\.ndjson; run the import without --resume/,
    );
    expect(await graphCounts(db)).toEqual({ nodes: 60, relationships: 0 });
    rmSync(checkpoint as string);
  });
});
