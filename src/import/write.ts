/**
 * Writing rows in a transaction: the upsert of nodes or relationships (cypher/import/upsert-*),
 * then the choice of values where new claims joined stored ones (cypher/claims/). One statement
 * for every kind and type: statements with the label or type written in, one per kind and type,
 * were measured (bench/README.md, "Import: where the time goes"): they saved no database hits on
 * these graphs while each new one cost a plan, seconds on a loaded machine.
 *
 * With `create`, rows of nodes and relationships the database does not hold yet (most of a bulk
 * import) take the create path instead: nothing stored is to be united with, so each is written
 * by one SET of properties prepared in Node (src/import/rows.ts), without the upsert's Eager
 * barriers; the rest are upserted as before. The outcome is the same either way.
 */
import { cypher } from '../db/cypher.ts';
import type { Row, Transaction } from '../db/driver.ts';
import { CLAIM_PARAMETERS } from '../model/claims.ts';
import {
  type NodeRow,
  newNodeProperties,
  newRelationshipProperties,
  type RelationshipRow,
} from './rows.ts';

/** Whether to write rows for nodes and relationships not in the database by the create path. */
export interface WriteOptions {
  create?: boolean;
  /**
   * Whether the database holds each node id, as resolution found it (Resolver.held): those
   * given are not looked up again; the rest are, in the transaction.
   */
  held?: ReadonlyMap<string, boolean>;
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

async function upsert(
  tx: Transaction,
  what: 'nodes' | 'relationships',
  rows: NodeRow[] | RelationshipRow[],
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const written = await tx.run(cypher(`import/upsert-${what}`), { rows });
  // Throwing here rolls the batch back: a row whose endpoint vanished is not half-written.
  if (written.length !== rows.length) {
    throw new Error(
      `expected ${rows.length} rows written, Neo4j wrote ${written.length}: an endpoint is missing`,
    );
  }
  await chooseClaimed(tx, what, written);
  return written;
}

/**
 * Writes node rows; each result row has `kind` and `status` (created, updated, unchanged).
 * With `create`, the ids the database does not hold are created (cypher/import/create-nodes),
 * the rest upserted. Whether it holds one is what `held` says, else looked up here.
 */
export async function writeNodes(
  tx: Transaction,
  rows: NodeRow[],
  { create = false, held = new Map() }: WriteOptions = {},
): Promise<Row[]> {
  if (!create) return upsert(tx, 'nodes', rows);
  const unknown = rows.filter((row) => !held.has(row.id)).map((row) => row.id);
  const found = new Set(
    unknown.length > 0
      ? (await tx.run(cypher('import/lookup-ids'), { ids: unknown })).map((row) => row.id)
      : [],
  );
  const stored = (row: NodeRow) => held.get(row.id) ?? found.has(row.id);
  const fresh = rows.filter((row) => !stored(row));
  if (fresh.length > 0) {
    const props = fresh.map((row) => ({ label: row.label, props: newNodeProperties(row) }));
    await tx.run(cypher('import/create-nodes'), { rows: props });
  }
  const created = fresh.map((row) => ({ kind: row.kind, status: 'created' }));
  return [...created, ...(await upsert(tx, 'nodes', rows.filter(stored)))];
}

/**
 * Writes relationship rows; each result row has `type` and `status`. With `create`, those that
 * do not exist are created (cypher/import/create-relationships), the rest upserted. One
 * statement that looks and creates: a look-up, then a create of its misses by element id, was
 * measured (bench/README.md): 15 database hits a row against 13, and the rows sent twice.
 */
export async function writeRelationships(
  tx: Transaction,
  rows: RelationshipRow[],
  { create = false }: WriteOptions = {},
): Promise<Row[]> {
  if (!create) return upsert(tx, 'relationships', rows);
  const toCreate = rows.map((row, i) => {
    const { type, from, to, identity } = row;
    return { i, type, from, to, identity, props: newRelationshipProperties(row) };
  });
  const done = await tx.run(cypher('import/create-relationships'), { rows: toCreate });
  const fresh = new Set(done.map(({ i }) => Number(i)));
  const created = rows
    .filter((_, i) => fresh.has(i))
    .map((row) => ({ type: row.type, status: 'created' }));
  const rest = rows.filter((_, i) => !fresh.has(i));
  return [...created, ...(await upsert(tx, 'relationships', rest))];
}

/**
 * A write that failed because a node it created exists after all: another transaction
 * created the id between the look-up and the create (the id's unique constraint).
 */
export const createdMeanwhile = (error: unknown): boolean =>
  (error as { code?: unknown })?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
