/**
 * A GraphQL operation generator driven by the schema: random operations over its Query and
 * Mutation fields, with arguments drawn from values that exist (the seed's ids and names),
 * edge values (limits, bounds, empty and long strings, hostile text) and, for invalid
 * operations, broken syntax, unknown fields, wrong types and missing arguments.
 * Seeded: the same seed gives the same operations.
 */
import {
  type GraphQLArgument,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInterfaceType,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  type GraphQLSchema,
  GraphQLUnionType,
  getNamedType,
} from 'graphql';

export interface Operation {
  kind: 'valid' | 'invalid';
  /** What was done to it, for invalid operations. */
  how?: string;
  body: string;
}

/** mulberry32: small, fast, seedable. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof random>;

const IDS = [
  'org-bjut',
  'org-bei-group',
  'org-chaoyang-government',
  'person-nie-zuoren',
  'person-jiang-zeting',
  'person-wang-jian',
  'agreement-strategic-2023-12-21',
  'agreement-pilot-contract-2023-12-21',
  'event-signing-2023-12-21',
  'region-chaoyang',
  'region-beijing',
  'src-bjut-news-2023-12-22',
  'role-nie-zuoren-bjut-president',
  'no-such-id',
];
const NAMES = [
  '北工大',
  '北京工业大学',
  'BJUT',
  '朝阳区',
  '聂祚仁',
  'jiang zeting',
  '战略合作协议',
  '校长',
];
const HOSTILE = [
  '}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 //",
  '`x`',
  '\\u0027',
  '"',
  '\\',
  '*:*',
  'a~ AND b^2',
  '\u0000',
  '💥\u202e',
];
const STRINGS = [...IDS, ...NAMES, ...HOSTILE, '', ' ', 'x', 'PARTY_TO', 'ATTENDED', 'university'];
const INTS = [0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 101, 1000, 1001, -1, 2147483647, -2147483648];
const DATES = ['2023', '2023-12', '2023-12-22', '2024-02-29', '2023-02-30', '2023-13', 'today', ''];
const KINDS = [
  'source',
  'organisation',
  'person',
  'role',
  'region',
  'initiative',
  'event',
  'agreement',
];

function jsonValue(r: Random, depth = 0): unknown {
  if (depth < 2 && r.chance(0.6)) {
    const record: Record<string, unknown> = {
      type: r.pick([...KINDS, 'dragon']),
      id: r.chance(0.5) ? `fuzz-${r.int(1000)}` : r.pick(IDS),
      name: r.pick(STRINGS),
    };
    if (r.chance(0.7)) record.sources = ['src-bjut-news-2023-12-22'];
    if (r.chance(0.3)) record.aliases = [r.pick(STRINGS)];
    if (r.chance(0.2)) record.parties = [r.pick(IDS), { name: r.pick(NAMES) }];
    if (r.chance(0.2)) record.signedOn = r.pick(DATES);
    if (r.chance(0.2)) record.region = { name: r.pick(NAMES) };
    if (r.chance(0.1)) record[r.pick(['x', 'nameEn', 'kind', 'order'])] = jsonValue(r, depth + 1);
    return record;
  }
  return r.pick([null, true, 1, -1.5, 'x', [], {}, [1, 'a'], r.pick(STRINGS)]);
}

/** A value for an input type, as JSON (for variables). */
export function inputValue(type: GraphQLInputType, r: Random, depth = 0): unknown {
  if (type instanceof GraphQLNonNull) return inputValue(type.ofType, r, depth);
  if (type instanceof GraphQLList) {
    return Array.from({ length: r.int(4) }, () => inputValue(type.ofType, r, depth + 1));
  }
  if (type instanceof GraphQLEnumType) return r.pick(type.getValues()).name;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull || r.chance(0.5))
        .map((f) => [f.name, inputValue(f.type, r, depth + 1)]),
    );
  }
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return r.pick(INTS);
    case 'Float':
      return r.pick([0, 1.5, -3, 1e300]);
    case 'Boolean':
      return r.chance(0.5);
    case 'Date':
      return r.pick(DATES);
    case 'JSON':
      return jsonValue(r);
    case 'ID':
      return r.chance(0.8) ? r.pick(IDS) : r.pick(STRINGS);
    default:
      return r.chance(0.4) ? r.pick(IDS) : r.pick(STRINGS);
  }
}

/** The same value as a GraphQL literal (enum values bare, objects with unquoted keys). */
export function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = type instanceof GraphQLNonNull ? type.ofType : type;
    const of = item instanceof GraphQLList ? item.ofType : item;
    return `[${value.map((v) => literal(v, of)).join(', ')}]`;
  }
  if (named instanceof GraphQLEnumType) return String(value);
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, named as GraphQLInputType)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

interface Built {
  text: string;
  variables: Record<string, unknown>;
  declarations: string[];
}

function argumentsOf(
  args: readonly GraphQLArgument[],
  r: Random,
  built: Built,
  useVariables: boolean,
): string {
  const chosen = args.filter((a) => a.type instanceof GraphQLNonNull || r.chance(0.4));
  if (chosen.length === 0) return '';
  const parts = chosen.map((arg) => {
    const value = inputValue(arg.type, r);
    if (useVariables) {
      const name = `v${built.declarations.length}`;
      built.declarations.push(`$${name}: ${arg.type}`);
      built.variables[name] = value;
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${literal(value, arg.type)}`;
  });
  return `(${parts.join(', ')})`;
}

function selection(
  type: GraphQLOutputType,
  schema: GraphQLSchema,
  r: Random,
  built: Built,
  useVariables: boolean,
  depth: number,
): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) return '';
  if (named instanceof GraphQLUnionType || named instanceof GraphQLInterfaceType) {
    const possible = schema.getPossibleTypes(named);
    const common =
      named instanceof GraphQLInterfaceType
        ? fieldsOf(named, schema, r, built, useVariables, depth)
        : '';
    const fragments = Array.from({ length: 1 + r.int(2) }, () => {
      const on = r.pick(possible);
      return `... on ${on.name} ${selection(on, schema, r, built, useVariables, depth)}`;
    });
    return `{ __typename ${common.slice(1, -1)} ${fragments.join(' ')} }`;
  }
  return fieldsOf(named as GraphQLObjectType, schema, r, built, useVariables, depth);
}

function fieldsOf(
  type: GraphQLObjectType | GraphQLInterfaceType,
  schema: GraphQLSchema,
  r: Random,
  built: Built,
  useVariables: boolean,
  depth: number,
): string {
  const all = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const leaves = all.filter((f) => {
    const n = getNamedType(f.type);
    return n instanceof GraphQLScalarType || n instanceof GraphQLEnumType;
  });
  const objects = all.filter((f) => !leaves.includes(f));
  const picked = new Set<GraphQLField<unknown, unknown>>();
  picked.add(r.pick(leaves.length > 0 ? leaves : all));
  const more = r.int(4);
  for (let i = 0; i < more; i++) {
    const pool = depth < 3 && objects.length > 0 && r.chance(0.5) ? objects : leaves;
    if (pool.length > 0) picked.add(r.pick(pool));
  }
  const parts = [...picked].map((f) => {
    const args = argumentsOf(f.args, r, built, useVariables);
    const sub = selection(f.type, schema, r, built, useVariables, depth + 1);
    const alias = r.chance(0.05) ? `a${r.int(100)}: ` : '';
    return `${alias}${f.name}${args} ${sub}`.trim();
  });
  return `{ ${parts.join(' ')} }`;
}

export function validOperation(
  schema: GraphQLSchema,
  r: Random,
  mutations: boolean,
  exclude: readonly string[] = [],
): Operation {
  const mutation = mutations && r.chance(0.25) ? schema.getMutationType() : null;
  const root = mutation ?? (schema.getQueryType() as GraphQLObjectType);
  const field = r.pick(Object.values(root.getFields()).filter((f) => !exclude.includes(f.name)));
  const built: Built = { text: '', variables: {}, declarations: [] };
  const useVariables = r.chance(0.5);
  const args = argumentsOf(field.args, r, built, useVariables);
  const sub = selection(field.type, schema, r, built, useVariables, 1);
  const keyword = mutation ? 'mutation' : 'query';
  const name = r.chance(0.5) ? ` Fuzz${r.int(50)}` : '';
  const vars = built.declarations.length > 0 ? `(${built.declarations.join(', ')})` : '';
  const text = `${keyword}${name}${vars} { ${field.name}${args} ${sub} }`;
  return { kind: 'valid', body: JSON.stringify({ query: text, variables: built.variables }) };
}

const BREAKAGES = [
  'delete a character',
  'insert a character',
  'unknown field',
  'wrong variable type',
  'missing required argument',
  'string for a number',
  'deep nesting',
  'alias flood',
  'junk body',
  'truncated body',
] as const;

export function invalidOperation(schema: GraphQLSchema, r: Random): Operation {
  const base = JSON.parse(validOperation(schema, r, false).body) as {
    query: string;
    variables: Record<string, unknown>;
  };
  const how = r.pick(BREAKAGES);
  const q = base.query;
  const at = r.int(q.length);
  let body: string;
  switch (how) {
    case 'delete a character':
      body = JSON.stringify({ ...base, query: q.slice(0, at) + q.slice(at + 1) });
      break;
    case 'insert a character':
      body = JSON.stringify({
        ...base,
        query: q.slice(0, at) + r.pick(['{', '}', '(', '$', '"', '@', '!', ':']) + q.slice(at),
      });
      break;
    case 'unknown field':
      body = JSON.stringify({ ...base, query: q.replace('{ ', '{ notAField ') });
      break;
    case 'wrong variable type':
      body = JSON.stringify({
        query: 'query ($x: Boolean) { agreements(first: $x) { totalCount } }',
        variables: { x: true },
      });
      break;
    case 'missing required argument':
      body = JSON.stringify({
        query: '{ search { kind } connections(from: "org-bjut") { length } }',
      });
      break;
    case 'string for a number':
      body = JSON.stringify({
        query: 'query ($n: Int) { timeline(first: $n) { date } }',
        variables: { n: r.pick(['ten', '1e9', '', '9999999999']) },
      });
      break;
    case 'deep nesting': {
      const depth = 10 + r.int(40);
      body = JSON.stringify({
        query: `{ region(id: "region-chaoyang") { ${'parent { '.repeat(depth)}name${' }'.repeat(depth)} } }`,
      });
      break;
    }
    case 'alias flood':
      body = JSON.stringify({
        query: `{ ${Array.from({ length: 16 + r.int(200) }, (_, i) => `a${i}: search(text: "北") { kind }`).join(' ')} }`,
      });
      break;
    case 'junk body':
      body = r.pick([
        '',
        '{',
        'null',
        '[]',
        '{"query": null}',
        '{"query": {}}',
        '\u0000\u0001',
        '{"variables": 1}',
      ]);
      break;
    default:
      body = JSON.stringify(base).slice(0, Math.max(1, at));
  }
  return { kind: 'invalid', how, body };
}
