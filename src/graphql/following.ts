/**
 * The relationship fields, from the catalogue (src/model/relationships.ts): each field the
 * catalogue lists gets the relationships it follows as `extensions.follows` (read by the
 * lookahead and the planner) and, unless resolvers/ give it one, a resolver made from its
 * spec: the entities at the other end, or the relationship objects (Party, Signatory, ...),
 * or the one most sources state, in the spec's order. The loaders batch every such field
 * across the rows of one request.
 */
import type { EntityNode, Related } from '../graph/entity.ts';
import {
  type Direction,
  type FieldSpec,
  FOLLOWING,
  type RelationshipType,
  type Sort,
} from '../model/relationships.ts';
import type { Context } from './context.ts';
import type { Follows } from './lookahead.ts';

type Resolver = (parent: EntityNode, args: Record<string, unknown>, ctx: Context) => unknown;

/** The relationships of `type` in `direction` from an entity, through the request's loaders. */
export const related = (ctx: Context, type: RelationshipType, direction: Direction, id: string) =>
  ctx.loaders.related(type, direction).load(id);

// Every order ends on the id, so that an answer does not depend on the order Neo4j returned
// the relationships in (the prefetch and the loaders' queries may differ).
const byId = (a: Related, b: Related) => (a.node.id < b.node.id ? -1 : 1);
const text = (r: Related, key: string) => String(r.node[key] ?? '');
const number = (value: unknown, absent: number) => (value as number | undefined) ?? absent;

export const SORTS: Record<Sort, (a: Related, b: Related) => number> = {
  name: (a, b) => String(a.node.name).localeCompare(String(b.node.name)) || byId(a, b),
  order: (a, b) =>
    number(a.rel.order, Number.MAX_SAFE_INTEGER) - number(b.rel.order, Number.MAX_SAFE_INTEGER) ||
    byId(a, b),
  'signedOn desc': (a, b) => text(b, 'signedOn').localeCompare(text(a, 'signedOn')) || byId(a, b),
  'date desc': (a, b) => text(b, 'date').localeCompare(text(a, 'date')) || byId(a, b),
  rank: (a, b) => number(a.node.rank, 0) - number(b.node.rank, 0) || byId(a, b),
  // Most sources first, then the least id: which of several single-valued links a field gives.
  one: (a, b) =>
    ((b.rel.sources as string[]) ?? []).length - ((a.rel.sources as string[]) ?? []).length ||
    byId(a, b),
};

const directionsOf = (spec: FieldSpec): Direction[] =>
  spec.direction === 'both' ? ['out', 'in'] : [spec.direction];

/** What the lookahead and the planner read on the field. */
const followsOf = (spec: FieldSpec & { type: RelationshipType }): Follows[] =>
  directionsOf(spec).map((direction) => ({
    type: spec.type,
    direction,
    ...(spec.at ? { at: spec.at } : {}),
  }));

/**
 * The resolver a spec makes: the one entity most sources state (`sort: 'one'`), or the
 * relationships as objects with the entity at the other end as `at` and the parent under its
 * kind (`agreement`), or the entities, of kind `only` if given; sorted.
 */
function resolverOf(spec: FieldSpec & { type: RelationshipType }): Resolver {
  const sort = SORTS[spec.sort];
  const directions = directionsOf(spec);
  return async (parent, _args, ctx) => {
    const found = (await Promise.all(directions.map((d) => related(ctx, spec.type, d, parent.id))))
      // Followed both ways, a relationship of the parent to itself is met twice: kept once.
      .flatMap((list, i) => (i === 0 ? list : list.filter((r) => r.node.id !== parent.id)))
      .filter((r) => !spec.only || r.node.kind === spec.only)
      .sort(sort);
    if (spec.sort === 'one') return found[0]?.node ?? null;
    const { at } = spec;
    if (at) return found.map((r) => ({ ...r.rel, [at]: r.node, [parent.kind]: parent }));
    return found.map((r) => r.node);
  };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/** `resolvers` with every field of the catalogue resolved and marked with what it follows. */
export function withFollowing(resolvers: ResolverMap): ResolverMap {
  const out = { ...resolvers };
  for (const [name, spec] of FOLLOWING) {
    const [type, field] = name.split('.') as [string, string];
    out[type] = {
      ...out[type],
      [field]: {
        resolve: out[type]?.[field] ?? resolverOf(spec),
        extensions: { follows: followsOf(spec) },
      },
    };
  }
  return out;
}
