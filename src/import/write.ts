/**
 * Writing rows in a transaction: one upsert statement per node label and per relationship
 * type, each with its label or type written in (cypher/import/upsert-*.cypher are templates),
 * since Neo4j plans a written label or type as a seek or an Expand(Into) of that label or type
 * alone, and a parameter (`$(row.type)`) as a scan or an expansion of everything and a filter.
 * Only the model's labels and types are written in, each checked here.
 */
import { cypher, fill, type Query } from '../db/cypher.ts';
import type { Row, Transaction } from '../db/driver.ts';
import { CLAIM_PARAMETERS } from '../model/claims.ts';
import { LABELS, RELATIONSHIP_TYPES } from '../model/kinds.ts';
import type { NodeRow, RelationshipRow } from './rows.ts';

const NODE_LABELS: ReadonlySet<string> = new Set(Object.values(LABELS));
const TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

const statements = new Map<string, Query>();

/** The upsert of one label or type, built once; named as its template for metrics. */
function upsert(template: 'nodes' | 'relationships', name: string): Query {
  const key = `${template} ${name}`;
  let query = statements.get(key);
  if (!query) {
    const known = template === 'nodes' ? NODE_LABELS : TYPES;
    if (!known.has(name)) throw new Error(`import: ${name} is not a ${template} label or type`);
    const values: Record<string, string> = template === 'nodes' ? { label: name } : { type: name };
    query = { name: `import/upsert-${template}`, text: fill(`import/upsert-${template}`, values) };
    statements.set(key, query);
  }
  return query;
}

/** Rows grouped by a key, in the order each key first appears. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Sets the chosen values of the nodes or relationships whose stored claims an upsert joined
 * new ones to (the rows' `choose`: an id, an element id); the upserts set the rest themselves.
 */
export async function chooseClaimed(
  tx: Transaction,
  what: 'nodes' | 'relationships',
  written: Row[],
): Promise<void> {
  const ids = written.map((row) => row.choose).filter((id) => id != null);
  if (ids.length > 0) await tx.run(cypher(`claims/choose-${what}`), { ids, ...CLAIM_PARAMETERS });
}

async function write(
  tx: Transaction,
  template: 'nodes' | 'relationships',
  groups: Map<string, Record<string, unknown>[]>,
): Promise<Row[]> {
  const written: Row[] = [];
  for (const [name, rows] of groups) {
    const result = await tx.run(upsert(template, name), { rows });
    // Throwing here rolls the batch back: a row whose endpoint vanished is not half-written.
    if (result.length !== rows.length) {
      throw new Error(
        `expected ${rows.length} ${name} rows written, Neo4j wrote ${result.length}: an endpoint is missing`,
      );
    }
    written.push(...result);
  }
  await chooseClaimed(tx, template, written);
  return written;
}

/** Upserts node rows; each result row has `kind` and `status` (created, updated, unchanged). */
export const writeNodes = (tx: Transaction, rows: NodeRow[]): Promise<Row[]> =>
  write(
    tx,
    'nodes',
    groupBy(rows as unknown as Record<string, unknown>[], (row) => row.label as string),
  );

/** Upserts relationship rows; each result row has `type` and `status`. */
export const writeRelationships = (tx: Transaction, rows: RelationshipRow[]): Promise<Row[]> =>
  write(
    tx,
    'relationships',
    groupBy(rows as unknown as Record<string, unknown>[], (row) => row.type as string),
  );
