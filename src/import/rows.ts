/**
 * From a resolved record to the parameter rows of the upsert queries: one node row, and one
 * relationship row per relationship the record states. Every value goes with the sources that
 * state it (src/model/claims.ts): the record's sources, or those of its `statements`.
 */
import { sortedDates } from '../dates.ts';
import { chosenValues, claimList, claimStrings, UNITED_CLAIMS } from '../model/claims.ts';
import { type Kind, LABELS, LIST_PROPERTIES, NAMED, PROPERTIES } from '../model/kinds.ts';
import { LINKS, type Link } from '../model/relationships.ts';
import { nameKeys, searchTerms } from '../names.ts';
import type { ImportRecord, Ref, Statement } from './records.ts';

export interface NodeRow {
  id: string;
  kind: Kind;
  label: string;
  /** Properties set without claims (none from an import; kept for other writers). */
  props: Record<string, unknown>;
  /** `field|value|source` strings (src/model/claims.ts), sorted, united with those stored. */
  claims: string[];
  /** The values `claims` alone choose: what a new node holds (the upsert's shortcut). */
  chosen: Record<string, unknown>;
  sources: string[];
  aliases: string[] | null;
  focus: string[] | null;
  /** A role's dates a source states it on, sorted; united with those stored. */
  statedOn: string[] | null;
  nameKeys: string[] | null;
  /** Full-text search terms (src/names.ts searchTerms), united with those stored. */
  searchTerms: string[] | null;
  defaultName: string | null;
}

export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  /** Properties set as given: those of `identity`. */
  props: Record<string, unknown>;
  /** [property, value] pairs that tell this relationship apart from others of its type between the same two nodes ('' for absent). */
  identity: [string, string][];
  claims: string[];
  chosen: Record<string, unknown>;
  sources: string[];
  roles: string[] | null;
}

export type ResolveRef = (ref: Ref, targets: readonly Kind[]) => string;

/** A reference or an item in one canonical form: `{"id": x}` is `x`, keys sorted. */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1 && entries[0]?.[0] === 'id') return entries[0][1];
    return Object.fromEntries(
      entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, norm(x)]),
    );
  };
  return JSON.stringify(norm(value));
}

export const statementsOf = (record: ImportRecord) =>
  ((record.statements as Statement[] | undefined) ?? []).map((statement, index) => ({
    statement,
    index,
  }));

/** One relationship a record states: the item, where it sits, and who states it. */
export interface StatedItem {
  item: unknown;
  /** The item's path in the record, for error messages (`parties[1]`, `statements[0].value`). */
  path: string;
  /** Its position, for an ordered link: from the plain list, or the statement's `order`. */
  order?: number;
  /** The statement's sources; undefined: the record's. */
  sources?: Ref[];
}

/**
 * The relationships of one link field: the plain field's items that no statement restates,
 * with the record's sources, then each statement of the field with its own sources.
 */
export function statedItems(record: ImportRecord, link: Link): StatedItem[] {
  const value = record[link.field];
  const plain = value === undefined ? [] : link.many ? (value as unknown[]) : [value];
  const statements = statementsOf(record).filter(({ statement }) => statement.field === link.field);
  const covered =
    statements.length > 0
      ? new Set(statements.map(({ statement }) => canonical(statement.value)))
      : null;
  const items: StatedItem[] = [];
  plain.forEach((item, i) => {
    if (covered?.has(canonical(item))) return;
    items.push({
      item,
      path: link.many ? `${link.field}[${i}]` : link.field,
      ...(link.ordered ? { order: i } : {}),
    });
  });
  for (const { statement, index } of statements) {
    items.push({
      item: statement.value,
      path: `statements[${index}].value`,
      ...(statement.order !== undefined ? { order: statement.order } : {}),
      sources: statement.sources,
    });
  }
  return items;
}

function sourcesOf(record: ImportRecord, id: string, resolve: ResolveRef, refs?: Ref[]): string[] {
  // A source states its own facts (its title, its credits).
  if (record.type === 'source') return [id];
  return [...new Set((refs ?? record.sources ?? []).map((ref) => resolve(ref, ['source'])))];
}

/** One value of a scalar field and the sources that state it. */
export interface StatedScalar {
  field: string;
  value: unknown;
  sources: string[];
  /** Stated by the record's plain field (with the record's sources), not by statements. */
  plain: boolean;
}

/**
 * The scalar values a record states: a field's statements where it has any, else its plain
 * value with the record's sources. A record without an id was matched by its name, which may
 * be an alias: that name is not a claim.
 */
export function statedScalars(
  record: ImportRecord,
  id: string,
  resolve: ResolveRef,
): StatedScalar[] {
  const scalars: StatedScalar[] = [];
  const statements = statementsOf(record);
  for (const field of PROPERTIES[record.type]) {
    if (record.id === undefined && field === 'name') continue;
    const stated = statements.filter(({ statement }) => statement.field === field);
    for (const { statement } of stated) {
      const sources = sourcesOf(record, id, resolve, statement.sources);
      scalars.push({ field, value: statement.value, sources, plain: false });
    }
    if (stated.length === 0 && record[field] !== undefined) {
      const sources = sourcesOf(record, id, resolve);
      scalars.push({ field, value: record[field], sources, plain: true });
    }
  }
  return scalars;
}

/** A named record's name keys and search terms (src/names.ts), the costly part of its row. */
export interface Naming {
  nameKeys: string[];
  searchTerms: string[];
}

/** The names a record's keys and search terms come from: name, English name, aliases. */
export function namesOf(record: ImportRecord): string[] | null {
  if (!NAMED.has(record.type)) return null;
  const aliases = (record.aliases as string[] | undefined) ?? [];
  return [record.name as string, record.nameEn as string, ...aliases];
}

/** What a record's names give, for the row (`nodeRow` takes it computed elsewhere). */
export function naming(names: string[]): Naming {
  return { nameKeys: nameKeys(names), searchTerms: searchTerms(names) };
}

/**
 * The node row of a record. A record without an id was matched by its name, which may be one
 * of the entity's aliases: it names a new entity but does not rename an existing one.
 * `named`: its names' keys and terms when computed already (the offline route computes them
 * on another thread); otherwise they are computed here.
 */
export function nodeRow(
  record: ImportRecord,
  id: string,
  resolve: ResolveRef,
  named?: Naming | null,
): NodeRow {
  const kind = record.type;
  const anonymous = record.id === undefined;
  const sources = sourcesOf(record, id, resolve);
  const claims: string[] = [];
  const statements = statementsOf(record);
  // Without statements each field has one value, which is then the chosen one.
  const chosen: Record<string, unknown> = {};
  for (const { field, value, sources: by, plain } of statedScalars(record, id, resolve)) {
    claims.push(...claimStrings(field, value, by));
    if (plain) chosen[field] = value;
  }
  // A list whose items sources state one by one (a role's statedOn): each plain item that no
  // statement restates is stated by the record's sources, each statement's by its own.
  const united: Record<string, string[]> = {};
  for (const field of LIST_PROPERTIES[kind].filter((f) => UNITED_CLAIMS.includes(f))) {
    const stated = statements.filter(({ statement }) => statement.field === field);
    const restated = new Set(stated.map(({ statement }) => String(statement.value)));
    const plain = [
      ...new Set(record[field] === undefined ? [] : [record[field] as string[]].flat()),
    ];
    for (const item of plain.filter((i) => !restated.has(i)))
      claims.push(...claimStrings(field, item, sources));
    for (const { statement } of stated) {
      const by = sourcesOf(record, id, resolve, statement.sources);
      claims.push(...claimStrings(field, statement.value, by));
    }
    if (plain.length + stated.length > 0) united[field] = sortedDates([...plain, ...restated]);
  }
  const list = (field: string) =>
    LIST_PROPERTIES[kind].includes(field) && record[field] !== undefined
      ? (record[field] as string[])
      : null;
  const aliases = anonymous ? [record.name as string, ...(list('aliases') ?? [])] : list('aliases');
  // The name the aliases of a record without an id repeat is a name already: the same keys.
  const names = namesOf(record);
  const keys = names && (named ?? naming(names));
  return {
    id,
    kind,
    label: LABELS[kind],
    props: {},
    ...(statements.length > 0 ? claimed(claims) : { claims: claims.sort(), chosen }),
    sources,
    aliases,
    focus: list('focus'),
    statedOn: united.statedOn ?? null,
    nameKeys: keys ? keys.nameKeys : null,
    searchTerms: keys ? keys.searchTerms : null,
    defaultName: anonymous ? (record.name as string) : null,
  };
}

/** Claims sorted and distinct, with the values they choose (src/model/claims.ts). */
export function claimed(claims: string[]): { claims: string[]; chosen: Record<string, unknown> } {
  const sorted = claimList(claims) ?? [];
  return { claims: sorted, chosen: chosenValues(sorted) };
}

/**
 * The properties of a node that the database does not hold yet, exactly as
 * cypher/import/upsert-nodes.cypher stores a row for a node with nothing stored: its claims
 * (when there are any) and chosen values, sources, the name or else the default one, aliases
 * without the name (all of them dropped when there is no name, as `a <> null` drops them),
 * focus, statedOn distinct and sorted, searchTerms, and nameKeys as `|key1|key2|`. Written by
 * one SET (cypher/import/create-nodes.cypher); absent fields are left out, as null leaves them.
 */
export function newNodeProperties(row: NodeRow): Record<string, unknown> {
  const props: Record<string, unknown> = { ...row.props, id: row.id };
  if (row.claims.length > 0) props.claims = row.claims;
  Object.assign(props, row.chosen);
  props.sources = row.sources;
  props.name ??= row.defaultName ?? undefined;
  const name = props.name;
  if (row.aliases) props.aliases = name == null ? [] : row.aliases.filter((a) => a !== name);
  if (row.focus) props.focus = row.focus;
  if (row.statedOn) props.statedOn = sortedDates(row.statedOn);
  if (row.searchTerms) props.searchTerms = row.searchTerms;
  if (row.nameKeys) {
    let keys = '|';
    for (const key of row.nameKeys) if (!keys.includes(`|${key}|`)) keys += `${key}|`;
    props.nameKeys = keys;
  }
  for (const key of Object.keys(props)) if (props[key] === undefined) delete props[key];
  return props;
}

/**
 * The properties of a relationship that does not exist yet, as
 * cypher/import/upsert-relationships.cypher stores a row for one it creates: its identity, its
 * sources and roles, its claims (when there are any) and chosen values
 * (cypher/import/create-relationships.cypher writes them with one SET).
 */
export function newRelationshipProperties(row: RelationshipRow): Record<string, unknown> {
  return {
    ...row.props,
    sources: row.sources,
    ...(row.roles ? { roles: row.roles } : {}),
    ...(row.claims.length > 0 ? { claims: row.claims } : {}),
    ...row.chosen,
  };
}

/** Two lists united in order, without repeats; null when neither is given. */
const union = <T>(a: T[] | null, b: T[] | null): T[] | null =>
  a === null && b === null ? null : [...new Set([...(a ?? []), ...(b ?? [])])];

/**
 * Rows of one node in a batch (records of one id, perhaps from several sources) united into
 * one: the upsert reads what a node stores once for all of its rows, so a second row of the
 * same id would overwrite the first's claims rather than join them.
 */
export function uniteNodes(rows: NodeRow[]): NodeRow[] {
  const byId = new Map<string, NodeRow>();
  for (const row of rows) {
    const found = byId.get(row.id);
    if (!found) {
      byId.set(row.id, { ...row });
      continue;
    }
    Object.assign(found, claimed([...found.claims, ...row.claims]));
    found.props = { ...found.props, ...row.props };
    found.sources = union(found.sources, row.sources) ?? [];
    found.aliases = union(found.aliases, row.aliases);
    found.focus = union(found.focus, row.focus);
    const dates = union(found.statedOn, row.statedOn);
    found.statedOn = dates && sortedDates(dates);
    found.nameKeys = union(found.nameKeys, row.nameKeys);
    found.searchTerms = union(found.searchTerms, row.searchTerms);
    found.defaultName ??= row.defaultName;
  }
  return [...byId.values()];
}

/**
 * Rows for one relationship (the same type, ends and identity) united into one: those of one
 * record, or of one batch (the upsert, like the nodes', reads what is stored once for all rows).
 */
export function uniteRelationships(rows: RelationshipRow[]): RelationshipRow[] {
  const byKey = new Map<string, RelationshipRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.type, row.from, row.to, row.identity]);
    const found = byKey.get(key);
    if (!found) {
      byKey.set(key, row);
      continue;
    }
    found.sources = [...new Set([...found.sources, ...row.sources])];
    Object.assign(found, claimed([...found.claims, ...row.claims]));
    if (row.roles) found.roles = [...new Set([...(found.roles ?? []), ...row.roles])];
  }
  return [...byKey.values()];
}

export function relationshipRows(
  record: ImportRecord,
  id: string,
  resolve: ResolveRef,
): RelationshipRow[] {
  const rows: RelationshipRow[] = [];
  for (const link of LINKS[record.type]) {
    for (const stated of statedItems(record, link)) {
      const holder = stated.item as Record<string, unknown>;
      const other = resolve((link.key ? holder[link.key] : stated.item) as Ref, link.targets);
      const sources = sourcesOf(record, id, resolve, stated.sources);
      // One item: one value per field, which is then the chosen one (a list's only value).
      const claims: string[] = [];
      const chosen: Record<string, unknown> = {};
      if (stated.order !== undefined) {
        claims.push(...claimStrings('order', stated.order, sources));
        chosen.order = stated.order;
      }
      if (link.refProperty && holder[link.refProperty.key] !== undefined) {
        const value = resolve(holder[link.refProperty.key] as Ref, link.refProperty.targets);
        claims.push(...claimStrings(link.refProperty.property, value, sources));
        chosen[link.refProperty.property] = [value];
      }
      const identity: [string, string][] = (link.identity ?? []).map(({ key, targets }) => {
        const given = holder[key];
        if (given === undefined) return [key, ''];
        return [key, targets ? resolve(given as Ref, targets) : String(given)];
      });
      rows.push({
        type: link.type,
        from: link.inbound ? other : id,
        to: link.inbound ? id : other,
        props: Object.fromEntries(identity.filter(([, value]) => value !== '')),
        identity,
        claims: claims.sort(),
        chosen,
        sources,
        roles: link.listProperty ? [holder[link.listProperty.key] as string] : null,
      });
    }
  }
  return uniteRelationships(rows);
}
