import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../bench/generate.ts';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { exportRecords } from '../../src/export/records.ts';
import { importFiles } from '../../src/import/files.ts';
import { ImportWriteError, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { ndjsonFile, type Rec, source } from '../support/records.ts';

/** An import into an empty database that builds the search and list indexes after its data. */
describe('indexes deferred by an import into an empty database', () => {
  let db: Database;
  const CLASH = 'https://clash.example/indexes';
  // A generated graph with a source in the middle (record 401, batch 9 of 13) whose url a node
  // outside the graph holds under a constraint the import does not know: its batch fails.
  const generated = [...records({ entities: 600, seed: 5 })] as Rec[];
  const file = ndjsonFile([
    ...generated.slice(0, 400),
    source('src-clash', { url: CLASH }),
    ...generated.slice(400),
  ]);
  const org = generated.find((r) => r.type === 'organisation') as Rec;
  const exportAll = async () => {
    const lines: string[] = [];
    for await (const record of exportRecords(db)) lines.push(JSON.stringify(record));
    return lines;
  };
  const schema = () => db.read(cypher('test/schema-objects'));
  /** The ids full-text search finds for the first organisation's name. */
  const found = async () =>
    (await db.read(cypher('test/fulltext'), { text: org.name })).map((hit) => hit.id).sort();
  let clean: { graph: string[]; schema: unknown[]; found: unknown[] };

  beforeAll(async () => {
    db = await freshDatabase();
    const summary = await runImport(db, [fileInput(file)], { batchSize: 50, deferIndexes: false });
    expect(summary.ok).toBe(true);
    clean = { graph: await exportAll(), schema: await schema(), found: await found() };
    expect(clean.found).toContain(org.id);
  });
  afterAll(async () => {
    await db.autoCommit(cypher('test/drop-constraint'), { name: 'test_source_url' });
    await db.close();
  });

  it('are online with every entry when the import returns', async () => {
    await resetGraph(db);
    const summary = await runImport(db, [fileInput(file)], { batchSize: 50, deferIndexes: true });
    expect(summary.ok).toBe(true);
    expect(await schema()).toEqual(clean.schema);
    expect(await found()).toEqual(clean.found);
    expect(await exportAll()).toEqual(clean.graph);
  });

  it('are left to --resume by an interrupted import, which completes the same graph with every index online', async () => {
    await resetGraph(db);
    await db.autoCommit(cypher('test/import/unique-source-url'));
    await db.write(cypher('test/import/put-clash'), { url: CLASH });
    const failed = await importFiles(db, [file], { batchSize: 50, deferIndexes: true }).catch(
      (error) => error,
    );
    expect(failed).toBeInstanceOf(ImportWriteError);
    expect(failed.checkpoint).toEqual({ nodes: 8, relationships: 0 });
    // Deferred, and not yet built: the failed import did not get that far.
    const names = (await schema()).map((index) => index.name);
    expect(names).not.toContain('entity_names');
    expect(names).toContain('entity_id');

    await db.write(cypher('test/import/remove-clash'), { url: CLASH });
    const resumed = await importFiles(db, [file], { batchSize: 50, resume: true });
    expect(resumed.ok).toBe(true);
    expect(resumed.skippedBatches).toBe(8);
    expect(await exportAll()).toEqual(clean.graph);
    expect((await schema()).filter((index) => index.name !== 'test_source_url')).toEqual(
      clean.schema,
    );
    expect(await found()).toEqual(clean.found);
  });

  it('are built by migrate (a service starting) when an interrupted import is not run again', async () => {
    await resetGraph(db);
    await db.write(cypher('test/import/put-clash'), { url: CLASH });
    const failed = await runImport(db, [fileInput(file)], { batchSize: 50, deferIndexes: true })
      .then(() => 'imported')
      .catch((error) => error);
    expect(failed).toBeInstanceOf(ImportWriteError);
    expect((await schema()).map((index) => index.name)).not.toContain('entity_names');

    expect(await migrate(db)).toEqual([]);
    expect((await schema()).filter((index) => index.name !== 'test_source_url')).toEqual(
      clean.schema,
    );
    // The nodes of the committed batches (the organisation's among them) are in the index.
    expect(await found()).toContain(org.id);
    await db.write(cypher('test/import/remove-clash'), { url: CLASH });
  });
});
