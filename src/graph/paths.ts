/**
 * The connections question: the shortest paths between two entities (cypher/paths), each
 * with its steps and a readable line of text.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { isRelationshipType, RELATIONSHIPS } from '../model/relationships.ts';
import { type EntityNode, toEntity } from './entity.ts';

/** The longest path `connections` looks for; cypher/paths/shortest.cypher holds it as a literal. */
export const MAX_HOPS = 6;

export type StepDirection = 'FORWARD' | 'BACKWARD';

/** One relationship of a path, seen in the path's order. */
export interface Step {
  from: EntityNode;
  to: EntityNode;
  type: string;
  label: string;
  direction: StepDirection;
}

export interface Path {
  length: number;
  nodes: EntityNode[];
  steps: Step[];
  text: string;
}

/** A relationship type in words, read from its start to its end (the catalogue's label): `PARTY_TO` → "party to". */
export function relationshipLabel(type: string): string {
  return isRelationshipType(type)
    ? RELATIONSHIPS[type].label
    : type.toLowerCase().replaceAll('_', ' ');
}

/** What a node is called in text: its name, or for a role its title. */
export function displayName(node: EntityNode): string {
  return String(node.name ?? node.title ?? node.id);
}

const arrow = (label: string, direction: StepDirection) =>
  direction === 'FORWARD' ? `—${label}→` : `←${label}—`;

/**
 * A path as one line: `A —label→ B ←label— C`. A person holding a role at an organisation
 * (person —holds→ role —at→ organisation, or the same read backwards) becomes one step named
 * by the title: `聂祚仁 —校长 of→ 北京工业大学`.
 */
export function pathText(nodes: readonly EntityNode[], steps: readonly Step[]): string {
  const parts = [displayName(nodes[0] as EntityNode)];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const next = steps[i + 1];
    const forwardRole =
      step.type === 'HOLDS' && next?.type === 'AT' && step.direction === 'FORWARD';
    const backwardRole =
      step.type === 'AT' && next?.type === 'HOLDS' && step.direction === 'BACKWARD';
    if (next && next.direction === step.direction && (forwardRole || backwardRole)) {
      parts.push(arrow(`${displayName(step.to)} of`, step.direction), displayName(next.to));
      i++;
    } else {
      parts.push(arrow(step.label, step.direction), displayName(step.to));
    }
  }
  return parts.join(' ');
}

function toPath(nodes: EntityNode[], relationships: { type: string; source: string }[]): Path {
  const steps = relationships.map((rel, i): Step => {
    const from = nodes[i] as EntityNode;
    return {
      from,
      to: nodes[i + 1] as EntityNode,
      type: rel.type,
      label: relationshipLabel(rel.type),
      direction: rel.source === from.id ? 'FORWARD' : 'BACKWARD',
    };
  });
  return { length: steps.length, nodes, steps, text: pathText(nodes, steps) };
}

/**
 * The shortest paths (all of them, at most 10) between `from` and `to` of at most `maxHops`
 * relationships; the one path of length 0 when they are the same entity; none when either
 * is unknown. `maxHops` must lie in 1..MAX_HOPS (the resolver checks).
 */
export async function connections(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
): Promise<Path[]> {
  if (from === to) {
    const rows = await db.read(cypher('graph/entities-by-id'), { ids: [from] });
    return rows.map((row) => toPath([toEntity(row.labels, row.props)], []));
  }
  const rows = await db.read(cypher('paths/shortest'), { from, to, maxHops });
  return rows.map((row) =>
    toPath(
      (row.nodes as { labels: string[]; props: object }[]).map((n) => toEntity(n.labels, n.props)),
      row.relationships as { type: string; source: string }[],
    ),
  );
}
