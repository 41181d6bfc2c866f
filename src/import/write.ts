/**
 * Writing rows in a transaction: the upsert of nodes or relationships (cypher/import/upsert-*),
 * then the choice of values where new claims joined stored ones (cypher/claims/). One statement
 * for every kind and type: statements with the label or type written in, one per kind and type,
 * were measured (bench/README.md, "Import: where the time goes"): they saved no database hits on
 * these graphs while each new one cost a plan, seconds on a loaded machine.
 */
import { cypher } from '../db/cypher.ts';
import type { Row, Transaction } from '../db/driver.ts';
import { CLAIM_PARAMETERS } from '../model/claims.ts';
import type { NodeRow, RelationshipRow } from './rows.ts';

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
  what: 'nodes' | 'relationships',
  rows: NodeRow[] | RelationshipRow[],
): Promise<Row[]> {
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

/** Upserts node rows; each result row has `kind` and `status` (created, updated, unchanged). */
export const writeNodes = (tx: Transaction, rows: NodeRow[]) => write(tx, 'nodes', rows);

/** Upserts relationship rows; each result row has `type` and `status`. */
export const writeRelationships = (tx: Transaction, rows: RelationshipRow[]) =>
  write(tx, 'relationships', rows);
