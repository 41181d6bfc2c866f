/**
 * The neighbourhood question: the entities within a few relationships of some starting
 * entities and the relationships between them, as node and edge lists for visualisation.
 * A breadth-first expansion, one query per level (cypher/neighbourhood), with a node cap.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import type { Kind } from '../model/kinds.ts';
import { type EntityNode, toEntity, validOn, withoutClaims } from './entity.ts';

/** The most nodes a neighbourhood holds; where reached, the expansion stops. */
export const MAX_NODES = 2000;
export const MAX_DEPTH = 3;
export const MAX_IDS = 50;

export interface GraphNode {
  id: string;
  kind: Kind;
  /** The name; for a role, its title. */
  label: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  /** `source|type|target`. */
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface NeighbourhoodOptions {
  depth: number;
  /** The relationship types followed; null: all. */
  types: string[] | null;
  /** Hide what was not valid on this date (see validOn). */
  asOf: string | null;
  /** The node cap (MAX_NODES unless a test says otherwise). */
  maxNodes?: number;
}

/** An entity as a graph node. Its properties are those stored, less internal ones. */
function graphNode(entity: EntityNode, props: Record<string, unknown>): GraphNode {
  const properties: Record<string, unknown> = {};
  // toEntity leaves out the internal properties (nameKeys, searchTerms): keep what it keeps.
  for (const key of Object.keys(withoutClaims(entity)))
    if (key in props) properties[key] = props[key];
  return {
    id: String(props.id),
    kind: entity.kind,
    label: String(props.name ?? props.title ?? props.id),
    properties,
  };
}

const edgeId = (source: string, type: string, target: string) => `${source}|${type}|${target}`;

/**
 * The neighbourhood of `ids` to `depth` relationships. Level 0 is the entities of `ids`
 * themselves; each further level is the entities one relationship from the level before,
 * not seen yet. Edges: every relationship followed, and those between entities of the last
 * level. With `asOf`, entities not valid then are left out, with their relationships (and
 * what lies only beyond them).
 */
export async function neighbourhood(
  db: Database,
  ids: readonly string[],
  options: NeighbourhoodOptions,
): Promise<Graph> {
  const { depth, types, asOf } = options;
  const maxNodes = options.maxNodes ?? MAX_NODES;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;

  const addEdge = (source: string, type: string, target: string, rel: unknown) => {
    const id = edgeId(source, type, target);
    if (!edges.has(id))
      edges.set(id, {
        id,
        source,
        target,
        type,
        properties: withoutClaims(rel as Record<string, unknown>),
      });
  };
  /** Adds an entity unless it is hidden or the cap is reached; returns whether it is in the graph. */
  const addNode = (labels: unknown, props: Record<string, unknown>): boolean => {
    const id = props.id as string;
    if (nodes.has(id)) return true;
    const entity = toEntity(labels, props);
    if (asOf && !validOn(entity, asOf)) return false;
    if (nodes.size >= maxNodes) {
      truncated = true;
      return false;
    }
    nodes.set(id, graphNode(entity, props));
    return true;
  };

  let frontier: string[] = [];
  for (const row of await db.read(cypher('neighbourhood/nodes'), { ids: [...new Set(ids)] })) {
    if (addNode(row.labels, row.props as Record<string, unknown>)) frontier.push(row.id as string);
  }

  for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level++) {
    const rows = await db.read(cypher('neighbourhood/expand'), { frontier, types });
    const next: string[] = [];
    for (const row of rows) {
      const other = row.other as string;
      const known = nodes.has(other);
      if (!addNode(row.labels, row.props as Record<string, unknown>)) continue;
      if (!known) next.push(other);
      const here = row.id as string;
      if (row.outgoing) addEdge(here, row.type as string, other, row.rel);
      else addEdge(other, row.type as string, here, row.rel);
    }
    frontier = next;
  }

  // Relationships between entities of the last level: no expansion step followed them.
  if (frontier.length > 1) {
    for (const row of await db.read(cypher('neighbourhood/between'), { ids: frontier, types })) {
      addEdge(row.source as string, row.type as string, row.target as string, row.rel);
    }
  }

  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
