/**
 * The one graph shape every visualisation format is written from: nodes and edges with their
 * kind or type, a label, the dates they hold (start and end) and their stored properties, and
 * the property names with the type of value each holds, so that a writer can declare its
 * attributes before the first node (GraphML keys, GEXF attributes).
 */
import { hasYear } from '../dates.ts';
import { type EntityNode, toEntity, withoutClaims } from '../graph/entity.ts';
import type { GraphEdge, GraphNode } from '../graph/neighbourhood.ts';
import type { Kind } from '../model/kinds.ts';

/** The type of a property's values: lists are lists of strings. */
export type PropertyType = 'string' | 'int' | 'double' | 'boolean' | 'list';

/** Property names with their types, in the order writers declare them. */
export type PropertyTypes = Map<string, PropertyType>;

export interface ExportNode {
  id: string;
  kind: Kind;
  /** The name; for a role, its title. */
  label: string;
  /** When the fact began (an agreement's signedOn, an event's date, a role's since). */
  start: string | null;
  /** When it ended (a role's until). */
  end: string | null;
  /** Stored properties (the stored `kind` renamed `category`; a role's titleEn also as nameEn). */
  properties: Record<string, unknown>;
}

export interface ExportEdge {
  /** `source|type|target`, as in the API's neighbourhood. */
  id: string;
  source: string;
  target: string;
  type: string;
  /** The dates of the dated entity it touches (both: where they overlap). */
  start: string | null;
  end: string | null;
  properties: Record<string, unknown>;
}

/** What was exported: the whole graph or the neighbourhood of some entities. */
export interface ExportScope {
  seeds: string[];
  /** Null for the whole graph. */
  depth: number | null;
  asOf: string | null;
  /** The neighbourhood's node cap stopped the expansion. */
  truncated: boolean;
}

/** A graph ready to write: its property names first, then its nodes, then its edges. */
export interface ExportGraph {
  scope: ExportScope;
  nodeProperties: PropertyTypes;
  edgeProperties: PropertyTypes;
  nodes(): AsyncIterable<ExportNode>;
  edges(): AsyncIterable<ExportEdge>;
}

/** The attributes every node has, before its properties. */
export const NODE_FIELDS: PropertyTypes = new Map<string, PropertyType>([
  ['kind', 'string'],
  ['label', 'string'],
  ['start', 'string'],
  ['end', 'string'],
]);
/** The attributes every edge has, before its properties. */
export const EDGE_FIELDS: PropertyTypes = new Map<string, PropertyType>([
  ['type', 'string'],
  ['start', 'string'],
  ['end', 'string'],
]);

/** When a dated entity held: a role from since to until, an agreement or event from its date. */
export function interval(entity: { kind?: Kind; [key: string]: unknown }): {
  start: string | null;
  end: string | null;
} {
  // A date without a year (--10-14) is on no particular day: no bound.
  const text = (value: unknown) => (typeof value === 'string' && hasYear(value) ? value : null);
  switch (entity.kind) {
    case 'role':
      return { start: text(entity.since), end: text(entity.until) };
    case 'agreement':
      return { start: text(entity.signedOn), end: null };
    case 'event':
      return { start: text(entity.date), end: null };
    default:
      return { start: null, end: null };
  }
}

/** The overlap of two intervals (null bounds are open). */
export function overlap(
  a: { start: string | null; end: string | null },
  b: { start: string | null; end: string | null },
): { start: string | null; end: string | null } {
  const later = (x: string | null, y: string | null) =>
    x === null ? y : y === null || x > y ? x : y;
  const earlier = (x: string | null, y: string | null) =>
    x === null ? y : y === null || x < y ? x : y;
  return { start: later(a.start, b.start), end: earlier(a.end, b.end) };
}

/** An entity (labels and stored properties, as Neo4j returns them) as an export node. */
export function exportNode(labels: unknown, props: Record<string, unknown>): ExportNode {
  return fromEntity(toEntity(labels, props));
}

function fromEntity(entity: EntityNode): ExportNode {
  const { kind, id, ...rest } = entity;
  const properties: Record<string, unknown> = withoutClaims(rest);
  if (kind === 'role' && properties.titleEn !== undefined) properties.nameEn = properties.titleEn;
  return {
    id,
    kind,
    label: String(entity.name ?? entity.title ?? id),
    ...interval(entity),
    properties,
  };
}

/** A node of the API's neighbourhood (whose properties keep the stored `kind`) as an export node. */
export function fromGraphNode(node: GraphNode): ExportNode {
  const { kind: category, ...rest } = node.properties;
  const entity = { ...rest, id: node.id, kind: node.kind } as EntityNode;
  if (typeof category === 'string') entity.category = category;
  return fromEntity(entity);
}

/** An edge with the dates of its ends. */
export function exportEdge(
  edge: Omit<GraphEdge, 'id'>,
  sourceDates: { start: string | null; end: string | null },
  targetDates: { start: string | null; end: string | null },
): ExportEdge {
  return {
    id: `${edge.source}|${edge.type}|${edge.target}`,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    ...overlap(sourceDates, targetDates),
    properties: withoutClaims(edge.properties),
  };
}

/** The type of one value. */
export function typeOf(value: unknown): PropertyType {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  return 'string';
}

/** Records that `key` holds values of `type`; a key seen with two types becomes a string. */
export function noteType(types: PropertyTypes, key: string, type: PropertyType): void {
  const known = types.get(key);
  if (known === undefined) types.set(key, type);
  else if (known !== type)
    types.set(key, known === 'int' && type === 'double' ? 'double' : 'string');
}

/** The property types of elements already in memory, sorted by name. */
export function propertyTypes(elements: Iterable<{ properties: Record<string, unknown> }>) {
  const types: PropertyTypes = new Map();
  for (const element of elements) {
    for (const [key, value] of Object.entries(element.properties)) {
      if (value !== null && value !== undefined) noteType(types, key, typeOf(value));
    }
  }
  return sortedTypes(types);
}

export function sortedTypes(types: PropertyTypes): PropertyTypes {
  return new Map([...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A value as text of its declared type: lists as JSON arrays, everything else as itself. */
export function valueText(value: unknown, type: PropertyType): string {
  if (type === 'list') return JSON.stringify(Array.isArray(value) ? value.map(String) : [value]);
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}
