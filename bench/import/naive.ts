/**
 * The naive baseline: the same graph written one record per transaction. Every record is
 * validated and resolved as Accord's import does it; then each record's node is upserted in a
 * transaction of its own (cypher/import/upsert-nodes.cypher with a one-row batch), and, once
 * every node exists, each record's relationships in a transaction of their own
 * (upsert-relationships.cypher). Two passes, as a record may refer to one later in the file.
 *
 *   NEO4J_URI=... node bench/import/naive.ts FILE [--json]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { writeNodes, writeRelationships } from '../../src/import/write.ts';
import { resolveFile } from './records.ts';

export interface NaiveResult {
  file: string;
  records: number;
  transactions: number;
  elapsedMs: number;
  recordsPerSecond: number;
  phases: { nodes: { ms: number }; relationships: { ms: number } };
}

export async function naiveImport(file: string): Promise<NaiveResult> {
  const db = createDatabase(loadConfig().neo4j);
  try {
    await db.verify();
    await migrate(db);
    const started = performance.now();
    const resolved = await resolveFile(file, db);
    // As the pipeline writes them (src/import/write.ts), a record a transaction.
    let transactions = 0;
    const nodesStarted = performance.now();
    for await (const { node } of resolved.rows()) {
      await db.writeTransaction((tx) => writeNodes(tx, [node]));
      transactions += 1;
    }
    const relationshipsStarted = performance.now();
    for await (const { relationships } of resolved.rows()) {
      if (relationships.length === 0) continue;
      await db.writeTransaction((tx) => writeRelationships(tx, relationships));
      transactions += 1;
    }
    const ended = performance.now();
    const elapsedMs = Math.round(ended - started);
    return {
      file,
      records: resolved.records,
      transactions,
      elapsedMs,
      recordsPerSecond: Math.round(resolved.records / (elapsedMs / 1000)),
      phases: {
        nodes: { ms: Math.round(relationshipsStarted - nodesStarted) },
        relationships: { ms: Math.round(ended - relationshipsStarted) },
      },
    };
  } finally {
    await db.close();
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: node bench/import/naive.ts FILE [--json]');
  console.log(JSON.stringify(await naiveImport(file), null, values.json ? 0 : 2));
}
