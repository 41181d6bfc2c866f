/**
 * The kinds of entity Accord keeps and how a record of each kind maps onto the graph: its
 * label and the fields stored on the node (the fields that become relationships are in
 * src/model/relationships.ts). The import pipeline, the export and the API all read this one table.
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
