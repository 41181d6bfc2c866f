/**
 * The prefetch statement for a plan of steps (see Step in loaders.ts): the entities asked for
 * and every relationship the steps follow from them, level under level, in one statement put
 * together from the three parts in cypher/graph/prefetch/.
 *
 * Relationship types are written into the statement rather than passed as parameters: with a
 * type parameter (`[r:$(type)]`) Neo4j expands every relationship of a node and then filters
 * on the type, so the cost follows the node's degree rather than the answer (see the plans
 * in bench/results/plans/); a written type expands that type's relationships only. Only the
 * model's relationship types, the two directions and step numbers are written in, each
 * checked here; ids stay parameters. A plan's statement is built once and reused.
 */
import { cypher, type Query } from '../db/cypher.ts';
import { RELATIONSHIP_TYPES } from '../model/kinds.ts';
import type { Step } from './loaders.ts';

const TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);
const statements = new Map<string, Query>();

/** A template's statement, without its comment lines, with `{{key}}` replaced by values[key]. */
const fill = (template: string, values: Record<string, string>) =>
  template
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`prefetch: no value for {{${key}}}`);
      return value;
    });

/** The statement that runs `steps`; its parameters are `ids` and `withRoots`. */
export function prefetchStatement(steps: readonly Step[]): Query {
  const key = steps.map((s) => `${s.parent} ${s.type} ${s.direction}`).join(',');
  let query = statements.get(key);
  if (query) return query;
  const parts = [fill(cypher('graph/prefetch/start').text, {})];
  steps.forEach(({ parent, type, direction }, step) => {
    if (!TYPES.has(type)) throw new Error(`prefetch: ${type} is not a relationship type`);
    if (!Number.isInteger(parent) || parent < -1 || parent >= step)
      throw new Error(`prefetch: step ${step} must come after its parent (${parent})`);
    const pattern =
      direction === 'out' ? `(n)-[r:${type}]->(m:Entity)` : `(n)<-[r:${type}]-(m:Entity)`;
    parts.push(
      fill(cypher('graph/prefetch/step').text, {
        parent: parent < 0 ? 'root' : String(parent),
        pattern,
        step: String(step),
      }),
    );
  });
  const found = steps.map((_, step) => `found_${step}`).join(' + ') || '[]';
  parts.push(fill(cypher('graph/prefetch/rows').text, { found }));
  query = { name: 'graph/prefetch', text: parts.join('\n') };
  statements.set(key, query);
  return query;
}
