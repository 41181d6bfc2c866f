/**
 * The kinds of entity Accord keeps and how a record of each kind maps onto the graph: its
 * label, the fields stored on the node, and the fields that become relationships. The import
 * pipeline, the export and the API all read this one table.
 */

export const KINDS = [
  'source',
  'organisation',
  'person',
  'role',
  'region',
  'initiative',
  'event',
  'agreement',
] as const;

export type Kind = (typeof KINDS)[number];

export const LABELS: Record<Kind, string> = {
  source: 'Source',
  organisation: 'Organisation',
  person: 'Person',
  role: 'Role',
  region: 'Region',
  initiative: 'Initiative',
  event: 'Event',
  agreement: 'Agreement',
};

const KIND_BY_LABEL = new Map(Object.entries(LABELS).map(([kind, label]) => [label, kind as Kind]));

export function kindOfLabels(labels: readonly string[]): Kind | undefined {
  for (const label of labels) {
    const kind = KIND_BY_LABEL.get(label);
    if (kind) return kind;
  }
  return undefined;
}

/** Kinds whose records may omit `id` and are then matched by name. */
export const ID_OPTIONAL: ReadonlySet<Kind> = new Set([
  'organisation',
  'person',
  'region',
  'initiative',
]);

/** Kinds matched by name (a role is found through its person and organisation). */
export const NAMED: ReadonlySet<Kind> = new Set(KINDS.filter((k) => k !== 'role'));

/** Scalar fields stored as node properties, per kind. */
export const PROPERTIES: Record<Kind, readonly string[]> = {
  source: ['name', 'nameEn', 'url', 'publisher', 'publishedOn', 'language'],
  organisation: ['name', 'nameEn', 'kind'],
  person: ['name', 'nameEn'],
  role: ['title', 'titleEn', 'since', 'until', 'rank'],
  region: ['name', 'nameEn', 'kind'],
  initiative: ['name', 'nameEn', 'kind', 'description'],
  event: ['name', 'nameEn', 'kind', 'date'],
  agreement: ['name', 'nameEn', 'kind', 'signedOn', 'summary'],
};

/**
 * List fields stored as node properties; imports unite them with what is stored. A role's
 * `statedOn` lists every date a source states it on, sorted (src/dates.ts), each once.
 */
export const LIST_PROPERTIES: Record<Kind, readonly string[]> = {
  source: ['aliases'],
  organisation: ['aliases'],
  person: ['aliases'],
  role: ['statedOn'],
  region: ['aliases'],
  initiative: ['aliases', 'focus'],
  event: ['aliases'],
  agreement: ['aliases'],
};

/**
 * A field whose values refer to other records and become relationships. `key` names the
 * reference inside an object item (`signatories: [{person, onBehalfOf}]`); `inbound` points
 * the relationship at the record's node; `ordered` stores the item's position as `order`;
 * `detail` names further references or values of the item kept on the relationship.
 */
export interface Link {
  field: string;
  type: string;
  targets: readonly Kind[];
  key?: string;
  /** The field holds a list of references (or of objects holding one). */
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

/** What a source may say an actor did at an event (an event record's `acts`). */
export const ACTS = [
  'unveiling',
  'witnessing',
  'hosting',
  'meeting',
  'speaking',
  'presiding',
  'visiting',
  'other',
] as const;

/** What an act may be done to or with: 会见 a person, 揭牌 an initiative, ... */
export const ACT_TARGETS: readonly Kind[] = ['person', 'organisation', 'initiative', 'agreement'];

export const LINKS: Record<Kind, readonly Link[]> = {
  source: [
    {
      field: 'credits',
      many: true,
      key: 'person',
      type: 'CREDITED',
      targets: ['person'],
      inbound: true,
      listProperty: { key: 'role', property: 'roles' },
    },
  ],
  organisation: [
    { field: 'region', type: 'LOCATED_IN', targets: ['region'] },
    { field: 'parent', type: 'PART_OF', targets: ['organisation'] },
    { field: 'sameAs', many: true, type: 'SAME_AS', targets: ['organisation'] },
  ],
  person: [],
  role: [
    { field: 'person', type: 'HOLDS', targets: ['person'], inbound: true },
    { field: 'organisation', type: 'AT', targets: ['organisation'] },
  ],
  region: [{ field: 'parent', type: 'PART_OF', targets: ['region'] }],
  initiative: [
    { field: 'regions', many: true, type: 'LOCATED_IN', targets: ['region'] },
    { field: 'parent', type: 'PART_OF', targets: ['initiative'] },
  ],
  event: [
    { field: 'place', type: 'LOCATED_IN', targets: ['region'] },
    {
      field: 'attendees',
      many: true,
      type: 'ATTENDED',
      targets: ['person'],
      inbound: true,
      ordered: true,
    },
    {
      field: 'hosts',
      many: true,
      type: 'HOSTED',
      targets: ['person', 'organisation'],
      inbound: true,
    },
    { field: 'concerns', many: true, type: 'CONCERNS', targets: ['initiative'] },
    {
      field: 'acts',
      many: true,
      key: 'actor',
      type: 'ACTED',
      targets: ['person', 'organisation'],
      inbound: true,
      identity: [{ key: 'act' }, { key: 'target', targets: ACT_TARGETS }],
    },
  ],
  agreement: [
    {
      field: 'parties',
      many: true,
      type: 'PARTY_TO',
      targets: ['organisation'],
      inbound: true,
      ordered: true,
    },
    {
      field: 'signatories',
      many: true,
      key: 'person',
      type: 'SIGNED',
      targets: ['person'],
      inbound: true,
      refProperty: { key: 'onBehalfOf', property: 'onBehalfOf', targets: ['organisation'] },
    },
    { field: 'witnesses', many: true, type: 'WITNESSED', targets: ['person'], inbound: true },
    { field: 'event', type: 'SIGNED_AT', targets: ['event'] },
    { field: 'initiatives', many: true, type: 'CONCERNS', targets: ['initiative'] },
  ],
};

/** Every relationship type the model uses. */
export const RELATIONSHIP_TYPES = [
  ...new Set(Object.values(LINKS).flatMap((links) => links.map((l) => l.type))),
].sort();
