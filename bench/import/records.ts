/**
 * An import file as the upsert queries see it, without a database: every record validated and
 * its references resolved exactly as Accord's import pipeline does (src/import), against an
 * empty database, then turned into the node and relationship rows the upsert queries take.
 * The naive baseline and the CSV converter for neo4j-admin both start from these rows, so all
 * three imports write the same graph.
 */
import type { Database } from '../../src/db/driver.ts';
import { fileInput } from '../../src/import/read.ts';
import type { ImportRecord, Position } from '../../src/import/records.ts';
import { Resolver } from '../../src/import/resolve.ts';
import {
  type NodeRow,
  nodeRow,
  type RelationshipRow,
  relationshipRows,
} from '../../src/import/rows.ts';
import { validateRecord } from '../../src/import/validate.ts';

/** A database that holds nothing: every look-up finds nothing. */
const emptyDatabase = { read: async () => [] } as unknown as Database;

export interface ResolvedFile {
  /** Yields each record's node row and relationship rows, in file order. */
  rows(): AsyncGenerator<{ node: NodeRow; relationships: RelationshipRow[] }>;
  records: number;
}

/** Validates and resolves a file (two reads of it; memory holds the resolver's tables only). */
export async function resolveFile(
  path: string,
  database: Database = emptyDatabase,
): Promise<ResolvedFile> {
  const input = fileInput(path);
  const issues: string[] = [];
  const resolver = new Resolver((issue) => {
    issues.push(`${issue.file}:${issue.line} ${issue.field}: ${issue.message}`);
  });
  let records = 0;
  const valid = async function* (): AsyncGenerator<{ record: ImportRecord; position: Position }> {
    for await (const item of input.read()) {
      if (item.error !== undefined || !item.record)
        throw new Error(`${path}:${item.position.line}: ${item.error}`);
      const problems = validateRecord(item.record);
      if (problems.length > 0) {
        throw new Error(
          `${path}:${item.position.line}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        );
      }
      yield { record: item.record, position: item.position };
    }
  };
  for await (const { record, position } of valid()) {
    resolver.see(record, position);
    records += 1;
  }
  await resolver.settle(database);
  if (issues.length > 0)
    throw new Error(`${path} is not importable:\n${issues.slice(0, 5).join('\n')}`);
  const resolve = resolver.resolve.bind(resolver);
  return {
    records,
    async *rows() {
      for await (const { record, position } of valid()) {
        const id = resolver.idOf(record, position);
        yield {
          node: nodeRow(record, id, resolve),
          relationships: relationshipRows(record, id, resolve),
        };
      }
    },
  };
}
