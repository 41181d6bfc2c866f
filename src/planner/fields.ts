/**
 * What the planner knows of the schema's fields beyond their SDL: the fields whose resolvers
 * it can answer in Cypher, and how. A leaf field without a resolver reads the property of its
 * name; a field with a resolver the planner does not know here (a source's sources) makes the whole root field unplannable, so the loaders answer it as before.
 * Relationship fields are the catalogue's (src/model/relationships.ts): the shape of the
 * answer and its order are read from each field's spec as the catalogue's resolvers
 * (src/graphql/following.ts) read them; this table adds only the fields that are not plain
 * relationships.
 */
import { entityResolvers } from '../graphql/resolvers/entities.ts';
import { type Kind, LABELS } from '../model/kinds.ts';
import {
  ACT_TARGETS,
  FOLLOWING,
  type FollowingField,
  LINKS,
  type Sort,
} from '../model/relationships.ts';
import type { ClaimLink, Part } from './tree.ts';

/** A relationship field: a single entity, a list of entities, or a list of edge objects. */
export interface Relationship {
  relationship: 'one' | 'many' | 'edges';
  order: Sort;
  /** Only entities of this label at the other end (Region.organisations: Organisation). */
  label?: string;
  /** For edge objects (Party, Signatory, ...): the field holding the parent entity. */
  self?: string;
}

/** A leaf field answered from a property other than its own name, or a list property. */
export interface Property {
  property: string;
  /** A list that is [] when the property is missing (aliases, statedOn, focus). */
  list?: boolean;
}

/** Entities by the ids a property lists, in id order: `sources`, `onBehalfOfAll`. */
export interface ById {
  byId: string;
  /** Only the one most sources state, then the least id (Signatory.onBehalfOf). */
  chosen?: boolean;
  /** The kinds the entities may be, when the field's type is an interface (Act.target). */
  kinds?: readonly Kind[];
}

/** Organisation.partners, and each field of a Partnership: see agreements/partners. */
export interface Partners {
  partners: true;
}
export interface Partnership {
  partnership: Part;
}

/** Organisation.holders: see tree.ts. */
export interface Holders {
  holders: true;
}

/**
 * `claims` (resolvers/entities.ts): the stored claims of the entity or relationship object,
 * and an entity's single-valued links (LINKS, `!many`) as claims; the Claim's `sources` by id.
 */
export interface Claims {
  claims: true;
}

/**
 * `acts(act:)` (resolvers/entities.ts): the field's ACTED relationships as Acts, the parent
 * as the Act's `self` field, the entity at the other end as the catalogue's `at`.
 */
export interface Acts {
  acts: FollowingField;
  self: 'actor' | 'event';
}

/** Region.ancestors (resolvers/entities.ts): the parents `parent` gives, one after another. */
export interface Ancestors {
  ancestors: FollowingField;
}

export type Known =
  | Ancestors
  | Relationship
  | Property
  | ById
  | Partners
  | Partnership
  | Holders
  | Claims
  | Acts;

/** Fields every entity type shares. */
const ENTITY = {
  aliases: { property: 'aliases', list: true },
  sources: { byId: 'sources' },
  claims: { claims: true },
} satisfies Record<string, Known>;

/** Fields the relationship objects (Party, Signatory, Attendance) share. */
const EDGE = { sources: { byId: 'sources' }, claims: { claims: true } } satisfies Record<
  string,
  Known
>;

const KIND = { kind: { property: 'kind' } } satisfies Record<string, Known>;

/** The fields that are not plain relationships, by type and field name. */
const OWN: Record<string, Record<string, Known>> = {
  // A source cites itself (its `sources` are not by id); it links nothing single-valued.
  Source: { aliases: ENTITY.aliases, claims: ENTITY.claims },
  Claim: { sources: ENTITY.sources },
  Organisation: {
    ...ENTITY,
    ...KIND,
    partners: { partners: true },
    holders: { holders: true },
    acts: { acts: 'Organisation.acts', self: 'actor' },
  },
  // Its fields are the planned holdings' (shape.ts): known, so that they read them.
  Holding: {},
  Partnership: {
    partner: { partnership: 'partner' },
    agreements: { partnership: 'agreements' },
    firstSignedOn: { partnership: 'firstSignedOn' },
    lastSignedOn: { partnership: 'lastSignedOn' },
  },
  Person: { ...ENTITY, acts: { acts: 'Person.acts', self: 'actor' } },
  Role: {
    ...ENTITY,
    name: { property: 'title' },
    nameEn: { property: 'titleEn' },
    statedOn: { property: 'statedOn', list: true },
  },
  Region: { ...ENTITY, ...KIND, ancestors: { ancestors: 'Region.parent' } },
  Act: { sources: ENTITY.sources, target: { byId: 'target', chosen: true, kinds: ACT_TARGETS } },
  Initiative: { ...ENTITY, ...KIND, focus: { property: 'focus', list: true } },
  Event: { ...ENTITY, ...KIND, acts: { acts: 'Event.acts', self: 'event' } },
  Agreement: { ...ENTITY, ...KIND },
  Credit: { ...EDGE, roles: { property: 'roles', list: true } },
  Party: EDGE,
  Attendance: EDGE,
  Signatory: {
    ...EDGE,
    onBehalfOf: { byId: 'onBehalfOf', chosen: true },
    onBehalfOfAll: { byId: 'onBehalfOf' },
  },
};

/**
 * The relationship fields that keep the roles held on a day (graph/held.ts): the day of their
 * `asOf` argument, or an attendance's the day of its event (`parent`).
 */
export const HELD_ON: ReadonlyMap<string, 'asOf' | 'parent'> = new Map([
  ['Organisation.roles', 'asOf'],
  ['Person.roles', 'asOf'],
  ['Attendance.roles', 'parent'],
]);

/**
 * Catalogue fields with resolvers of their own (resolvers/entities.ts: holders, acts,
 * Attendance.roles) answer more than the relationship: not planned as one (OWN knows holders
 * and acts), but for HELD_ON.
 */
const resolvedElsewhere = (name: string) => {
  const [type, field] = name.split('.') as [string, string];
  const own = (entityResolvers as Record<string, Record<string, unknown>>)[type];
  return own?.[field] !== undefined && !HELD_ON.has(name);
};

const KIND_OF = Object.fromEntries(
  Object.entries(LABELS).map(([k, label]) => [label, k]),
) as Record<string, Kind>;

/**
 * The single-valued links whose relationships are claims of an entity of the type (as
 * resolvers/entities.ts entityClaims reads them), in the catalogue's order.
 */
export const claimLinks = (type: string): ClaimLink[] =>
  (LINKS[KIND_OF[type] as Kind] ?? [])
    .filter((link) => !link.many)
    .map(({ field, type, inbound }) => ({ field, type, direction: inbound ? 'in' : 'out' }));

/**
 * Known fields by type and field name: OWN, and each catalogue field that follows one way or both as
 * its resolver (following.ts) answers it: `sort: 'one'` the entity most sources state, `at`
 * the relationship objects with the parent under its kind, else the entities (of `only`).
 */
export const KNOWN: Record<string, Record<string, Known>> = { ...OWN };
for (const [name, spec] of FOLLOWING) {
  if (resolvedElsewhere(name)) continue;
  const [type, field] = name.split('.') as [string, string];
  const relationship: Relationship = spec.at
    ? { relationship: 'edges', order: spec.sort, self: KIND_OF[type] as string }
    : { relationship: spec.sort === 'one' ? 'one' : 'many', order: spec.sort };
  if (spec.only) relationship.label = LABELS[spec.only];
  KNOWN[type] = { ...KNOWN[type], [field]: relationship };
}
