/**
 * The graph as import records: every entity, kind by kind in a fixed order and by id within a
 * kind, with each relationship written into the field of the record type that owns it.
 * Importing the output into an empty database and exporting again gives the same output.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import type { ImportRecord, Statement } from '../import/records.ts';
import { canonical } from '../import/rows.ts';
import { readClaims, UNITED_CLAIMS } from '../model/claims.ts';
import { KINDS, type Kind, LABELS, LIST_PROPERTIES, PROPERTIES } from '../model/kinds.ts';
import { LINKS, type Link } from '../model/relationships.ts';

const PAGE = 2000;

interface StoredRelationship {
  type: string;
  other: string;
  inbound: boolean;
  props: Record<string, unknown>;
}

export async function* exportRecords(
  db: Database,
  kinds: readonly Kind[] = KINDS,
): AsyncGenerator<ImportRecord> {
  for (const kind of kinds) {
    let after = '';
    for (;;) {
      const rows = await db.read(cypher('export/page'), {
        label: LABELS[kind],
        after,
        limit: PAGE,
      });
      for (const row of rows) {
        yield toRecord(
          kind,
          row.node as Record<string, unknown>,
          row.relationships as StoredRelationship[],
        );
      }
      if (rows.length < PAGE) break;
      after = (rows[rows.length - 1] as { node: { id: string } }).node.id;
    }
  }
}

const sameSources = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** One item of a link field as a record writes it, with the sources that state it. */
interface Item {
  value: unknown;
  sources: string[];
  relationship: StoredRelationship;
}

/** The items a relationship stands for: one per onBehalfOf, per credited role, or one. */
function itemsOf(link: Link, r: StoredRelationship): Item[] {
  const sources = (r.props.sources as string[] | undefined) ?? [];
  const one = (value: unknown, stated = sources) => ({ value, sources: stated, relationship: r });
  if (link.listProperty) {
    // One relationship per person and source; one credit per role it holds.
    return ((r.props.roles as string[]) ?? []).map((role) =>
      one({ [link.key as string]: r.other, role }),
    );
  }
  if (link.refProperty) {
    const { key, property } = link.refProperty;
    const claims = readClaims(r.props.claims).filter((c) => c.field === property);
    const values = [r.props[property] ?? []].flat() as string[];
    if (values.length === 0) return [one({ [link.key as string]: r.other })];
    return values.map((v) =>
      one(
        { [link.key as string]: r.other, [key]: v },
        claims.find((c) => c.value === v)?.sources ?? sources,
      ),
    );
  }
  if (link.key) {
    const item: Record<string, unknown> = { [link.key]: r.other };
    for (const { key } of link.identity ?? [])
      if (r.props[key] !== undefined) item[key] = r.props[key];
    return [one(item)];
  }
  return [one(r.other)];
}

/** Most sources first, then the least id: the rule single-valued API fields follow too. */
const chosenFirst = (a: StoredRelationship, b: StoredRelationship) =>
  ((b.props.sources as string[]) ?? []).length - ((a.props.sources as string[]) ?? []).length ||
  (a.other < b.other ? -1 : a.other > b.other ? 1 : 0);

const byOrder = (a: StoredRelationship, b: StoredRelationship) =>
  ((a.props.order as number) ?? Number.MAX_SAFE_INTEGER) -
    ((b.props.order as number) ?? Number.MAX_SAFE_INTEGER) ||
  (a.other < b.other ? -1 : a.other > b.other ? 1 : 0);

/** By the entity at the other end, then by the item (a signatory's parties in id order). */
const byItem = (a: Item, b: Item) => {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.relationship.other, b.relationship.other) || text(canonical(a.value), canonical(b.value))
  );
};

/**
 * A record for one entity. Each field holds its stored (chosen) value; where the sources that
 * state a value are not exactly the record's sources, `statements` say which state what, so
 * that importing the record gives back every claim and every relationship's own sources.
 */
function toRecord(
  kind: Kind,
  node: Record<string, unknown>,
  relationships: StoredRelationship[],
): ImportRecord {
  const record: ImportRecord = { type: kind, id: node.id as string };
  const sources =
    kind === 'source' ? [node.id as string] : [...((node.sources as string[]) ?? [])].sort();
  const statements: Statement[] = [];
  const claims = readClaims(node.claims);
  for (const field of PROPERTIES[kind]) {
    if (node[field] !== undefined) record[field] = node[field];
    const mine = claims.filter((c) => c.field === field);
    const plain =
      mine.length === 1 &&
      mine[0]?.value === node[field] &&
      sameSources(mine[0]?.sources ?? [], sources);
    if (mine.length > 0 && !plain) {
      for (const c of mine) statements.push({ field, value: c.value, sources: c.sources });
    }
  }
  for (const field of LIST_PROPERTIES[kind]) {
    const values = node[field] as string[] | undefined;
    if (values?.length) record[field] = values;
    if (!UNITED_CLAIMS.includes(field)) continue;
    // An item some of the record's sources do not state (a date one source gives) says who does.
    for (const value of values ?? []) {
      const stated = claims.find((c) => c.field === field && c.value === value);
      if (stated && !sameSources(stated.sources, sources))
        statements.push({ field, value, sources: stated.sources });
    }
  }
  for (const link of LINKS[kind]) {
    const mine = relationships
      .filter((r) => r.type === link.type && r.inbound === Boolean(link.inbound))
      .sort(link.ordered ? byOrder : link.many ? byOrder : chosenFirst);
    if (mine.length === 0) continue;
    const items = mine.flatMap((r) => itemsOf(link, r));
    if (!link.ordered) items.sort(link.many ? byItem : () => 0);
    const plain = link.many ? items : items.slice(0, 1);
    record[link.field] = link.many ? plain.map((i) => i.value) : plain[0]?.value;
    items.forEach((item, position) => {
      const inPlain = position < plain.length;
      if (!link.ordered) {
        if (!inPlain || !sameSources(item.sources, sources))
          statements.push({ field: link.field, value: item.value, sources: item.sources });
        return;
      }
      // An ordered item is plain when every source of the record states it at its position.
      const orders = readClaims(item.relationship.props.claims).filter((c) => c.field === 'order');
      const uniform =
        orders.length === 1 &&
        orders[0]?.value === position &&
        sameSources(orders[0]?.sources ?? [], sources) &&
        sameSources(item.sources, sources);
      if (uniform) return;
      for (const c of orders) {
        statements.push({
          field: link.field,
          value: item.value,
          sources: c.sources,
          order: c.value as number,
        });
      }
      const unordered = item.sources.filter((s) => !orders.some((c) => c.sources.includes(s)));
      if (unordered.length > 0)
        statements.push({ field: link.field, value: item.value, sources: unordered });
    });
  }
  if (kind !== 'source') record.sources = sources;
  if (statements.length > 0) record.statements = statements;
  return record;
}
