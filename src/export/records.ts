/**
 * The graph as import records: every entity, kind by kind in a fixed order and by id within a
 * kind, with each relationship written into the field of the record type that owns it.
 * Importing the output into an empty database and exporting again gives the same output.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import type { ImportRecord } from '../import/records.ts';
import { KINDS, type Kind, LABELS, LINKS, LIST_PROPERTIES, PROPERTIES } from '../model/kinds.ts';

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

const byOther = (a: StoredRelationship, b: StoredRelationship) =>
  a.other < b.other ? -1 : a.other > b.other ? 1 : 0;

function toRecord(
  kind: Kind,
  node: Record<string, unknown>,
  relationships: StoredRelationship[],
): ImportRecord {
  const record: ImportRecord = { type: kind, id: node.id as string };
  for (const field of PROPERTIES[kind]) if (node[field] !== undefined) record[field] = node[field];
  for (const field of LIST_PROPERTIES[kind]) {
    const values = node[field] as string[] | undefined;
    if (values?.length) record[field] = values;
  }
  for (const link of LINKS[kind]) {
    const mine = relationships
      .filter((r) => r.type === link.type && r.inbound === Boolean(link.inbound))
      .sort(
        link.ordered ? (a, b) => (a.props.order as number) - (b.props.order as number) : byOther,
      );
    if (mine.length === 0) continue;
    const items = mine.flatMap((r): unknown[] => {
      if (link.listProperty) {
        // One relationship per person and source; one credit per role it holds.
        return ((r.props.roles as string[]) ?? []).map((role) => ({
          [link.key as string]: r.other,
          role,
        }));
      }
      if (link.key) {
        const item: Record<string, unknown> = { [link.key]: r.other };
        if (link.refProperty) item[link.refProperty.key] = r.props[link.refProperty.property];
        return [item];
      }
      return [r.other];
    });
    record[link.field] = link.many ? items : items[0];
  }
  if (kind !== 'source') record.sources = node.sources as string[];
  return record;
}
