/**
 * Plan: a root field's selection as a query tree (tree.ts), or null when some part of it is
 * not something the planner can compile (then the loaders answer the field as before). The
 * selection is read as GraphQL executes it: fragments and inline fragments that apply to the
 * type, aliases, `@skip`/`@include` and variables (through the lookahead's fieldsOn), and
 * fields of one response key merged.
 */
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { hasYear } from '../dates.ts';
import { luceneQuery } from '../graph/search.ts';
import { type Follows, fieldsOn } from '../graphql/lookahead.ts';
import { pageOf } from '../graphql/pagination.ts';
import { MAX_ANCESTORS } from '../graphql/resolvers/entities.ts';
import {
  DEFAULT_SEARCH_SIZE,
  MAX_SEARCH_SIZE,
  MAX_SEARCH_TEXT,
} from '../graphql/resolvers/search.ts';
import { dateRange, onTimeLine } from '../graphql/scalars.ts';
import { couldBeId } from '../import/validate.ts';
import { type Kind, LABELS } from '../model/kinds.ts';
import {
  type Direction,
  endsOf,
  following,
  type RelationshipType,
} from '../model/relationships.ts';
import { nameKey } from '../names.ts';
import { claimLinks, HELD_ON, KNOWN } from './fields.ts';
import type { ListRoot, Plan, Selected, Step, Tree } from './tree.ts';

/** The look-ups the planner answers, by id or by name. */
const LOOKUPS: ReadonlySet<string> = new Set([
  'organisation',
  'person',
  'role',
  'agreement',
  'event',
  'region',
  'initiative',
  'source',
]);

/** Each list's filter arguments that take an id or a name, and the kind they name. */
const REFERENCES = {
  agreements: { party: 'organisation', signatory: 'person', attendee: 'person', region: 'region' },
  organisations: { region: 'region' },
  people: { organisation: 'organisation' },
} as const satisfies Record<string, Record<string, Kind>>;

type Args = Record<string, unknown>;

/**
 * A date argument as a parameter of the statement, named by its place in `params` (so that
 * the tree, and the statement cached by it, does not depend on the value): its name, or
 * undefined when it has no year (the loaders' resolver then answers with its error).
 */
function parameter(params: Args, name: string, date: unknown): string | undefined {
  if (typeof date !== 'string' || !hasYear(date)) return undefined;
  const key = `${name}${Object.keys(params).length}`;
  params[key] = date;
  return key;
}

/** Partners' from/to as parameters (dateRange's checks), or null for the loaders to refuse. */
function rangeOf(args: Args, params: Args): { from: string | null; to: string | null } | null {
  let range: ReturnType<typeof dateRange>;
  try {
    range = dateRange(args);
  } catch {
    return null;
  }
  const from = range.from === null ? null : parameter(params, 'from', range.from);
  const to = range.to === null ? null : parameter(params, 'to', range.to);
  return from === undefined || to === undefined ? null : { from, to };
}

/**
 * A plan and the filter arguments in it that reference entities, with the kind each names: an
 * empty answer may mean that one was a name, not an id (resolve.ts then looks them up).
 */
export interface RootPlan extends Plan {
  references: Record<string, Kind>;
  /**
   * people(title:)'s title: resolve.ts folds it against the graph's titles (graph/titles.ts,
   * OpenCC's work, which Cypher cannot do) and sets `titles` before the statement runs.
   */
  title?: string;
}

/**
 * Plans `info`'s root field. `custom` names the fields (`Type.field`) that have a resolver of
 * their own in the schema: unless fields.ts knows them, they stop the plan.
 */
export function planRoot(
  info: GraphQLResolveInfo,
  args: Args,
  custom: ReadonlySet<string>,
): RootPlan | null {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return null;
  const { fieldName } = info;
  // The parameters of nested fields' arguments (roles' asOf, partners' range), by name.
  const params: Args = {};
  if (LOOKUPS.has(fieldName)) {
    const name = args.id == null ? args.name : null;
    if (args.id == null && typeof name !== 'string') return null;
    const fields = select(info, custom, params, info.fieldNodes, type, 'node');
    if (!fields) return null;
    const kind = typeof name === 'string' ? 'named' : 'lookup';
    const tree: Tree = { root: { kind, label: type.name }, fields, page: true, count: false };
    // By name: the keys graph/entities-by-name takes (the loaders' byName), and the name.
    const asked =
      typeof name === 'string'
        ? { keys: [nameKey(name)], label: type.name, name }
        : { id: args.id };
    return { tree, params: { ...params, ...asked }, references: {} };
  }
  if (fieldName === 'search') return planSearch(info, args, custom, params, type);
  if (fieldName in REFERENCES) return planList(info, args, custom, params, type, fieldName as List);
  return null;
}

/**
 * Query.search when its hits are of one kind (so the entity's type, and the fields selected
 * on it through its inline fragments, are known) and its arguments are ones the resolver
 * searches with; the resolver keeps the others (it rejects bad ones, and answers an empty
 * search without Neo4j). Of a hit, only `entity` and `score` are compiled: `matched` and
 * `matchedBy` are worked out in JavaScript (graph/search.ts).
 */
function planSearch(
  info: GraphQLResolveInfo,
  args: Args,
  custom: ReadonlySet<string>,
  params: Args,
  hit: GraphQLObjectType,
): RootPlan | null {
  const text = (args.text as string).trim();
  const first = (args.first as number | null | undefined) ?? DEFAULT_SEARCH_SIZE;
  const kinds = args.kinds as string[] | null | undefined;
  if ([...text].length > MAX_SEARCH_TEXT || first <= 0 || first > MAX_SEARCH_SIZE) return null;
  if (kinds?.length !== 1) return null;
  const label = LABELS[(kinds[0] as string).toLowerCase() as Kind];
  const entity = info.schema.getType(label);
  const query = luceneQuery(nameKey(text));
  if (!isObjectType(entity) || query === '') return null;
  // The hit's score is read as the edge properties of a step are (compile.ts).
  const fields = wrapperFields(info, custom, params, info.fieldNodes, hit, {
    scalar: { name: 'score', of: 'rel' },
    entity: { name: 'entity', type: entity },
  });
  if (!fields) return null;
  const tree: Tree = { root: { kind: 'search', label }, fields, page: true, count: false };
  return { tree, params: { ...params, query, labels: [label], first }, references: {} };
}

export type List = keyof typeof REFERENCES;

/** The filter parameters of a list, as its resolver in resolvers/queries.ts builds them. */
function filterOf(list: List, args: Args): Args | null {
  const value = (name: string) => (args[name] as string | undefined) ?? null;
  if (list === 'agreements') {
    const { from, to } = dateRange(args);
    const filter = { party: value('party'), signatory: value('signatory') };
    return {
      ...filter,
      attendee: value('attendee'),
      region: value('region'),
      kind: value('kind'),
      from,
      to,
    };
  }
  if (list === 'organisations') return { kind: value('kind'), region: value('region') };
  // A title's stored forms are set by resolve.ts (RootPlan.title); until then, none.
  const titles = args.title == null ? null : [];
  return { organisation: value('organisation'), titles, asOf: onTimeLine(args.asOf, 'asOf') };
}

/**
 * A list's root: the filters set (by name, in the filter's order) and agreements' order, which
 * choose its statement (compile.ts); agreements without a filter read agreements/all.
 */
export function listRoot(list: List, filter: Args, orderBy: unknown): ListRoot {
  const filters = Object.keys(filter).filter((name) => filter[name] != null);
  const agreements = list === 'agreements';
  return {
    kind: 'list',
    area: list,
    unfiltered: agreements && filters.length === 0,
    filters,
    unset: Object.keys(filter).filter((name) => filter[name] == null),
    orderBy: agreements ? String(orderBy) : null,
  };
}

function planList(
  info: GraphQLResolveInfo,
  args: Args,
  custom: ReadonlySet<string>,
  params: Args,
  connection: GraphQLObjectType,
  list: List,
): RootPlan | null {
  const page = pageOf(args);
  const filter = filterOf(list, args);
  if (!filter) return null;
  // A name is looked up first by the loaders' path; ids go straight into the statement.
  const references = Object.entries(REFERENCES[list] as Record<string, Kind>).filter(
    ([name]) => filter[name] != null,
  );
  if (references.some(([name]) => !couldBeId(filter[name] as string))) return null;

  const nodes: FieldNode[] = [];
  let pageAsked = false;
  let count = false;
  for (const field of fieldsOn(
    info.fieldNodes.map((f) => f.selectionSet),
    connection,
    info,
  )) {
    const name = field.name.value;
    if (name === 'totalCount') count = true;
    else if (name === 'pageInfo') pageAsked = true;
    else if (name === 'nodes') {
      pageAsked = true;
      nodes.push(field);
    } else if (name === 'edges') {
      pageAsked = true;
      const edge = getNamedType(connection.getFields().edges?.type);
      if (!isObjectType(edge)) return null;
      for (const part of fieldsOn([field.selectionSet], edge, info)) {
        if (part.name.value === 'node') nodes.push(part);
        else if (part.name.value !== 'cursor' && part.name.value !== '__typename') return null;
      }
    } else if (name !== '__typename') return null;
  }
  const nodeType = getNamedType(connection.getFields().nodes?.type);
  if (!isObjectType(nodeType)) return null;
  const fields = select(info, custom, params, nodes, nodeType, 'node');
  if (!fields) return null;
  const tree: Tree = {
    root: listRoot(list, filter, args.orderBy),
    fields,
    page: pageAsked,
    count,
  };
  const orderBy = list === 'agreements' ? { orderBy: args.orderBy } : {};
  const title = list === 'people' && args.title != null ? { title: String(args.title) } : {};
  return {
    tree,
    params: { ...params, ...filter, ...orderBy, ...page },
    references: Object.fromEntries(references),
    ...title,
  };
}

const followsOf = (field: GraphQLField<unknown, unknown>): Follows[] =>
  (field.extensions as { follows?: Follows[] }).follows ?? [];

/** The fields `nodes` select on `type`, grouped by response key (alias or name). */
function byResponseKey(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  type: GraphQLObjectType,
): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  for (const node of fieldsOn(
    nodes.map((n) => n.selectionSet),
    type,
    info,
  )) {
    const key = node.alias?.value ?? node.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), node]);
  }
  return byKey;
}

/**
 * The fields `nodes` select on `type`, an entity (`on: 'node'`) or an edge object
 * (`'edge'`: Party, Signatory, ...; `at` holds the entity at the other end, `self` the
 * parent), or null when one of them cannot be compiled.
 */
function select(
  info: GraphQLResolveInfo,
  custom: ReadonlySet<string>,
  params: Args,
  nodes: readonly FieldNode[],
  type: GraphQLObjectType,
  on: 'node' | 'edge',
  ends: Ends = {},
): Selected[] | null {
  const out: Selected[] = [];
  for (const [key, group] of byResponseKey(info, nodes, type)) {
    const [first] = group as [FieldNode];
    const name = first.name.value;
    if (name === '__typename') continue;
    const field = type.getFields()[name];
    if (!field) return null;
    // One response key, one field and one set of arguments (a list's nodes and edges may
    // disagree, where GraphQL's own validation does not look).
    const args = getArgumentValues(field, first, info.variableValues);
    const same = JSON.stringify(args);
    if (
      group.some(
        (n) =>
          n.name.value !== name ||
          JSON.stringify(getArgumentValues(field, n, info.variableValues)) !== same,
      )
    )
      return null;
    const value = answerOf(info, custom, params, group, type, field, args, on, ends);
    if (!value) return null;
    out.push({ key, value });
  }
  return out;
}

/** The labels an entity at a relationship's far end may bear (an interface's types). */
function farLabels(type: RelationshipType, direction: Direction | 'both'): string[] {
  const { from, to } = endsOf(type);
  const kinds = direction === 'out' ? to : direction === 'in' ? from : [...from, ...to];
  return [...new Set(kinds)].map((kind) => LABELS[kind]);
}

/**
 * The fields of an edge object holding its ends: `at` the entity at the other end, `self` the
 * parent; where their type is an interface (an Act's actor), the labels each may bear.
 */
interface Ends {
  at?: string;
  self?: string;
  atLabels?: readonly string[];
  selfLabel?: string;
}

/**
 * The fields `group` selects on an entity of `named`, an object type, or an interface whose
 * entity bears one of `labels`: then its type, the fields every type answers alike, and
 * those that differ once for each type (`only`).
 */
function entityFields(
  info: GraphQLResolveInfo,
  custom: ReadonlySet<string>,
  params: Args,
  group: readonly FieldNode[],
  named: GraphQLNamedType,
  labels: readonly string[] | undefined,
): Selected[] | null {
  if (isObjectType(named)) return select(info, custom, params, group, named, 'node');
  if (!isInterfaceType(named) || !labels?.length) return null;
  const byType: [string, Selected[]][] = [];
  for (const label of labels) {
    const type = info.schema.getType(label);
    const fields = isObjectType(type) && select(info, custom, params, group, type, 'node');
    if (!fields) return null;
    byType.push([label, fields]);
  }
  const text = (s: Selected) => JSON.stringify(s);
  const alike = new Set(
    (byType[0]?.[1] ?? [])
      .map(text)
      .filter((t) => byType.every(([, fields]) => fields.some((s) => text(s) === t))),
  );
  return [
    { key: '__typename', value: { kind: 'type', labels: [...labels] } },
    ...(byType[0]?.[1] ?? []).filter((s) => alike.has(text(s))),
    ...byType.flatMap(([only, fields]) =>
      fields.filter((s) => !alike.has(text(s))).map((s) => ({ ...s, only })),
    ),
  ];
}

function answerOf(
  info: GraphQLResolveInfo,
  custom: ReadonlySet<string>,
  params: Args,
  group: FieldNode[],
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  args: Args,
  on: 'node' | 'edge',
  ends: Ends,
): Selected['value'] | null {
  const named = getNamedType(field.type);
  const known = KNOWN[type.name]?.[field.name];
  const of = on === 'edge' ? 'rel' : 'node';
  const entity = (labels?: readonly string[]): Selected[] | null =>
    entityFields(info, custom, params, group, named, labels);
  if (on === 'edge' && (field.name === ends.at || field.name === ends.self)) {
    const other = field.name === ends.at;
    const fields = entity(other ? ends.atLabels : ends.selfLabel ? [ends.selfLabel] : undefined);
    return fields && { kind: 'end', end: other ? 'other' : 'parent', fields };
  }
  if (known && 'property' in known)
    return { kind: 'property', of, name: known.property, list: known.list ?? false };
  if (known && 'partnership' in known) {
    const fields = isObjectType(named) ? entity() : [];
    return fields && { kind: 'partnership', part: known.partnership, fields };
  }
  if (isLeafType(named)) {
    if (custom.has(`${type.name}.${field.name}`)) return null;
    return { kind: 'property', of, name: field.name, list: false };
  }
  if (!known) return null;
  if ('byId' in known) {
    const fields = entity(known.kinds?.map((kind) => LABELS[kind]));
    return fields && { kind: 'byId', of, name: known.byId, chosen: known.chosen ?? false, fields };
  }
  if ('claims' in known) {
    const fields = entity();
    const links = on === 'node' ? claimLinks(type.name) : [];
    return fields && { kind: 'claims', of, links, fields };
  }
  if ('ancestors' in known) {
    const { type: relType, direction, sort } = following(known.ancestors);
    const fields = entity();
    if (direction !== 'out' || sort !== 'one' || !fields) return null;
    return { kind: 'chain', type: relType, max: MAX_ANCESTORS, fields };
  }
  if ('acts' in known) {
    const { type: relType, direction, sort, at } = following(known.acts);
    let act: string | null = null;
    if (args.act != null) {
      act = `act${Object.keys(params).length}`;
      params[act] = args.act;
    }
    if (!isObjectType(named)) return null;
    const fields = select(info, custom, params, group, named, 'edge', {
      at,
      self: known.self,
      atLabels: farLabels(relType, direction),
      selfLabel: type.name,
    });
    if (!fields) return null;
    const step: Step = {
      type: relType,
      direction: direction as Direction,
      label: null,
      order: sort,
      shape: 'edges',
      heldOn: null,
      fields,
    };
    return { kind: 'acts', step, act };
  }
  if ('holders' in known) return holdersOf(info, custom, params, group, named, args);
  if ('partners' in known) {
    const range = rangeOf(args, params);
    const partnerships = isObjectType(named) ? entity() : null;
    return range && partnerships && { kind: 'partners', fields: partnerships, ...range };
  }
  // A role's asOf is a parameter of its step; any other argument is left to the loaders.
  const { asOf, ...others } = args;
  if (Object.values(others).some((v) => v != null)) return null;
  const held = HELD_ON.get(`${type.name}.${field.name}`);
  let heldOn: Step['heldOn'] = held === 'parent' ? 'parent' : null;
  if (asOf != null) {
    const name = held === 'asOf' ? parameter(params, 'asOf', asOf) : undefined;
    if (!name) return null;
    heldOn = { parameter: name };
  }
  const follows = followsOf(field);
  const [first, second] = follows;
  if (!first || follows.length > 2) return null;
  const { type: relType, at } = first;
  // Followed both ways (Organisation.sameAs): one pattern without a direction.
  if (second && (second.type !== relType || second.direction === first.direction)) return null;
  const direction = second ? 'both' : first.direction;
  const fields =
    known.relationship === 'edges'
      ? isObjectType(named) &&
        select(info, custom, params, group, named, 'edge', { at, self: known.self })
      : entity(farLabels(relType, direction));
  if (!fields) return null;
  return {
    kind: 'step',
    step: {
      type: relType,
      direction,
      label: known.label ?? null,
      order: known.order,
      shape: known.relationship,
      heldOn,
      fields,
    },
  };
}

/**
 * Organisation.holders: `basis` and `role` of each Holding, the day and title as values for
 * holdersOn (resolve.ts), not written into the statement. A yearless day is the resolver's to
 * refuse.
 */
function holdersOf(
  info: GraphQLResolveInfo,
  custom: ReadonlySet<string>,
  params: Args,
  group: FieldNode[],
  holding: GraphQLNamedType,
  args: Args,
): Selected['value'] | null {
  const role = info.schema.getType('Role');
  if (!isObjectType(holding) || !isObjectType(role)) return null;
  const asOf = parameter(params, 'asOf', args.asOf);
  if (!asOf) return null;
  let title: string | null = null;
  if (typeof args.title === 'string') {
    title = `title${Object.keys(params).length}`;
    params[title] = args.title;
  }
  const fields = wrapperFields(info, custom, params, group, holding, {
    scalar: { name: 'basis', of: 'node' },
    entity: { name: 'role', type: role },
  });
  return fields && { kind: 'holders', asOf, title, fields };
}

/**
 * The fields of an object that wraps one entity (a search hit: score and entity; a holding:
 * basis and role): its scalar read as a property of `of`, the entity as the step's end. Null
 * when anything else is asked, or one response key names two fields: the resolver answers.
 */
function wrapperFields(
  info: GraphQLResolveInfo,
  custom: ReadonlySet<string>,
  params: Args,
  nodes: readonly FieldNode[],
  wrapper: GraphQLObjectType,
  {
    scalar,
    entity,
  }: {
    scalar: { name: string; of: 'rel' | 'node' };
    entity: { name: string; type: GraphQLObjectType };
  },
): Selected[] | null {
  const fields: Selected[] = [];
  for (const [key, group] of byResponseKey(info, nodes, wrapper)) {
    const name = (group[0] as FieldNode).name.value;
    if (group.some((n) => n.name.value !== name)) return null;
    if (name === '__typename') continue;
    if (name === scalar.name)
      fields.push({ key, value: { kind: 'property', of: scalar.of, name, list: false } });
    else if (name === entity.name) {
      const selected = select(info, custom, params, group, entity.type, 'node');
      if (!selected) return null;
      fields.push({ key, value: { kind: 'end', end: 'other', fields: selected } });
    } else return null;
  }
  return fields;
}
