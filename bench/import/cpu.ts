/**
 * The import's own CPU work, without Neo4j: reading and validating every record, resolving its
 * references (against an empty database), and building the node and relationship rows the
 * upsert queries take, timed step by step. This is the ceiling the Node side puts on an import,
 * whatever Neo4j does.
 *
 *   node bench/import/cpu.ts FILE [--json]
 */
import { parseArgs } from 'node:util';
import type { Database } from '../../src/db/driver.ts';
import { fileInput } from '../../src/import/read.ts';
import type { ImportRecord, Position } from '../../src/import/records.ts';
import { Resolver } from '../../src/import/resolve.ts';
import { nodeRow, relationshipRows } from '../../src/import/rows.ts';
import { validateRecord } from '../../src/import/validate.ts';
import { nameKeys, searchTerms } from '../../src/names.ts';

export interface CpuProfile {
  records: number;
  relationships: number;
  /** Microseconds per record for each step. */
  usPerRecord: {
    readJson: number;
    validate: number;
    register: number;
    nodeRow: number;
    /** Part of nodeRow: the full-text search terms (names normalised, pinyin). */
    searchTerms: number;
    /** Part of nodeRow: the normalised name keys. */
    nameKeys: number;
    relationshipRows: number;
  };
  /** Records per second if the import did nothing but this work, one pass each as the pipeline does. */
  ceilingRecordsPerSecond: number;
}

/** A database that holds nothing: every look-up finds nothing. */
const emptyDatabase = { read: async () => [] } as unknown as Database;

export async function cpuProfile(file: string): Promise<CpuProfile> {
  const input = fileInput(file);
  const records: { record: ImportRecord; position: Position }[] = [];
  let t = performance.now();
  for await (const item of input.read()) {
    if (item.record) records.push({ record: item.record, position: item.position });
  }
  const readJson = performance.now() - t;

  t = performance.now();
  for (const { record } of records) {
    if (validateRecord(record).length > 0) throw new Error(`invalid record ${record.id}`);
  }
  const validate = performance.now() - t;

  const resolver = new Resolver((issue) => {
    throw new Error(JSON.stringify(issue));
  });
  t = performance.now();
  for (const { record, position } of records) resolver.see(record, position);
  await resolver.settle(emptyDatabase);
  const register = performance.now() - t;
  const resolve = resolver.resolve.bind(resolver);

  t = performance.now();
  for (const { record, position } of records)
    nodeRow(record, resolver.idOf(record, position), resolve);
  const nodeRows = performance.now() - t;

  const namesOf = (r: ImportRecord) => [
    r.name as string,
    r.nameEn as string,
    ...((r.aliases as string[]) ?? []),
  ];
  t = performance.now();
  for (const { record } of records) if (record.type !== 'role') searchTerms(namesOf(record));
  const terms = performance.now() - t;
  t = performance.now();
  for (const { record } of records) if (record.type !== 'role') nameKeys(namesOf(record));
  const keys = performance.now() - t;

  let relationships = 0;
  t = performance.now();
  for (const { record, position } of records) {
    relationships += relationshipRows(record, resolver.idOf(record, position), resolve).length;
  }
  const relRows = performance.now() - t;

  const n = records.length;
  const us = (ms: number) => Math.round((ms * 1000) / n);
  // The pipeline reads and validates every record three times (validate, nodes, relationships).
  const perRecordMs = (3 * (readJson + validate) + register + nodeRows + relRows) / n;
  return {
    records: n,
    relationships,
    usPerRecord: {
      readJson: us(readJson),
      validate: us(validate),
      register: us(register),
      nodeRow: us(nodeRows),
      searchTerms: us(terms),
      nameKeys: us(keys),
      relationshipRows: us(relRows),
    },
    ceilingRecordsPerSecond: Math.round(1000 / perRecordMs),
  };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: node bench/import/cpu.ts FILE [--json]');
  const profile = await cpuProfile(file);
  console.log(JSON.stringify(profile, null, values.json ? 0 : 2));
}
