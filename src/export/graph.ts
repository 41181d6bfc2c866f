/**
 * The graph a visualisation export writes: the whole graph, read in pages of entities so that
 * it is never held in memory at once, or the neighbourhood of chosen entities (the API's
 * neighbourhood question, with its depth and node cap). Both optionally as of a date.
 */

import { hasYear, isDate } from '../dates.ts';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type EntityNode, toEntity, validOn } from '../graph/entity.ts';
import { MAX_DEPTH, MAX_IDS, neighbourhood } from '../graph/neighbourhood.ts';
import { type Kind, kindOfLabels } from '../model/kinds.ts';
import {
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
  exportEdge,
  exportNode,
  fromGraphNode,
  interval,
  noteType,
  type PropertyType,
  type PropertyTypes,
  propertyTypes,
  sortedTypes,
} from './shape.ts';

/** Entities read per query when the whole graph is exported. */
const PAGE = 1000;

/** The export was asked for wrongly (the message says how); `status` is the HTTP status. */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
  status: 400 | 404;
  constructor(message: string, status: 400 | 404 = 400) {
    super(message);
    this.status = status;
  }
}

export interface GraphExportOptions {
  /** Entities whose neighbourhood is exported; none: the whole graph. */
  seeds: string[];
  /** Relationships from the seeds (0 to 3); null for the whole graph. */
  depth: number | null;
  /** Leave out what was not valid on this date (roles not held, agreements not yet signed...). */
  asOf: string | null;
}

/** Checks the options as a user gives them (text from a command line or a query string). */
export function graphExportOptions(input: {
  seeds?: readonly string[];
  depth?: string | number | null;
  asOf?: string | null;
}): GraphExportOptions {
  const seeds = [...new Set(input.seeds ?? [])];
  if (seeds.some((id) => id.trim() === '')) throw new ExportInputError('seed: an id is empty');
  if (seeds.length > MAX_IDS) {
    throw new ExportInputError(`seed: at most ${MAX_IDS} entities, got ${seeds.length}`);
  }
  let depth: number | null = null;
  if (input.depth !== undefined && input.depth !== null && input.depth !== '') {
    depth = Number(input.depth);
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
      throw new ExportInputError(
        `depth must be a whole number from 0 to ${MAX_DEPTH}, got ${JSON.stringify(input.depth)}`,
      );
    }
    if (seeds.length === 0) {
      throw new ExportInputError('depth needs a seed: the neighbourhood of which entities?');
    }
  }
  if (seeds.length > 0) depth ??= 1;
  const asOf = input.asOf ?? null;
  if (asOf !== null && !(isDate(asOf) && hasYear(asOf))) {
    throw new ExportInputError(
      `as-of: ${JSON.stringify(asOf)} is not a date with a year; use YYYY-MM-DD, YYYY-MM or YYYY`,
    );
  }
  return { seeds, depth, asOf };
}

/** The graph to export: the seeds' neighbourhood, or the whole graph when there are none. */
export function loadGraph(db: Database, options: GraphExportOptions): Promise<ExportGraph> {
  return options.seeds.length > 0
    ? neighbourhoodGraph(db, options.seeds, options.depth ?? 1, options.asOf)
    : wholeGraph(db, options.asOf);
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** The neighbourhood of `seeds` (every seed must exist), held in memory: at most 2000 nodes. */
export async function neighbourhoodGraph(
  db: Database,
  seeds: string[],
  depth: number,
  asOf: string | null,
): Promise<ExportGraph> {
  const found = new Set(
    (await db.read(cypher('neighbourhood/nodes'), { ids: seeds })).map((row) => row.id as string),
  );
  const missing = seeds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ExportInputError(`seed: no entity with id ${missing.join(', ')}`, 404);
  }
  const graph = await neighbourhood(db, seeds, { depth, types: null, asOf });
  const nodes = graph.nodes.map(fromGraphNode);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const open = { start: null, end: null };
  const edges = graph.edges.map((edge) =>
    exportEdge(edge, byId.get(edge.source) ?? open, byId.get(edge.target) ?? open),
  );
  return {
    scope: { seeds, depth, asOf, truncated: graph.truncated },
    nodeProperties: propertyTypes(nodes),
    edgeProperties: propertyTypes(edges),
    nodes: () => each(nodes),
    edges: () => each(edges),
  };
}

/** Neo4j's valueType() as a property type. */
function storedType(valueType: string): PropertyType {
  if (valueType.startsWith('LIST')) return 'list';
  if (valueType.startsWith('INTEGER')) return 'int';
  if (valueType.startsWith('FLOAT')) return 'double';
  if (valueType.startsWith('BOOLEAN')) return 'boolean';
  return 'string';
}

/** A stored entity with only its kind and dates: enough for validOn and interval. */
function datedEntity(labels: unknown, dates: Record<string, unknown>): EntityNode {
  return { ...dates, id: '', kind: kindOfLabels(labels as string[]) as Kind };
}

/** The whole graph, read a page of entities at a time as a writer asks for it. */
export async function wholeGraph(
  db: Database,
  asOf: string | null,
  pageSize = PAGE,
): Promise<ExportGraph> {
  const nodeProperties: PropertyTypes = new Map();
  const edgeProperties: PropertyTypes = new Map();
  for (const row of await db.read(cypher('export/property-types'))) {
    const type = storedType(row.type as string);
    if (row.element === 'edge') {
      if (row.key !== 'claims') noteType(edgeProperties, row.key as string, type);
      continue;
    }
    // A node's properties as exportNode shapes them: internal ones dropped, `kind` renamed.
    const shaped = exportNode([], { id: '', [row.key as string]: '' }).properties;
    for (const key of Object.keys(shaped)) noteType(nodeProperties, key, type);
    if (row.key === 'titleEn') noteType(nodeProperties, 'nameEn', type);
  }

  async function* pages(
    query: 'export/graph-nodes' | 'export/graph-edges',
  ): AsyncGenerator<Record<string, unknown>> {
    let after = '';
    for (;;) {
      const rows = await db.read(cypher(query), { after, limit: pageSize });
      yield* rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]?.id as string;
    }
  }

  async function* nodes(): AsyncGenerator<ExportNode> {
    for await (const row of pages('export/graph-nodes')) {
      const props = row.props as Record<string, unknown>;
      if (asOf && !validOn(toEntity(row.labels, props), asOf)) continue;
      yield exportNode(row.labels, props);
    }
  }

  async function* edges(): AsyncGenerator<ExportEdge> {
    type Out = { type: string; target: string; props: Record<string, unknown> } & {
      labels: string[];
      dates: Record<string, unknown>;
    };
    for await (const row of pages('export/graph-edges')) {
      const source = datedEntity(row.labels, row.dates as Record<string, unknown>);
      if (asOf && !validOn(source, asOf)) continue;
      const out = (row.out as Out[]).sort((a, b) =>
        a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.target < b.target ? -1 : 1,
      );
      for (const rel of out) {
        const target = datedEntity(rel.labels, rel.dates);
        if (asOf && !validOn(target, asOf)) continue;
        yield exportEdge(
          { source: row.id as string, target: rel.target, type: rel.type, properties: rel.props },
          interval(source),
          interval(target),
        );
      }
    }
  }

  return {
    scope: { seeds: [], depth: null, asOf, truncated: false },
    nodeProperties: sortedTypes(nodeProperties),
    edgeProperties: sortedTypes(edgeProperties),
    nodes,
    edges,
  };
}
