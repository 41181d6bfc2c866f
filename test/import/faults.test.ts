import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
