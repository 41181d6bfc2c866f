/**
 * What the planner knows of the schema's fields beyond their SDL: the fields whose resolvers
 * it can answer in Cypher, and how. A leaf field without a resolver reads the property of its
 * name; a field with a resolver the planner does not know here (claims, holders, ancestors,
 * acts, ...) makes the whole root field unplannable, so the loaders answer it as before.
 * Each relationship field's type, direction and `at` come from its `extensions.follows`
 * (the same shape the lookahead reads); this table adds only the order and the shape of the
 * answer, as the catalogue's sorts (src/graphql/following.ts, SORTS) order them.
 */
import type { Part } from './tree.ts';

/**
 * How a relationship field orders what it follows: by the relationship's `order` (byOrder),
 * by name, newest signing first, latest date first, by the role's rank (heldOn), or the one
 * most sources state (chosenFirst, for single-valued links); each then by id.
 */
export type Order = 'order' | 'name' | 'newest' | 'latest' | 'rank' | 'chosen';

/** A relationship field: a single entity, a list of entities, or a list of edge objects. */
export interface Relationship {
  relationship: 'one' | 'many' | 'edges';
  order: Order;
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
}

/** Organisation.partners, and each field of a Partnership: see agreements/partners. */
export interface Partners {
  partners: true;
}
export interface Partnership {
  partnership: Part;
}

export type Known = Relationship | Property | ById | Partners | Partnership;

const one = (): Relationship => ({ relationship: 'one', order: 'chosen' });
const many = (order: Order, label?: string): Relationship => ({
  relationship: 'many',
  order,
  ...(label ? { label } : {}),
});
const edges = (order: Order, self: string): Relationship => ({
  relationship: 'edges',
  order,
  self,
});

/** Fields every entity type shares. */
const ENTITY = {
  aliases: { property: 'aliases', list: true },
  sources: { byId: 'sources' },
} satisfies Record<string, Known>;

/** Fields the relationship objects (Party, Signatory, Attendance) share. */
const EDGE = { sources: { byId: 'sources' } } satisfies Record<string, Known>;

const KIND = { kind: { property: 'kind' } } satisfies Record<string, Known>;

/** Known fields by type and field name; roles only without `asOf` (see plan.ts). */
export const KNOWN: Record<string, Record<string, Known>> = {
  Source: { aliases: ENTITY.aliases, credits: edges('name', 'source') },
  Organisation: {
    ...ENTITY,
    ...KIND,
    region: one(),
    parent: one(),
    units: many('name'),
    roles: many('rank'),
    agreements: many('newest'),
    partners: { partners: true },
  },
  Partnership: {
    partner: { partnership: 'partner' },
    agreements: { partnership: 'agreements' },
    firstSignedOn: { partnership: 'firstSignedOn' },
    lastSignedOn: { partnership: 'lastSignedOn' },
  },
  Person: {
    ...ENTITY,
    roles: many('rank'),
    signed: edges('newest', 'person'),
    witnessed: many('newest'),
    attended: many('latest'),
  },
  Role: {
    ...ENTITY,
    name: { property: 'title' },
    nameEn: { property: 'titleEn' },
    statedOn: { property: 'statedOn', list: true },
    person: one(),
    organisation: one(),
  },
  Region: {
    ...ENTITY,
    ...KIND,
    parent: one(),
    children: many('name'),
    organisations: many('name', 'Organisation'),
  },
  Initiative: {
    ...ENTITY,
    ...KIND,
    focus: { property: 'focus', list: true },
    regions: many('name'),
    parent: one(),
    parts: many('name'),
    agreements: many('newest', 'Agreement'),
  },
  Event: {
    ...ENTITY,
    ...KIND,
    place: one(),
    attendees: edges('order', 'event'),
    agreements: many('newest'),
    concerns: many('name'),
  },
  Agreement: {
    ...ENTITY,
    ...KIND,
    parties: edges('order', 'agreement'),
    signatories: edges('name', 'agreement'),
    witnesses: many('name'),
    event: one(),
    initiatives: many('name'),
  },
  Credit: { ...EDGE, roles: { property: 'roles', list: true } },
  Party: EDGE,
  Attendance: EDGE,
  Signatory: {
    ...EDGE,
    onBehalfOf: { byId: 'onBehalfOf', chosen: true },
    onBehalfOfAll: { byId: 'onBehalfOf' },
  },
};
