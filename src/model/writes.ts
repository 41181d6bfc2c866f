/**
 * Writes that the import format cannot say, because imports only add: changing or removing
 * fields, deleting entities and relationships, adding one relationship. Each checks its input
 * against the model (src/model/kinds.ts, src/model/relationships.ts) and the import schema, and runs in one transaction.
 */

import { sortedDates } from '../dates.ts';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { claimed, type RelationshipRow } from '../import/rows.ts';
import { validateRecord } from '../import/validate.ts';
import { writeRelationships } from '../import/write.ts';
import { nameKeys, searchTerms } from '../names.ts';
import { claimList, claimStrings, UNITED_CLAIMS, withoutField } from './claims.ts';
import { type Kind, kindOfLabels, LIST_PROPERTIES, NAMED, PROPERTIES } from './kinds.ts';
import { describeCycle, partOfCycles } from './part-of.ts';
import {
  carried,
  isRelationshipType,
  LINKS,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from './relationships.ts';

export class WriteError extends Error {
  override name = 'WriteError';
  readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';
  readonly details: unknown;
  constructor(code: WriteError['code'], message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

type Props = Record<string, unknown>;

/** A `type` argument that names no relationship of the model is the caller's mistake, said as such. */
function requireRelationshipType(type: string): void {
  if (!isRelationshipType(type)) {
    throw new WriteError(
      'BAD_USER_INPUT',
      `type: ${JSON.stringify(type)} is not a relationship type; the types are ${RELATIONSHIP_TYPES.join(', ')}`,
    );
  }
}

async function readNode(db: Database, id: string): Promise<{ kind: Kind; props: Props }> {
  const [row] = await db.read(cypher('merge/read'), { ids: [id] });
  const kind = row && kindOfLabels(row.labels as string[]);
  if (!row || !kind) throw new WriteError('NOT_FOUND', `no entity has id "${id}"`);
  return { kind, props: row.props as Props };
}

async function requireSource(db: Database, id: string): Promise<void> {
  const [row] = await db.read(cypher('merge/read'), { ids: [id] });
  if (!row || kindOfLabels(row.labels as string[]) !== 'source') {
    throw new WriteError(
      'BAD_USER_INPUT',
      `source: no source has id "${id}"; import the source first`,
    );
  }
}

/**
 * Changes an entity's fields: `set` gives new values (lists replace the stored ones), `unset`
 * names fields to remove, `addAliases` joins names to the stored aliases. The result must
 * still be a valid record of its kind; `source` joins the entity's provenance, and a field
 * set is then stated by that source alone (its other claims go, as unset fields' do). The entity is
 * locked, read and written in one transaction: concurrent changes do not lose each other.
 */
export async function updateEntity(
  db: Database,
  id: string,
  changes: { set?: Props; unset?: string[]; addAliases?: string[]; source: string },
): Promise<void> {
  await requireSource(db, changes.source);
  await db.writeTransaction(async (tx) => {
    const [row] = await tx.run(cypher('writes/lock-and-read'), { id });
    const kind = row && kindOfLabels(row.labels as string[]);
    if (!row || !kind) throw new WriteError('NOT_FOUND', `no entity has id "${id}"`);
    const next = changedProperties(kind, id, row.props as Props, changes);
    await tx.run(cypher('merge/replace-properties'), { keep: id, props: next });
  });
}

/** The properties after a change, validated; throws a WriteError naming what is wrong. */
function changedProperties(
  kind: Kind,
  id: string,
  props: Props,
  changes: { set?: Props; unset?: string[]; addAliases?: string[]; source: string },
): Props {
  const fields = new Set([...PROPERTIES[kind], ...LIST_PROPERTIES[kind]]);
  const set = { ...(changes.set ?? {}) };
  if (changes.addAliases) {
    if (kind === 'role') throw new WriteError('BAD_USER_INPUT', 'id: a role has no aliases');
    const stored = (props.aliases as string[]) ?? [];
    set.aliases = [...new Set([...stored, ...changes.addAliases])].filter((a) => a !== props.name);
  }
  const unknown = [...Object.keys(set), ...(changes.unset ?? [])].filter((f) => !fields.has(f));
  if (unknown.length > 0) {
    throw new WriteError(
      'BAD_USER_INPUT',
      `${unknown.join(', ')}: not a field a ${kind} can change; one of ${[...fields].join(', ')} (relationships change with link and unlink)`,
    );
  }
  const next: Props = { ...props, ...set };
  for (const field of changes.unset ?? []) delete next[field];
  // Validate the fields as a record of the kind would carry them (references aside).
  const record: Props = { type: kind, id, sources: [changes.source] };
  for (const field of fields) if (next[field] !== undefined) record[field] = next[field];
  const problems = validateRecord(withRequiredLinks(kind, record)).filter((p) =>
    fields.has(p.field.split(/[.[]/)[0] as string),
  );
  if (problems.length > 0) {
    throw new WriteError(
      'BAD_USER_INPUT',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );
  }
  // A role's statedOn is a sorted list (src/model/kinds.ts), also when set as one date.
  if (next.statedOn !== undefined) next.statedOn = sortedDates([next.statedOn as string].flat());
  next.sources = [...new Set([...((props.sources as string[]) ?? []), changes.source])];
  // What is set is what the citing source states; what is unset no source states any longer.
  let claims = props.claims as string[] | undefined;
  for (const [field, value] of Object.entries(set)) {
    if (PROPERTIES[kind].includes(field))
      claims = [...withoutField(claims, field), ...claimStrings(field, value, [changes.source])];
    // Each item of a list stated item by item (statedOn, as sorted above).
    if (UNITED_CLAIMS.includes(field)) {
      const items = next[field] as string[];
      claims = [
        ...withoutField(claims, field),
        ...items.flatMap((item) => claimStrings(field, item, [changes.source])),
      ];
    }
  }
  for (const field of changes.unset ?? []) claims = withoutField(claims, field);
  next.claims = claimList(claims);
  if (next.claims === undefined) delete next.claims;
  if (NAMED.has(kind)) {
    const names = [
      next.name as string,
      next.nameEn as string,
      ...((next.aliases as string[]) ?? []),
    ];
    next.nameKeys = `|${nameKeys(names).join('|')}|`;
    next.searchTerms = searchTerms(names);
  }
  return next;
}

/** Placeholder references for the required relationship fields, so that only fields are judged. */
function withRequiredLinks(kind: Kind, record: Props): Props {
  if (kind === 'role') return { ...record, person: 'x', organisation: 'x' };
  if (kind === 'agreement') return { ...record, parties: ['x', 'y'] };
  return record;
}

/**
 * Deletes an entity with its relationships, and with the roles a deleted person or
 * organisation held or had (a role always has both). A source that something cites cannot go.
 */
export async function deleteEntity(db: Database, id: string): Promise<Kind> {
  const { kind } = await readNode(db, id);
  if (kind === 'source') {
    const [row] = await db.read(cypher('writes/citations'), { id });
    if ((row?.citations as number) > 0) {
      throw new WriteError(
        'CONFLICT',
        `source "${id}" is cited by ${row?.citations} facts; delete or re-cite them first`,
      );
    }
  }
  await db.writeTransaction(async (tx) => {
    if (kind === 'person' || kind === 'organisation')
      await tx.run(cypher('writes/delete-roles'), { id });
    await tx.run(cypher('writes/delete'), { id });
  });
  return kind;
}

/**
 * A relationship of the model between two entities, checked against src/model/relationships.ts:
 * which record kind owns it, in which direction, to which kinds.
 */
export async function linkEntities(
  db: Database,
  input: { from: string; type: string; to: string; source: string; properties?: Props },
): Promise<'created' | 'updated' | 'unchanged'> {
  requireRelationshipType(input.type);
  await requireSource(db, input.source);
  const from = await readNode(db, input.from);
  const to = await readNode(db, input.to);
  const link = Object.entries(LINKS)
    .flatMap(([owner, links]) => links.map((l) => ({ owner: owner as Kind, ...l })))
    .find(
      (l) =>
        l.type === input.type &&
        (l.inbound
          ? l.owner === to.kind && l.targets.includes(from.kind)
          : l.owner === from.kind && l.targets.includes(to.kind)),
    );
  if (!link) {
    throw new WriteError(
      'BAD_USER_INPUT',
      `type: a ${from.kind} cannot be linked to a ${to.kind} by ${input.type}`,
    );
  }
  if (link.type === 'PART_OF') {
    const [closed] = await partOfCycles(db, [{ child: input.from, parent: input.to, at: null }]);
    if (closed) throw new WriteError('BAD_USER_INPUT', `to: ${describeCycle(closed.cycle)}`);
  }
  const properties = input.properties ?? {};
  const allowed = new Set(carried(link));
  const extra = Object.keys(properties).filter((k) => !allowed.has(k));
  if (extra.length > 0) {
    throw new WriteError(
      'BAD_USER_INPUT',
      `properties: ${extra.join(', ')} not allowed on ${input.type}${allowed.size ? `; allowed: ${[...allowed].join(', ')}` : ''}`,
    );
  }
  if (
    properties.order !== undefined &&
    !(Number.isInteger(properties.order) && (properties.order as number) >= 0)
  ) {
    throw new WriteError('BAD_USER_INPUT', 'properties.order: must be a whole number from 0');
  }
  // Properties that name an entity (a signatory's party, an act's target) name one of the
  // kinds the catalogue allows there, as the import checks: the API answers them as such.
  const references = [
    ...(link.refProperty ? [link.refProperty] : []),
    ...(link.identity ?? []).flatMap(({ key, targets }) =>
      targets ? [{ property: key, targets }] : [],
    ),
  ];
  for (const { property, targets } of references) {
    if (properties[property] === undefined) continue;
    const ref = await readNode(db, String(properties[property]));
    if (!targets.includes(ref.kind)) {
      throw new WriteError(
        'BAD_USER_INPUT',
        `properties.${property}: must be a ${targets.join(' or ')}`,
      );
    }
  }
  // As an import states it: order and onBehalfOf as claims of the source, act and target as
  // what tells one ACTED from another.
  const sources = [input.source];
  const claims = [
    ...(properties.order !== undefined ? claimStrings('order', properties.order, sources) : []),
    ...(link.refProperty && properties[link.refProperty.property] !== undefined
      ? claimStrings(link.refProperty.property, properties[link.refProperty.property], sources)
      : []),
  ];
  const identity: [string, string][] = (link.identity ?? []).map(({ key }) => [
    key,
    properties[key] === undefined ? '' : String(properties[key]),
  ]);
  const row: RelationshipRow = {
    type: input.type,
    from: input.from,
    to: input.to,
    props: Object.fromEntries(identity.filter(([, value]) => value !== '')),
    identity,
    ...claimed(claims),
    sources,
    roles: properties.roles === undefined ? null : (properties.roles as string[]),
  };
  const written = await db.writeTransaction((tx) => writeRelationships(tx, [row]));
  return written[0]?.status as 'created' | 'updated' | 'unchanged';
}

/** Relationships a role cannot lose: it always has its person and its organisation. */
const ROLE_LINKS: ReadonlySet<string> = new Set<RelationshipType>(['HOLDS', 'AT']);

export async function unlinkEntities(
  db: Database,
  input: { from: string; type: string; to: string },
): Promise<void> {
  requireRelationshipType(input.type);
  if (ROLE_LINKS.has(input.type)) {
    throw new WriteError(
      'BAD_USER_INPUT',
      'type: a role always has its person (HOLDS) and organisation (AT); delete the role instead',
    );
  }
  const [row] = await db.write(cypher('writes/unlink'), input);
  if (!row || (row.deleted as number) === 0) {
    throw new WriteError(
      'NOT_FOUND',
      `no ${input.type} relationship from "${input.from}" to "${input.to}"`,
    );
  }
}
