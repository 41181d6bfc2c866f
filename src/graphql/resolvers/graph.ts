/** The graph questions of schema/graph.graphql: connections, neighbourhood, timeline; the relation types. */
import { type GraphNode, MAX_DEPTH, MAX_IDS, neighbourhood } from '../../graph/neighbourhood.ts';
import { connections, MAX_HOPS } from '../../graph/paths.ts';
import { MAX_ENTRIES, timeline } from '../../graph/timeline.ts';
import {
  isRelationshipType,
  RELATIONSHIP_TYPES,
  RELATIONSHIPS,
} from '../../model/relationships.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { askByIdOrName } from '../references.ts';
import { dateRange, onTimeLine } from '../scalars.ts';

type Args = Record<string, unknown>;

/** An integer argument within [min, max], or an error naming the argument and its bounds. */
function bounded(args: Args, name: string, fallback: number, min: number, max: number): number {
  const value = (args[name] as number | null | undefined) ?? fallback;
  if (value < min || value > max) {
    throw badInput(`${name} must be between ${min} and ${max}, got ${value}`, name);
  }
  return value;
}

function relationTypes(args: Args): string[] | null {
  const types = args.relationTypes as string[] | null | undefined;
  if (types == null) return null;
  const unknown = types.filter((t) => !isRelationshipType(t));
  if (unknown.length > 0) {
    throw badInput(
      `relationTypes: unknown ${unknown.length === 1 ? 'type' : 'types'} ${unknown.join(', ')}; the types are ${RELATIONSHIP_TYPES.join(', ')}`,
      'relationTypes',
    );
  }
  return [...new Set(types)];
}

export const graphResolvers = {
  Query: {
    connections: (_: unknown, args: Args, ctx: Context) => {
      const maxHops = bounded(args, 'maxHops', 4, 1, MAX_HOPS);
      return askByIdOrName(
        ctx,
        { from: args.from as string, to: args.to as string },
        ({ from, to }) => connections(ctx.db, from as string, to as string, maxHops),
        (paths) => paths.length === 0,
      );
    },

    neighbourhood: (_: unknown, args: Args, ctx: Context) => {
      const ids = args.ids as string[];
      if (ids.length > MAX_IDS) {
        throw badInput(`ids: at most ${MAX_IDS} ids, got ${ids.length}`, 'ids');
      }
      const options = {
        depth: bounded(args, 'depth', 1, 0, MAX_DEPTH),
        types: relationTypes(args),
        asOf: onTimeLine(args.asOf, 'asOf'),
      };
      return askByIdOrName(
        ctx,
        { ids },
        (found) => neighbourhood(ctx.db, found.ids as string[], options),
        (graph) => graph.nodes.length < ids.length,
      );
    },

    relationTypes: () =>
      RELATIONSHIP_TYPES.map((type) => ({ type, label: RELATIONSHIPS[type].label })),

    timeline: (_: unknown, args: Args, ctx: Context) => {
      const filter = { ...dateRange(args), first: bounded(args, 'first', 100, 0, MAX_ENTRIES) };
      return askByIdOrName(
        ctx,
        { of: (args.of as string | null) ?? null },
        ({ of }) => timeline(ctx.db, { ...filter, of: of as string | null }),
        (entries) => args.of != null && entries.length === 0,
      );
    },
  },

  GraphNode: {
    kind: (node: GraphNode) => node.kind.toUpperCase(),
  },
};
