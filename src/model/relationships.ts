/**
 * The relationship catalogue: every relationship type of the model, declared once. An entry
 * says how records make it (`links`: the record kind and import field, the kinds at the other
 * end, single-valued or many), what it carries, how a path names it, and which GraphQL fields
 * follow it (`fields`: direction, sort order, where the far entity sits). Everything else is
 * derived from here: the import's link rules (LINKS), the fields' resolvers and the `follows`
 * the lookahead reads (src/graphql/following.ts), path labels (src/graph/paths.ts), the check
 * of the import JSON Schema (test/import/catalogue.test.ts) and the explorer's relation list
 * (Query.relationshipTypes).
 *
 * Adding a relationship type: one entry here plus its SDL field (see README, "Layout").
 * Entries are in the order records' fields are written (an organisation's region before its
 * parent): LINKS keeps that order per kind, and so do exports.
 */
import { KINDS, type Kind } from './kinds.ts';

/** Which way a field follows a relationship from its parent entity: `both` follows each. */
export type Direction = 'out' | 'in';

/**
 * A field whose values refer to other records and become relationships. `kind` is the record
 * that states it; the relationship runs from that record to `targets`, or, `inbound`, from
 * the targets to it. `key` names the reference inside an object item (`signatories:
 * [{person, onBehalfOf}]`); `ordered` stores the item's position as `order`.
 */
export interface LinkSpec {
  kind: Kind;
  field: string;
  targets: readonly Kind[];
  key?: string;
  /** The field holds a list of references (or of objects holding one); else it is single-valued, one value chosen by its claims. */
  many?: boolean;
  inbound?: boolean;
  ordered?: boolean;
  /**
   * An item's field holding another reference, stored as a list property of the relationship
   * with a claim per value and source (src/model/claims.ts LIST_CLAIMS): one SIGNED per person
   * and agreement, signed on behalf of one party or several.
   */
  refProperty?: { key: string; property: string; targets: readonly Kind[] };
  /**
   * An item's fields that tell relationships between the same two entities apart (one ACTED
   * per actor, act and target), stored as properties of the same name; `targets` marks a
   * reference, stored as the id it resolves to. An absent field is stored as absent.
   */
  identity?: readonly { key: string; targets?: readonly Kind[] }[];
  /** An item's field holding a value, united into a list property of the relationship. */
  listProperty?: { key: string; property: string };
}

/**
 * How a field orders what it finds, each order ending on the id: by `name`; by the stored
 * `order` (the sources' order); newest `signedOn` first; latest `date` first; by the role's
 * `rank`. `one`: the single entity most sources state, then the least id.
 */
export type Sort = 'name' | 'order' | 'signedOn desc' | 'date desc' | 'rank' | 'one';

/** A GraphQL field that follows the relationship. */
export interface FieldSpec {
  direction: Direction | 'both';
  sort: Sort;
  /** The field of the field's objects that holds the entity at the other end (Party.organisation), when they are objects of the relationship rather than the entities. */
  at?: string;
  /** Only the entities of this kind (a region's organisations, not its initiatives). */
  only?: Kind;
}

export interface RelationshipSpec {
  /** The relationship in words, read from its start to its end: "party to". */
  label: string;
  links: readonly LinkSpec[];
  /** GraphQL fields (`Type.field`) that follow it. */
  fields: Readonly<Record<string, FieldSpec>>;
}

/** What an act may be done to or with: 会见 a person, 揭牌 an initiative, ... */
export const ACT_TARGETS: readonly Kind[] = ['person', 'organisation', 'initiative', 'agreement'];

export const RELATIONSHIPS = {
  CREDITED: {
    label: 'credited in',
    links: [
      {
        kind: 'source',
        field: 'credits',
        many: true,
        key: 'person',
        targets: ['person'],
        inbound: true,
        listProperty: { key: 'role', property: 'roles' },
      },
    ],
    fields: { 'Source.credits': { direction: 'in', sort: 'name', at: 'person' } },
  },
  LOCATED_IN: {
    label: 'located in',
    links: [
      { kind: 'organisation', field: 'region', targets: ['region'] },
      { kind: 'initiative', field: 'regions', many: true, targets: ['region'] },
      { kind: 'event', field: 'place', targets: ['region'] },
    ],
    fields: {
      'Organisation.region': { direction: 'out', sort: 'one' },
      'Initiative.regions': { direction: 'out', sort: 'name' },
      'Event.place': { direction: 'out', sort: 'one' },
      'Region.organisations': { direction: 'in', sort: 'name', only: 'organisation' },
    },
  },
  PART_OF: {
    label: 'part of',
    links: [
      { kind: 'organisation', field: 'parent', targets: ['organisation'] },
      { kind: 'region', field: 'parent', targets: ['region'] },
      { kind: 'initiative', field: 'parent', targets: ['initiative'] },
    ],
    // Region.ancestors walks it too, one level at a time (resolvers/entities.ts).
    fields: {
      'Organisation.parent': { direction: 'out', sort: 'one' },
      'Organisation.units': { direction: 'in', sort: 'name' },
      'Region.parent': { direction: 'out', sort: 'one' },
      'Region.children': { direction: 'in', sort: 'name' },
      'Initiative.parent': { direction: 'out', sort: 'one' },
      'Initiative.parts': { direction: 'in', sort: 'name' },
    },
  },
  SAME_AS: {
    label: 'same as',
    links: [{ kind: 'organisation', field: 'sameAs', many: true, targets: ['organisation'] }],
    fields: { 'Organisation.sameAs': { direction: 'both', sort: 'name' } },
  },
  HOLDS: {
    label: 'holds',
    links: [{ kind: 'role', field: 'person', targets: ['person'], inbound: true }],
    fields: {
      'Role.person': { direction: 'in', sort: 'one' },
      'Person.roles': { direction: 'out', sort: 'rank' },
      // From the Attendance's person (Event.attendees' `at`).
      'Attendance.roles': { direction: 'out', sort: 'rank' },
    },
  },
  AT: {
    label: 'at',
    links: [{ kind: 'role', field: 'organisation', targets: ['organisation'] }],
    fields: {
      'Role.organisation': { direction: 'out', sort: 'one' },
      'Organisation.roles': { direction: 'in', sort: 'rank' },
      'Organisation.holders': { direction: 'in', sort: 'rank' },
    },
  },
  ATTENDED: {
    label: 'attended',
    links: [
      {
        kind: 'event',
        field: 'attendees',
        many: true,
        targets: ['person'],
        inbound: true,
        ordered: true,
      },
    ],
    fields: {
      'Event.attendees': { direction: 'in', sort: 'order', at: 'person' },
      'Person.attended': { direction: 'out', sort: 'date desc' },
    },
  },
  HOSTED: {
    label: 'hosted',
    links: [
      {
        kind: 'event',
        field: 'hosts',
        many: true,
        targets: ['person', 'organisation'],
        inbound: true,
      },
    ],
    fields: { 'Event.hosts': { direction: 'in', sort: 'name' } },
  },
  PARTY_TO: {
    label: 'party to',
    links: [
      {
        kind: 'agreement',
        field: 'parties',
        many: true,
        targets: ['organisation'],
        inbound: true,
        ordered: true,
      },
    ],
    fields: {
      'Agreement.parties': { direction: 'in', sort: 'order', at: 'organisation' },
      'Organisation.agreements': { direction: 'out', sort: 'signedOn desc' },
    },
  },
  SIGNED: {
    label: 'signed',
    links: [
      {
        kind: 'agreement',
        field: 'signatories',
        many: true,
        key: 'person',
        targets: ['person'],
        inbound: true,
        refProperty: { key: 'onBehalfOf', property: 'onBehalfOf', targets: ['organisation'] },
      },
    ],
    fields: {
      'Agreement.signatories': { direction: 'in', sort: 'name', at: 'person' },
      'Person.signed': { direction: 'out', sort: 'signedOn desc', at: 'agreement' },
    },
  },
  WITNESSED: {
    label: 'witnessed',
    links: [
      { kind: 'agreement', field: 'witnesses', many: true, targets: ['person'], inbound: true },
    ],
    fields: {
      'Agreement.witnesses': { direction: 'in', sort: 'name' },
      'Person.witnessed': { direction: 'out', sort: 'signedOn desc' },
    },
  },
  SIGNED_AT: {
    label: 'signed at',
    links: [{ kind: 'agreement', field: 'event', targets: ['event'] }],
    fields: {
      'Agreement.event': { direction: 'out', sort: 'one' },
      'Event.agreements': { direction: 'in', sort: 'signedOn desc' },
    },
  },
  CONCERNS: {
    label: 'concerns',
    links: [
      { kind: 'event', field: 'concerns', many: true, targets: ['initiative'] },
      { kind: 'agreement', field: 'initiatives', many: true, targets: ['initiative'] },
    ],
    fields: {
      'Event.concerns': { direction: 'out', sort: 'name' },
      'Agreement.initiatives': { direction: 'out', sort: 'name' },
      'Initiative.agreements': { direction: 'in', sort: 'signedOn desc', only: 'agreement' },
    },
  },
  ACTED: {
    label: 'acted',
    links: [
      {
        kind: 'event',
        field: 'acts',
        many: true,
        key: 'actor',
        targets: ['person', 'organisation'],
        inbound: true,
        identity: [{ key: 'act' }, { key: 'target', targets: ACT_TARGETS }],
      },
    ],
    // Acts of one actor by the event's date, then act and target; an event's by the actor's name.
    fields: {
      'Organisation.acts': { direction: 'out', sort: 'date desc', at: 'event' },
      'Person.acts': { direction: 'out', sort: 'date desc', at: 'event' },
      'Event.acts': { direction: 'in', sort: 'name', at: 'actor' },
    },
  },
} as const satisfies Record<string, RelationshipSpec>;

/** A relationship type of the model: `'PARTY_TO'`; `'PARTY_T0'` fails tsc. */
export type RelationshipType = keyof typeof RELATIONSHIPS;

type Fields<T> = T extends { fields: infer F } ? keyof F : never;
/** A GraphQL field that follows a relationship: `'Agreement.parties'`. */
export type FollowingField = {
  [T in RelationshipType]: Fields<(typeof RELATIONSHIPS)[T]>;
}[RelationshipType] &
  string;

/** Every relationship type the model uses, sorted. */
export const RELATIONSHIP_TYPES = (Object.keys(RELATIONSHIPS) as RelationshipType[]).sort();

const TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** Whether a client's or a file's text names a relationship type of the model. */
export const isRelationshipType = (type: string): type is RelationshipType => TYPES.has(type);

/** An import link with the relationship type it makes. */
export interface Link extends LinkSpec {
  type: RelationshipType;
}

/** The import's link rules: per record kind, its fields that become relationships, in catalogue order. */
export const LINKS = Object.fromEntries(
  KINDS.map((kind) => [
    kind,
    (Object.keys(RELATIONSHIPS) as RelationshipType[]).flatMap((type) =>
      (RELATIONSHIPS[type].links as readonly LinkSpec[])
        .filter((link) => link.kind === kind)
        .map((link) => ({ ...link, type })),
    ),
  ]),
) as unknown as Record<Kind, readonly Link[]>;

/** The kinds at both ends of a relationship type, from its links: PARTY_TO from organisation to agreement. */
export function endsOf(type: RelationshipType): { from: Kind[]; to: Kind[] } {
  const from = new Set<Kind>();
  const to = new Set<Kind>();
  for (const link of RELATIONSHIPS[type].links as readonly LinkSpec[]) {
    for (const kind of link.inbound ? link.targets : [link.kind]) from.add(kind);
    for (const kind of link.inbound ? [link.kind] : link.targets) to.add(kind);
  }
  return { from: [...from], to: [...to] };
}

/** The properties a link's relationships carry besides `sources` and `claims`. */
export const carried = (link: LinkSpec): string[] => [
  ...(link.ordered ? ['order'] : []),
  ...(link.refProperty ? [link.refProperty.property] : []),
  ...(link.listProperty ? [link.listProperty.property] : []),
  ...(link.identity ?? []).map((i) => i.key),
];

/** A following field's relationship type and spec. */
export const FOLLOWING = new Map(
  RELATIONSHIP_TYPES.flatMap((type) =>
    Object.entries(RELATIONSHIPS[type].fields as Record<string, FieldSpec>).map(
      ([name, spec]) => [name as FollowingField, { type, ...spec }] as const,
    ),
  ),
);

/** The relationship a field follows: `following('Agreement.parties')`. */
export function following(name: FollowingField): FieldSpec & { type: RelationshipType } {
  return FOLLOWING.get(name) as FieldSpec & { type: RelationshipType };
}
