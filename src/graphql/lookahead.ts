/**
 * Lookahead: from a request's selection, the relationships its fields will follow, fetched in
 * one query (graph/prefetch.ts) before the fields ask for them, where the loaders alone take
 * one query per nesting level. Relationship fields carry what they follow as
 * `extensions.follows`, from the catalogue (following.ts); fields that carry nothing
 * (ancestors, partners, sources) load when they ask, and so do the steps past MAX_STEPS. The fetched lists only prime the loaders: every field still shapes,
 * sorts and filters its own answer.
 */
import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EntityNode } from '../graph/entity.ts';
import type { ListPage } from '../graph/lists.ts';
import type { Step } from '../graph/loaders.ts';
import type { Direction, RelationshipType } from '../model/relationships.ts';
import type { Context } from './context.ts';

/**
 * A relationship a field follows from its parent entity. `at` names the field of the field's
 * objects that holds the entity at the other end (Party.organisation), when they are not the
 * entities themselves; the objects' other fields that follow relationships follow them from it.
 */
export interface Follows {
  type: RelationshipType;
  direction: Direction;
  at?: string;
}

/** The most relationships one request follows ahead; a bound on the statement's size. */
const MAX_STEPS = 64;

const followedBy = (field: GraphQLField<unknown, unknown>): Follows[] =>
  (field.extensions as { follows?: Follows[] }).follows ?? [];

/** The fields that `selections` select on `type`, through the fragments that apply to it. */
export function fieldsOn(
  selectionSets: readonly (SelectionSetNode | undefined)[],
  type: GraphQLNamedType,
  info: GraphQLResolveInfo,
): FieldNode[] {
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const named = info.schema.getType(condition);
    return named && isAbstractType(named) && isObjectType(type)
      ? info.schema.isSubType(named, type)
      : false;
  };
  // What @skip or @include leaves out is not asked for, and not fetched.
  const included = (selection: SelectionNode) =>
    !getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if &&
    getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if !== false;
  const out: FieldNode[] = [];
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of selectionSets) walk(set);
  return out;
}

/**
 * The steps that the selection below the field being resolved will follow, starting from the
 * objects at `path` under it (`['nodes']` for a connection's nodes; `[]` for the field's own).
 */
export function plan(info: GraphQLResolveInfo, ...paths: string[][]): Step[] {
  const steps: Step[] = [];
  const numbered = new Map<string, number>();

  const visit = (
    fields: readonly FieldNode[],
    type: GraphQLNamedType,
    parent: number,
    at?: string,
  ) => {
    if (!isObjectType(type)) return;
    for (const node of fieldsOn(
      fields.map((f) => f.selectionSet),
      type,
      info,
    )) {
      const field = type.getFields()[node.name.value];
      if (!field) continue;
      const fieldType = getNamedType(field.type);
      const relationships = followedBy(field);
      if (relationships.length === 0 && node.name.value === at) {
        visit([node], fieldType, parent);
      }
      for (const { type: relType, direction, at: next } of relationships) {
        const key = `${parent} ${relType} ${direction}`;
        let step = numbered.get(key);
        if (step === undefined) {
          if (steps.length >= MAX_STEPS) continue;
          step = steps.push({ parent, type: relType, direction }) - 1;
          numbered.set(key, step);
        }
        visit([node], fieldType, step, next);
      }
    }
  };

  for (const path of paths) {
    let fields: readonly FieldNode[] = info.fieldNodes;
    let type = getNamedType(info.returnType);
    for (const name of path) {
      if (!isObjectType(type)) break;
      const field = type.getFields()[name];
      if (!field) break;
      fields = fieldsOn(
        fields.map((f) => f.selectionSet),
        type,
        info,
      ).filter((f) => f.name.value === name);
      type = getNamedType(field.type);
    }
    visit(fields, type, -1);
  }
  return steps;
}

/**
 * Fetches, for the entity `id` the field being resolved returns, the relationships its
 * selection follows, and the entity itself unless it is `loaded` already.
 */
export async function aheadOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  id: string,
  loaded = false,
): Promise<void> {
  const steps = plan(info, []);
  if (steps.length > 0) await ctx.loaders.prefetch([id], steps, !loaded);
}

/** A list page whose nodes come with the relationships its selection follows. */
export function withLookahead(ctx: Context, info: GraphQLResolveInfo, list: ListPage): ListPage {
  const steps = plan(info, ['nodes'], ['edges', 'node']);
  if (steps.length === 0) return list;
  return {
    ...list,
    nodes: async (): Promise<EntityNode[]> => {
      const nodes = await list.nodes();
      if (nodes.length === 0) return nodes;
      await ctx.loaders.prefetch(
        nodes.map((n) => n.id),
        steps,
        false,
      );
      return nodes;
    },
  };
}
