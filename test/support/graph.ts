/**
 * The whole stored graph (cypher/test/import/graph.cypher) as sorted lines, each property with
 * its Cypher type, for comparing two ways of writing one graph.
 */
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';

type Rec = Record<string, unknown>;

/** A value with its keys in order, so that two equal graphs print the same. */
const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object' || 'low' in value) return value;
  return Object.fromEntries(
    Object.entries(value as Rec)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sorted(v)]),
  );
};

/** The stored graph, every node and relationship as one line, sorted. */
export async function storedGraph(
  db: Database,
): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await db.read(cypher('test/import/graph'));
  const lines = (items: unknown) =>
    (items as unknown[][]).map((item) => JSON.stringify(sorted(item))).sort();
  const nodes = ((row?.nodes ?? []) as [string[], Rec, unknown][]).map(([labels, ...rest]) => [
    labels.sort(),
    ...rest,
  ]);
  return { nodes: lines(nodes), relationships: lines(row?.relationships) };
}
