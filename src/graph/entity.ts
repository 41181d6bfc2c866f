/**
 * Entities as the API layer sees them: a node's properties with its kind. The stored property
 * `kind` (university, contract, ...) is renamed `category` so that `kind` is always the kind of
 * entity; the GraphQL field `kind` of those types resolves from `category`.
 */
import { hasYear, lastDay } from '../dates.ts';
import { type Kind, kindOfLabels } from '../model/kinds.ts';
import { heldOn } from './held.ts';

export interface EntityNode {
  /** The kind of entity (organisation, person, ...). */
  kind: Kind;
  /** The stored `kind` property: the sort of organisation, region, event or agreement. */
  category?: string;
  id: string;
  name?: string;
  nameEn?: string;
  aliases?: string[];
  sources?: string[];
  [property: string]: unknown;
}

/** A relationship seen from one end: its properties and the entity at the other end. */
export interface Related {
  rel: Record<string, unknown>;
  node: EntityNode;
}

/** Internal properties that are not part of an entity's public shape. */
const INTERNAL = new Set(['nameKeys', 'searchTerms']);

/**
 * Properties without `claims`: the drawings (neighbourhood, graph exports) show each field's
 * value and the sources of the whole; who states which value is the API's `claims` and the
 * import format's `statements`.
 */
export function withoutClaims(props: Record<string, unknown>): Record<string, unknown> {
  const { claims: _, ...rest } = props;
  return rest;
}

export function toEntity(labels: unknown, props: unknown): EntityNode {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
    if (!INTERNAL.has(key)) out[key === 'kind' ? 'category' : key] = value;
  }
  out.kind = kindOfLabels(labels as string[]);
  return out as EntityNode;
}

/**
 * Whether an entity is valid on `date` (a date with a year): a role held then (src/graph/
 * held.ts: only what the sources support; a role without dates is not), an agreement signed
 * or an event held by then (a partial date counts from its first day). Other entities, and
 * agreements and events without a date or without a year, count as valid: nothing says
 * they were not.
 */
export function validOn(node: EntityNode, date: string): boolean {
  const byThen = (value: unknown) =>
    typeof value !== 'string' || !hasYear(value) || value <= lastDay(date);
  switch (node.kind) {
    case 'role':
      return heldOn(node, date);
    case 'agreement':
      return byThen(node.signedOn);
    case 'event':
      return byThen(node.date);
    default:
      return true;
  }
}
