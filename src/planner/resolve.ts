/**
 * The planner in the schema: the root fields it can plan run one compiled statement each and
 * return the shaped objects; every field of those objects returns the value under its
 * response key. Whatever it cannot plan (a null plan) and every object it did not shape go
 * through the resolvers as before, so the loaders' path is untouched for them.
 */
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { titleForms } from '../graph/titles.ts';
import type { Context } from '../graphql/context.ts';
import { connection } from '../graphql/pagination.ts';
import { reference } from '../graphql/references.ts';
import { statementOf } from './compile.ts';
import { KNOWN } from './fields.ts';
import { planRoot, type RootPlan } from './plan.ts';
import { isPlanned, type Row, shape, typedAs, typeOf } from './shape.ts';

type Args = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<unknown, Context, Args>;
type Raw = Record<string, unknown>;

/**
 * The filter's references looked up by id or name, as the lists' resolvers do after an empty
 * answer (resolvers/queries.ts, graph/lists.ts): null when the answer stands (one names
 * nothing, or all were the ids asked), else the parameters to ask again with.
 */
async function referenced(ctx: Context, plan: RootPlan, params: Args) {
  const ids = await Promise.all(
    Object.entries(plan.references).map(async ([argument, kind]) => {
      const given = params[argument];
      return [argument, await reference(ctx, kind, given, argument), given] as const;
    }),
  );
  if (ids.some(([, id]) => id === undefined) || ids.every(([, id, given]) => id === given))
    return null;
  return { ...params, ...Object.fromEntries(ids.map(([argument, id]) => [argument, id])) };
}

/** What run answers when the resolver must: a name several entities bear (its error). */
const ASK_RESOLVER = Symbol('ask the resolver');

/** Runs a root field's plan: a look-up's object, a search's hits, or a list's connection. */
async function run(plan: RootPlan, ctx: Context) {
  const { tree } = plan;
  let { params } = plan;
  if (tree.root.kind === 'named') {
    // As graph/references.ts byName chooses: the one entity, else the one named exactly so.
    const rows = await ctx.db.read(statementOf(tree), params);
    const exact = rows.length <= 1 ? rows : rows.filter((row) => row.name === params.name);
    if (exact.length > 1 || (rows.length > 1 && exact.length === 0)) return ASK_RESOLVER;
    return shape(tree.fields, exact[0]?.value as Row | undefined, params);
  }
  if (tree.root.kind === 'search') {
    const { label } = tree.root;
    const rows = await ctx.db.read(statementOf(tree), params);
    return rows.map((hit) => {
      const shaped = shape(tree.fields, hit.value as Row, params) as Raw;
      for (const { key, value } of tree.fields)
        if (value.kind === 'end') typedAs(shaped[key] as object, label);
      return shaped;
    });
  }
  // people(title:): the title's stored forms first, as the loaders' resolver reads them.
  if (plan.title !== undefined)
    params = { ...params, titles: await titleForms(ctx.db, plan.title) };
  let [row] = await ctx.db.read(statementOf(tree), params);
  if (tree.root.kind === 'lookup') return shape(tree.fields, row?.value as Row | null, params);
  // Nothing found: perhaps a reference was a name, not an id (a page asked without its
  // count tells by being empty).
  const none = row?.total === 0 || (row?.total === undefined && row?.page?.length === 0);
  if (none && Object.keys(plan.references).length > 0) {
    const other = await referenced(ctx, plan, params);
    if (other) {
      params = other;
      [row] = await ctx.db.read(statementOf(tree), params);
    }
  }
  const total = row?.total as number | undefined;
  const nodes = ((row?.page as Row[] | undefined) ?? []).map((raw) =>
    shape(tree.fields, raw, params),
  );
  const page = { skip: params.skip as number, limit: params.limit as number };
  return connection(page, {
    nodes: async () => nodes as never,
    count: async () => total as number,
  });
}

/** A root field that runs its plan when there is one, else its own resolver. */
const rootField =
  (own: Resolver, custom: ReadonlySet<string>): Resolver =>
  async (source, args, ctx, info: GraphQLResolveInfo) => {
    const plan = planRoot(info, args, custom);
    const answer = plan ? await run(plan, ctx) : ASK_RESOLVER;
    return answer === ASK_RESOLVER ? own(source, args, ctx, info) : answer;
  };

/** A field that reads its value from a planned parent, else resolves as it did. */
const plannedField =
  (own: Resolver): Resolver =>
  (parent, args, ctx, info) =>
    isPlanned(parent) ? (parent as Raw)[info.path.key as string] : own(parent, args, ctx, info);

/** `schema` with the planner in front of its root fields (modified in place and returned). */
export function withPlanner(schema: GraphQLSchema): GraphQLSchema {
  const custom = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()))
      if (field.resolve) custom.add(`${type.name}.${field.name}`);
  }
  const query = schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {})) {
    field.resolve = rootField((field.resolve ?? defaultFieldResolver) as Resolver, custom);
  }
  for (const name of ['Entity', 'Node']) {
    const type = schema.getType(name);
    if (!isInterfaceType(type)) continue;
    const own = type.resolveType;
    type.resolveType = (value, ...rest) => typeOf(value) || own?.(value, ...rest);
  }
  for (const name of [...Object.keys(KNOWN), 'SearchHit']) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = plannedField((field.resolve ?? defaultFieldResolver) as Resolver);
    }
  }
  return schema;
}
