/**
 * The prefetch statement for a plan of steps (see Step in loaders.ts): the entities asked for
 * and every relationship the steps follow from them, level under level, in one statement put
 * together from the three parts in cypher/graph/prefetch/.
 *
 * Relationship types are written into the statement rather than passed as parameters: with a
 * type parameter (`[r:$(type)]`) Neo4j expands every relationship of a node and then filters
 * on the type, so the cost follows the node's degree rather than the answer (measured in
 * bench/README.md); a written type expands that type's relationships only. Only the model's
 * relationship types, the two directions and step numbers are written in, each checked here;
 * ids stay parameters. A plan's statement is built once and reused.
 */
import { ARROWS, cypher, type Query, withoutComments } from '../db/cypher.ts';
import type { GraphPrefetchRowsRow, QueryName } from '../db/queries.ts';
import { isRelationshipType } from '../model/relationships.ts';
import type { Step } from './loaders.ts';

/**
 * Statements built, by plan. The plans come from clients' selections, so the cache is bounded:
 * past CACHED plans the oldest is dropped (Neo4j keeps its own plan cache as well).
 */
const CACHED = 500;
const built = new Map<string, Query<GraphPrefetchRowsRow>>();

/** A template's statement, without its comment lines, with `{{key}}` replaced by values[key]. */
const fill = (name: QueryName, values: Record<string, string> = {}) =>
  withoutComments(cypher(name).text).replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: no value for {{${key}}}`);
    return value;
  });

/** The statement that runs `steps`; its parameters are `ids` and `withRoots`. */
export function prefetchStatement(steps: readonly Step[]): Query<GraphPrefetchRowsRow> {
  const key = steps.map((s) => `${s.parent} ${s.type} ${s.direction}`).join(',');
  const cached = built.get(key);
  if (cached) return cached;
  const parts = [fill('graph/prefetch/start')];
  steps.forEach(({ parent, type, direction }, step) => {
    if (!isRelationshipType(type)) throw new Error(`prefetch: ${type} is not a relationship type`);
    if (direction !== 'out' && direction !== 'in')
      throw new Error(`prefetch: ${direction} is not a direction`);
    if (!Number.isInteger(parent) || parent < -1 || parent >= step)
      throw new Error(`prefetch: step ${step} must come after its parent (${parent})`);
    parts.push(
      fill('graph/prefetch/step', {
        parent: parent < 0 ? 'root' : String(parent),
        ...ARROWS[direction],
        type,
        step: String(step),
      }),
    );
  });
  const found = steps.map((_, step) => `found_${step}`).join(' + ') || '[]';
  parts.push(fill('graph/prefetch/rows', { found }));
  const query = { name: 'graph/prefetch', text: parts.join('\n') };
  if (built.size >= CACHED) built.delete(built.keys().next().value as string);
  built.set(key, query);
  return query;
}
