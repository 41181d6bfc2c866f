/**
 * Compile: a query tree as one Cypher statement that returns exactly the selected fields as
 * nested lists (each level's fields in selection order; projection below): each relationship
 * a COLLECT subquery with its order (and LIMIT 1 for a single link) inside, so that Neo4j
 * shapes, sorts and pages and the server mostly names the values (shape.ts also groups
 * claims, re-sorts by the resolvers' comparators where Cypher's order differs, and types
 * entities reached through an interface).
 *
 * A small builder of our own rather than @neo4j/cypher-builder: the statements have one
 * fixed form (a start from a named query, then nested list projections), and what is written
 * into them is only what this module checks: the model's relationship types and labels,
 * property names of the schema's fields, and numbered variables. Values (ids, filters, pages)
 * are parameters; response keys never reach Cypher (shape.ts reads each field by its
 * position). A tree's statement is built once and reused.
 */
import { ARROWS, cypher, type Query, withoutComments } from '../db/cypher.ts';
import type { QueryName } from '../db/queries.ts';
import { LABELS } from '../model/kinds.ts';
import { following, RELATIONSHIP_TYPES, type Sort } from '../model/relationships.ts';
import { fold, type Known } from './fold.ts';
import type { ClaimLink, ListRoot, Part, Selected, Step, Tree } from './tree.ts';

/** A compiled statement's one row: a look-up's `value`, or a list's `page` and `total`. */
export interface PlannedRow {
  value?: unknown;
  /** A look-up by name's candidate's stored name. */
  name?: string;
  page?: unknown[];
  total?: number;
}

const ENTITY_LABELS: ReadonlySet<string> = new Set(Object.values(LABELS));
const TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

const checked = (set: ReadonlySet<string>, what: string, value: string) => {
  if (!set.has(value)) throw new Error(`planner: ${value} is not ${what}`);
  return value;
};
const label = (value: string) => `:\`${checked(ENTITY_LABELS, 'a label of the model', value)}\``;
const property = (variable: string, name: string) => {
  if (!PROPERTY.test(name)) throw new Error(`planner: ${name} is not a property name`);
  return `${variable}.${name}`;
};

/** The map key of a claims map's n-th selected field (shape.ts reads it). */
export const fieldKey = (n: number) => `f${n}`;

/**
 * Orders whose comparison in JavaScript (localeCompare) Cypher's code-point order may not
 * match: Cypher sorts by them, and shape.ts sorts again, with the resolvers' comparators, by
 * the key the statement returns beside each entity.
 */
export const RESORTED: ReadonlySet<Sort> = new Set(['name', 'signedOn desc', 'date desc']);

/**
 * `(n)-[r:TYPE]->(m:Entity)` (`<-[...]-` in, `-[...]-` both), the type one of the model's, `m`
 * an entity of the model's label `only` if given.
 */
function pattern(n: string, r: string, type: string, direction: string, m: string, only = '') {
  if (!Object.hasOwn(ARROWS, direction))
    throw new Error(`planner: ${direction} is not a direction`);
  const { left, right } = ARROWS[direction] as (typeof ARROWS)[string];
  const typed = checked(TYPES, 'a relationship type of the model', type);
  return `(${n})${left}-[${r}:\`${typed}\`]-${right}(${m}:Entity${only && label(only)})`;
}

/** ORDER BY of a step: the resolvers' comparators (following.ts SORTS), each then by id. */
function orderBy(order: Sort, r: string, m: string): string {
  switch (order) {
    case 'order':
      return `coalesce(${r}.order, 9007199254740991), ${m}.id`;
    case 'rank':
      return `coalesce(${m}.rank, 0), ${m}.id`;
    case 'one':
      return `size(coalesce(${r}.sources, [])) DESC, ${m}.id`;
    case 'name':
      return `${m}.name, ${m}.id`;
    case 'signedOn desc':
      return `coalesce(${m}.signedOn, '') DESC, ${m}.id`;
    case 'date desc':
      return `coalesce(${m}.date, '') DESC, ${m}.id`;
  }
}

const PARAMETER = /^[A-Za-z]+[0-9]+$/;
/** A parameter's name as plan.ts numbers them (`asOf0`, `from1`). */
const parameterName = (name: string) => {
  if (!PARAMETER.test(name)) throw new Error(`planner: ${name} is not a parameter name`);
  return name;
};

/**
 * people/matching's asOf rule (src/graph/held.ts in Cypher: its `EXISTS { ... }` after
 * `$asOf IS NULL OR`), read from the file so that there is one, for the role `role` held on
 * `date` (a parameter, or a property of a variable).
 */
function heldOnRule(role: string, date: string): string {
  const text = withoutComments(cypher('people/matching').text);
  const start = text.indexOf('EXISTS {', text.indexOf('$asOf IS NULL OR EXISTS {'));
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}' && --depth === 0) break;
  }
  if (start < 0 || depth !== 0) throw new Error('planner: people/matching has no asOf rule');
  return text
    .slice(start, end + 1)
    .replace(/(?<![.$\w])r\b/g, role)
    .replace(/\$asOf\b/g, date)
    .replace(/\s*\n\s*/g, ' ');
}

/** Numbered variables, one counter per statement. */
class Names {
  private next = 0;
  fresh(prefix: string) {
    return `${prefix}${this.next++}`;
  }
}

/**
 * Where a level's fields are read: the entity `n`, reached over `r` from `parent`; in a
 * partnership (agreements/partners), the variables or expressions of its columns.
 */
interface At {
  n: string;
  r?: string;
  parent?: string;
  partnership?: Record<Part, string>;
}

const FIRSTS = new WeakMap<readonly Selected[], number[]>();

/**
 * For each of `fields`, the first that reads the same (one field under two aliases): only it
 * is projected, and shape.ts reads the others from it. Neo4j 5.26 answered null for one of two
 * equal property reads in a map projection under some plans (`sources { id x: id }` beside a
 * subquery), and one read is less work anyway.
 */
export function firstOf(fields: readonly Selected[]): number[] {
  let first = FIRSTS.get(fields);
  if (!first) {
    const texts = fields.map(({ value, only }) => JSON.stringify([value, only]));
    first = texts.map((text) => texts.indexOf(text));
    FIRSTS.set(fields, first);
  }
  return first;
}

/**
 * The selected fields at `at` as a list, the n-th field's value n-th (null where it reads as an
 * earlier field: each is read once, firstOf), then `extra` if any (shape.ts reads it after the
 * fields). A list, not a map: neo4j-driver decodes a map's every key as a string and defines
 * each property with Object.defineProperty, which cost a third of decoding a list's page.
 */
function projection(fields: readonly Selected[], at: At, names: Names, extra = ''): string {
  const first = firstOf(fields);
  const entries = fields.map(({ value, only }, i) => {
    if (first[i] !== i) return 'null';
    const read = expression(value, at, names);
    return only ? `CASE WHEN ${at.n}${label(only)} THEN ${read} END` : read;
  });
  return `[${[...entries, ...(extra ? [extra] : [])].join(', ')}]`;
}

function expression(value: Selected['value'], at: At, names: Names): string {
  switch (value.kind) {
    case 'property': {
      const of = value.of === 'rel' ? at.r : at.n;
      if (!of) throw new Error('planner: a relationship property without a relationship');
      const read = property(of, value.name);
      return value.list ? `coalesce(${read}, [])` : read;
    }
    case 'end': {
      const n = value.end === 'other' ? at.n : at.parent;
      if (!n) throw new Error('planner: an edge without its ends');
      return projection(value.fields, { n }, names);
    }
    case 'byId':
      return byId(value, at, names);
    case 'step':
      return step(value.step, at, names);
    case 'acts':
      return step(value.step, at, names, value.act);
    case 'type':
      return `CASE ${value.labels.map((l) => `WHEN ${at.n}${label(l)} THEN '${l}'`).join(' ')} END`;
    case 'partners':
      return partners(value, at.n, names);
    case 'partnership':
      return partnership(value, at, names);
    case 'holders':
      return holders(value.fields, at.n, names);
    case 'claims':
      return claims(value, at, names);
    case 'chain':
      return chain(value, at.n, names);
  }
}

/** A named query's text up to its last RETURN (what the planner puts its projection after). */
function beforeReturn(name: QueryName): string {
  return atReturn(name).body;
}

/** A named query's text split at its last RETURN: what comes before, and the RETURN line on. */
function atReturn(name: QueryName): { body: string; returned: string } {
  const text = withoutComments(cypher(name).text);
  const end = text.lastIndexOf('\nRETURN ');
  if (end < 0) throw new Error(`planner: ${name} has no RETURN`);
  return { body: text.slice(0, end), returned: text.slice(end) };
}

/**
 * The expression a named query's RETURN gives under `alias`: its RETURN items split at the
 * commas outside brackets and quotes.
 */
function returnedExpression(name: QueryName, alias: string): string {
  const { returned } = atReturn(name);
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = returned.indexOf('RETURN ') + 'RETURN '.length;
  for (let i = start; i <= returned.length; i++) {
    const c = returned[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ',' && depth === 0) || c === undefined) {
      items.push(returned.slice(start, i).trim());
      start = i + 1;
    }
  }
  const suffix = ` AS ${alias}`;
  const item = items.find((it) => it.endsWith(suffix));
  if (!item) throw new Error(`planner: ${name} returns no ${alias}`);
  return item.slice(0, -suffix.length);
}

/**
 * Organisation.holders from `n`: every role at it, each as the Holding's fields (the role's
 * map; `basis` left to shape.ts) and beside them the role's properties holdersOn reads.
 */
function holders(fields: readonly Selected[], n: string, names: Names): string {
  const { type, direction } = following('Organisation.holders');
  const r = names.fresh('r');
  const m = names.fresh('m');
  // What graph/held.ts reads of a role to choose the holders, after the fields.
  const held = `${m} {.id, .title, .titleEn, .rank, .since, .until, .statedOn}`;
  return `COLLECT { MATCH ${pattern(n, r, type, direction, m, 'Role')} RETURN ${projection(fields, { n: m }, names, held)} }`;
}

/** agreements/partners' start, made the organisation the step starts from. */
const PARTNERS_START = '(o:Entity {id: $of})';
/** The variables agreements/partners names, each renamed per step (steps nest). */
const PARTNERS_VARIABLES = /(?<![.$\w])(o|a|p|q|m|mine|agreements|last)\b/g;

/**
 * Organisation.partners from `n`: agreements/partners' text up to its RETURN (matched and
 * ordered as the resolver's query does), with no date range, in a COLLECT subquery that
 * returns each partnership's selected fields in the query's order; the first and last signing
 * dates are the RETURN's expressions, in the projection only when selected.
 */
function partners(
  { fields, from, to }: Extract<Selected['value'], { kind: 'partners' }>,
  n: string,
  names: Names,
): string {
  const text = beforeReturn('agreements/partners');
  if (!text.includes(PARTNERS_START))
    throw new Error(`planner: agreements/partners does not start at ${PARTNERS_START}`);
  const p = names.fresh('p');
  const agreements = names.fresh('agreements');
  const renamed: Record<string, string> = {
    o: n,
    p,
    agreements,
    a: names.fresh('a'),
    q: names.fresh('q'),
    m: names.fresh('m'),
    mine: names.fresh('mine'),
    last: names.fresh('last'),
  };
  const rename = (cypherText: string) =>
    cypherText.replace(PARTNERS_VARIABLES, (v) => renamed[v] as string).replace(/\s*\n\s*/g, ' ');
  const body = rename(
    text
      .replace(PARTNERS_START, '(o)')
      .replace(/\$from\b/g, from === null ? 'null' : `$${parameterName(from)}`)
      .replace(/\$to\b/g, to === null ? 'null' : `$${parameterName(to)}`),
  );
  const columns: Record<Part, string> = {
    partner: p,
    agreements,
    firstSignedOn: rename(returnedExpression('agreements/partners', 'firstSignedOn')),
    lastSignedOn: rename(returnedExpression('agreements/partners', 'lastSignedOn')),
  };
  return `COLLECT { ${body} RETURN ${projection(fields, { n: p, partnership: columns }, names)} }`;
}

/** A field of a partnership: the partner's map, the shared agreements' maps, or a date. */
function partnership(
  value: Extract<Selected['value'], { kind: 'partnership' }>,
  at: At,
  names: Names,
): string {
  const column = at.partnership?.[value.part];
  if (!column) throw new Error('planner: a partnership field outside partners');
  if (value.part === 'partner') return projection(value.fields, { n: column }, names);
  if (value.part !== 'agreements') return column;
  const a = names.fresh('x');
  return `[${a} IN ${column} | ${projection(value.fields, { n: a }, names)}]`;
}

/**
 * Entities by the ids a property lists (a signatory's onBehalfOf may be one id, stored before
 * migration 0005): all of them by id, or the one most sources state (its claims), then the
 * least id, as the resolvers choose.
 */
function byId(value: Extract<Selected['value'], { kind: 'byId' }>, at: At, names: Names): string {
  const of = value.of === 'rel' ? at.r : at.n;
  if (!of) throw new Error('planner: a relationship property without a relationship');
  const list = property(of, value.name);
  const ids = `CASE WHEN ${list} IS :: LIST<ANY> THEN ${list} ELSE [x IN [${list}] WHERE x IS NOT NULL] END`;
  const id = names.fresh('i');
  const e = names.fresh('e');
  const map = projection(value.fields, { n: e }, names);
  if (!value.chosen) {
    return `COLLECT { UNWIND ${ids} AS ${id} MATCH (${e}:Entity {id: ${id}}) WITH ${e}, ${id} ORDER BY ${id} RETURN ${map} }`;
  }
  const stated = `size([c IN coalesce(${property(of, 'claims')}, []) WHERE c STARTS WITH '${value.name}|' + ${id} + '|'])`;
  return `head(COLLECT { UNWIND ${ids} AS ${id} WITH ${id} ORDER BY ${stated} DESC, ${id} LIMIT 1 MATCH (${e}:Entity {id: ${id}}) RETURN ${map} })`;
}

/** A claims map's keys (shape.ts): the stored claims, the links'. */
export const CLAIMS_KEY = 'c';
export const LINKS_KEY = 'l';

/**
 * `claims` at `at`: the stored claims as they are (shape.ts reads them as model/claims.ts
 * does); each link's relationships as `{id, sources}` (the linked entity's); and for each
 * `sources` selected on the Claim, every entity a claim cites, with its id (shape.ts gives
 * each claim its own, in id order).
 */
function claims(value: Extract<Selected['value'], { kind: 'claims' }>, at: At, names: Names) {
  const of = value.of === 'rel' ? at.r : at.n;
  if (!of) throw new Error('planner: a relationship property without a relationship');
  const stored = `coalesce(${property(of, 'claims')}, [])`;
  const linked = (link: ClaimLink, returned: (r: string, m: string) => string) => {
    const r = names.fresh('r');
    const m = names.fresh('m');
    return `COLLECT { MATCH ${pattern(at.n, r, link.type, link.direction, m)} ${returned(r, m)} }`;
  };
  const links = value.links.map((link) =>
    linked(link, (r, m) => `RETURN {id: ${m}.id, sources: coalesce(${r}.sources, [])}`),
  );
  const entries = [`${CLAIMS_KEY}: ${stored}`, `${LINKS_KEY}: [${links.join(', ')}]`];
  value.fields.forEach(({ value: field }, i) => {
    if (field.kind !== 'byId') return;
    // A claim's source is after its last `|`, which no source id holds.
    const c = names.fresh('c');
    const ids = [
      `[${c} IN ${stored} | last(split(${c}, '|'))]`,
      ...value.links.map((link) => {
        const s = names.fresh('s');
        return linked(link, (r) => `UNWIND coalesce(${r}.sources, []) AS ${s} RETURN ${s}`);
      }),
    ].join(' + ');
    const id = names.fresh('i');
    const e = names.fresh('e');
    // The id after the fields, as the variable, not `e.id` again (see firstOf).
    const map = projection(field.fields, { n: e }, names, id);
    entries.push(
      `${fieldKey(i)}: COLLECT { UNWIND ${ids} AS ${id} WITH DISTINCT ${id} MATCH (${e}:Entity {id: ${id}}) RETURN ${map} }`,
    );
  });
  return `{${entries.join(', ')}}`;
}

/**
 * Region.ancestors from `n`, as its resolver walks: the longest path along the type whose every
 * step is the relationship its start's single-valued field gives (most sources, then the least
 * id: orderBy 'one') and whose entities all differ, of at most `max` steps; its entities after
 * `n`, in order.
 */
function chain(value: Extract<Selected['value'], { kind: 'chain' }>, n: string, names: Names) {
  const fresh = (prefix: string) => names.fresh(prefix);
  const [p, s, o, t, other, y] = [
    fresh('p'),
    fresh('s'),
    fresh('o'),
    fresh('t'),
    fresh('o'),
    fresh('y'),
  ];
  const [seen, x, i, a] = [fresh('d'), fresh('x'), fresh('i'), fresh('a')];
  const type = `\`${checked(TYPES, 'a relationship type of the model', value.type)}\``;
  if (!Number.isInteger(value.max)) throw new Error('planner: a chain without a bound');
  const size = (r: string) => `size(coalesce(${r}.sources, []))`;
  const chosen = `NOT EXISTS { MATCH (${s})-[${other}:${type}]->(${y}:Entity) WHERE ${size(other)} > ${size(o)} OR (${size(other)} = ${size(o)} AND ${y}.id < ${t}.id) }`;
  const distinct = `size(nodes(${p})) = size(reduce(${seen} = [], ${x} IN nodes(${p}) | CASE WHEN ${x} IN ${seen} THEN ${seen} ELSE ${seen} + ${x} END))`;
  return `COLLECT { MATCH ${p} = (${n}) ((${s})-[${o}:${type}]->(${t}:Entity) WHERE ${chosen}){1,${value.max}} () WITH ${p} WHERE ${distinct} WITH ${p} ORDER BY length(${p}) DESC LIMIT 1 UNWIND range(1, length(${p})) AS ${i} WITH nodes(${p})[${i}] AS ${a}, ${i} ORDER BY ${i} RETURN ${projection(value.fields, { n: a }, names)} }`;
}

/** The WHERE of a step that keeps the roles (`m`) held on a day, from the entity `at`. */
function heldOnWhere(heldOn: Step['heldOn'], m: string, at: At): string {
  if (heldOn === null) return '';
  if (heldOn !== 'parent') return ` WHERE ${heldOnRule(m, `$${parameterName(heldOn.parameter)}`)}`;
  if (!at.parent) throw new Error('planner: roles held on the day of a missing parent');
  const date = `${at.parent}.date`;
  // An event without a year is on no particular day: every role (resolvers/entities.ts).
  return ` WHERE (${date} IS NULL OR ${date} STARTS WITH '--' OR ${heldOnRule(m, date)})`;
}

/**
 * A relationship step from `at.n`: a COLLECT subquery, ordered inside; one link: its head.
 * Acts (`act`: the parameter of the act asked, null for any): each entity's by act and target,
 * as resolvers/entities.ts orders them.
 */
function step(s: Step, at: At, names: Names, act?: string | null): string {
  const { n } = at;
  const r = names.fresh('r');
  const m = names.fresh('m');
  const matched = pattern(n, r, s.type, s.direction, m, s.label ?? '');
  // What shape.ts sorts by, after the fields.
  const sortKey = RESORTED.has(s.order) ? `[${m}.id, ${m}.name, ${m}.signedOn, ${m}.date]` : '';
  const map =
    s.shape === 'edges'
      ? projection(s.fields, { n: m, r, parent: n }, names, sortKey)
      : projection(s.fields, { n: m, r }, names, sortKey);
  const limit = s.shape === 'one' ? ' LIMIT 1' : '';
  const where = act ? ` WHERE ${r}.act = $${parameterName(act)}` : heldOnWhere(s.heldOn, m, at);
  const order = `${orderBy(s.order, r, m)}${act === undefined ? '' : `, ${r}.act, coalesce(${r}.target, '')`}`;
  const collect = `COLLECT { MATCH ${matched}${where} WITH ${r}, ${m} ORDER BY ${order}${limit} RETURN ${map} }`;
  return s.shape === 'one' ? `head(${collect})` : collect;
}

/**
 * A named list query's text up to the collected, sorted list (`WITH collect(x) AS found`);
 * `pageOnly`: only the page of it, `SKIP $skip LIMIT $limit` after the sort.
 */
function listStart(name: QueryName, pageOnly: boolean): { text: string; variable: string } {
  const text = withoutComments(cypher(name).text);
  const match = /^WITH collect\((\w+)\) AS found$/m.exec(text);
  if (!match?.[1]) throw new Error(`planner: ${name} does not collect its list as found`);
  const sorted = text.slice(0, match.index);
  const page = pageOnly ? 'SKIP $skip LIMIT $limit\n' : '';
  return { text: `${sorted}${page}${match[0]}`, variable: match[1] };
}

/**
 * A page query's text (one that returns the page's entities in order, `RETURN x` or
 * `RETURN labels(x) ...`) up to its RETURN, then the page collected as `found`.
 */
function pageStart(name: QueryName): { text: string; variable: string } {
  const { body, returned } = atReturn(name);
  const variable = /^\nRETURN (?:labels\()?(\w+)/.exec(returned)?.[1];
  if (!variable) throw new Error(`planner: ${name} returns no entity`);
  return { text: `${body}\nWITH collect(${variable}) AS found`, variable };
}

/** The page's projection: each entity of `slice` (a list of `found`) as `x`, its fields. */
function pagePart(slice: string, x: string, tree: Tree, names: Names): string {
  return `CALL (found) {\n  UNWIND ${slice} AS ${x}\n  RETURN collect(${projection(tree.fields, { n: x }, names)}) AS page\n}`;
}

/** A list's statements that read indexes alone: the page in order (if any), the count. */
interface Indexed {
  page?: QueryName;
  count: QueryName;
}

/**
 * Agreements without a filter: agreements/all reads the page of the sort key's index in
 * order, agreements/count-all the count store.
 */
const ALL: Indexed = { page: 'agreements/all', count: 'agreements/count-all' };

/**
 * The statements of the filter shapes whose answer grows with the graph: a kind alone (page
 * and count), a signing-date range with or without a kind (the count; the page in
 * signing-date order). Any other shape, or another filter beside these, reads
 * cypher/<area>/matching.
 */
function indexedList({ area, filters, orderBy }: ListRoot): Indexed | null {
  // Some filter set, and none but these (a list without filters is not a kind's).
  const only = (...allowed: string[]) =>
    filters.length > 0 && filters.every((f) => allowed.includes(f));
  if (area === 'organisations' && only('kind')) {
    return { page: 'organisations/kind-page', count: 'organisations/kind-count' };
  }
  if (area !== 'agreements' || !only('kind', 'from', 'to')) return null;
  if (!filters.includes('from') && !filters.includes('to')) {
    return { page: 'agreements/kind-page', count: 'agreements/kind-count' };
  }
  const page = orderBy === 'NAME' ? undefined : 'agreements/dates-page';
  return { page, count: 'agreements/dates-count' };
}

/**
 * The statement of a tree, as written, before folding (statementOf folds it; tests compare
 * both). A look-up returns `value` (no row: no entity); by name, a `value` and `name` row per
 * entity bearing the name; a search a `value` row per hit; a list returns `total` (when
 * counted) and `page` (the page's entities, when asked).
 */
export function compile(tree: Tree): Query<PlannedRow> {
  const names = new Names();
  const { root } = tree;
  if (root.kind === 'lookup') {
    const n = names.fresh('n');
    return {
      name: 'planner/lookup',
      text: `MATCH (${n}:Entity${label(root.label)} {id: $id})\nRETURN ${projection(tree.fields, { n }, names)} AS value`,
    };
  }
  if (root.kind === 'named') {
    // Every entity of the label bearing the name (graph/entities-by-name, variable n), with
    // its name: resolve.ts chooses as the resolver does (graph/references.ts byName).
    return {
      name: 'planner/named',
      text: `${beforeReturn('graph/entities-by-name')}\nRETURN n.name AS name, ${projection(tree.fields, { n: 'n' }, names)} AS value`,
    };
  }
  if (root.kind === 'search') {
    // The hit's score as a map, read as the edge properties of a step are (`of: 'rel'`).
    return {
      name: 'planner/search',
      text: `${beforeReturn('search/names')}\nWITH node, {score: score} AS hit\nRETURN ${projection(tree.fields, { n: 'node', r: 'hit' }, names)} AS value`,
    };
  }
  if (root.area === 'people') return heldList(tree, names);
  // Agreements without a filter, and the filters whose answer grows with the graph (a kind, a
  // date range), read their page in order from an index and their count from an index alone
  // (indexedList); other filters read cypher/<area>/matching, where a page without its count
  // is the sorted matches' top $skip + $limit (Neo4j keeps those while it reads, a Top) and
  // the count needs every match collected and sorted whole.
  const indexed = root.unfiltered ? ALL : indexedList(root);
  const counted = tree.count || !tree.page;
  const whole = counted && !indexed;
  const parts: string[] = [];
  const returned: string[] = [];
  let x = 'x';
  if (tree.page || whole) {
    const start = indexed?.page
      ? pageStart(indexed.page)
      : listStart(`${root.area}/matching` as const, !whole);
    x = start.variable;
    parts.push(start.text);
  }
  if (counted && indexed) {
    parts.push(`CALL () {\n${withoutComments(cypher(indexed.count).text)}\n}`);
    returned.push('total');
  } else if (counted) returned.push('size(found) AS total');
  if (tree.page) {
    parts.push(pagePart(whole ? 'found[$skip..$skip + $limit]' : 'found', x, tree, names));
    returned.push('page');
  }
  parts.push(`RETURN ${returned.join(', ')}`);
  return { name: `planner/${root.area}`, text: parts.join('\n') };
}

/**
 * People: people/matching collects the people its filters find once (`held`), counts them
 * and reads its page from them or along the name index, so its text up to its RETURN leaves
 * `total` and the page (`found`, in order); only the page's fields are projected here.
 */
function heldList(tree: Tree, names: Names): Query<PlannedRow> {
  const text = beforeReturn('people/matching');
  if (!/\bAS total, found$/.test(text))
    throw new Error('planner: people/matching does not leave total and found');
  const parts = [text];
  const returned = tree.count || !tree.page ? ['total'] : [];
  if (tree.page) {
    parts.push(pagePart('found', 'p', tree, names));
    returned.push('page');
  }
  parts.push(`RETURN ${returned.join(', ')}`);
  return { name: 'planner/people', text: parts.join('\n') };
}

/** Statements compiled, by tree; bounded as prefetch.ts's cache is (trees come from clients). */
const CACHED = 500;
const compiled = new Map<string, Query<PlannedRow>>();

/**
 * What a tree tells of its statement's parameters before it runs: a list's filters set and
 * unset, and agreements' order. (A date range not given is written in as `null`.)
 */
function knownOf({ root }: Tree): Known {
  if (root.kind !== 'list') return { unset: [], set: [], values: {} };
  const values: Record<string, string> = root.orderBy === null ? {} : { orderBy: root.orderBy };
  return { unset: root.unset, set: root.filters, values };
}

/** The statement of `tree`, compiled once per tree shape, then folded (fold.ts). */
export function statementOf(tree: Tree): Query<PlannedRow> {
  const key = JSON.stringify(tree);
  const found = compiled.get(key);
  if (found) return found;
  const { name, text } = compile(tree);
  const query = { name, text: fold(text, knownOf(tree)) };
  if (compiled.size >= CACHED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, query);
  return query;
}
