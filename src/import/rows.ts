/**
 * From a resolved record to the parameter rows of the upsert queries: one node row, and one
 * relationship row per reference that the model turns into a relationship.
 */

import { sortedDates } from '../dates.ts';
import { type Kind, LABELS, LINKS, LIST_PROPERTIES, NAMED, PROPERTIES } from '../model/kinds.ts';
import { nameKeys, searchTerms } from '../names.ts';
import type { ImportRecord, Ref } from './records.ts';

export interface NodeRow {
  id: string;
  kind: Kind;
  label: string;
  props: Record<string, unknown>;
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
  props: Record<string, unknown>;
  sources: string[];
  roles: string[] | null;
}

export type ResolveRef = (ref: Ref, targets: readonly Kind[]) => string;

function sourcesOf(record: ImportRecord, id: string, resolve: ResolveRef): string[] {
  // A source states its own facts (its title, its credits).
  if (record.type === 'source') return [id];
  return [...new Set((record.sources ?? []).map((ref) => resolve(ref, ['source'])))];
}

/**
 * The node row of a record. A record without an id was matched by its name, which may be one
 * of the entity's aliases: it names a new entity but does not rename an existing one.
 */
export function nodeRow(record: ImportRecord, id: string, resolve: ResolveRef): NodeRow {
  const kind = record.type;
  const anonymous = record.id === undefined;
  const props: Record<string, unknown> = {};
  for (const field of PROPERTIES[kind]) {
    if (record[field] !== undefined && !(anonymous && field === 'name'))
      props[field] = record[field];
  }
  const list = (field: string) =>
    LIST_PROPERTIES[kind].includes(field) && record[field] !== undefined
      ? (record[field] as string[])
      : null;
  const aliases = anonymous ? [record.name as string, ...(list('aliases') ?? [])] : list('aliases');
  const names = [record.name as string, record.nameEn as string, ...(aliases ?? [])];
  return {
    id,
    kind,
    label: LABELS[kind],
    props,
    sources: sourcesOf(record, id, resolve),
    aliases,
    focus: list('focus'),
    statedOn:
      record.statedOn === undefined
        ? null
        : sortedDates([record.statedOn as string | string[]].flat()),
    nameKeys: NAMED.has(kind) ? nameKeys(names) : null,
    searchTerms: NAMED.has(kind) ? searchTerms(names) : null,
    defaultName: anonymous ? (record.name as string) : null,
  };
}

export function relationshipRows(
  record: ImportRecord,
  id: string,
  resolve: ResolveRef,
): RelationshipRow[] {
  const rows: RelationshipRow[] = [];
  const sources = sourcesOf(record, id, resolve);
  for (const link of LINKS[record.type]) {
    const value = record[link.field];
    if (value === undefined) continue;
    const items = link.many ? (value as unknown[]) : [value];
    items.forEach((item, order) => {
      const holder = item as Record<string, unknown>;
      const ref = (link.key ? holder[link.key] : item) as Ref;
      const other = resolve(ref, link.targets);
      const props: Record<string, unknown> = {};
      if (link.ordered) props.order = order;
      if (link.refProperty) {
        props[link.refProperty.property] = resolve(
          holder[link.refProperty.key] as Ref,
          link.refProperty.targets,
        );
      }
      rows.push({
        type: link.type,
        from: link.inbound ? other : id,
        to: link.inbound ? id : other,
        props,
        sources,
        roles: link.listProperty ? [holder[link.listProperty.key] as string] : null,
      });
    });
  }
  return rows;
}
