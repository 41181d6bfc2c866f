/**
 * Merging duplicates into one entity, in one transaction: relationships moved, names and
 * aliases, sources and list fields united, the duplicates deleted, and their ids kept in
 * `mergedIds` on the survivor so that what was merged stays on record.
 */

import { sortedDates } from '../dates.ts';
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { nameKeys } from '../names.ts';
import { CLAIM_PARAMETERS, chosenValues, claimList, withoutField } from './claims.ts';
import { type Kind, kindOfLabels } from './kinds.ts';

export class MergeError extends Error {
  override name = 'MergeError';
  readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';
  constructor(code: MergeError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export interface MergeResult {
  id: string;
  kind: Kind;
  merged: string[];
  movedRelationships: number;
}

type Props = Record<string, unknown>;

/** The distinct values of several lists or single values, nulls left out, in order. */
const union = (...lists: unknown[]) => [
  ...new Set(lists.flat().filter((v) => v !== undefined && v !== null)),
];

/**
 * The survivor's properties: lists, names, sources and claims are united; each claimed field
 * then holds the value most sources state (src/model/claims.ts), a field no claim covers the
 * survivor's own value, else a duplicate's. The survivor keeps its name: a duplicate's other
 * name becomes an alias, so its claim as a name is dropped.
 */
export function mergedProperties(keep: Props, duplicates: Props[]): Props {
  const props: Props = { ...keep };
  for (const dup of duplicates) {
    for (const [key, value] of Object.entries(dup))
      if (props[key] === undefined) props[key] = value;
  }
  const claims = claimList(
    keep.claims,
    ...duplicates.map((d) =>
      d.name === keep.name || keep.name === undefined ? d.claims : withoutField(d.claims, 'name'),
    ),
  );
  props.claims = claims;
  Object.assign(props, chosenValues(claims));
  const otherNames = duplicates.flatMap((d) => [d.name, d.nameEn]);
  const aliases = union(keep.aliases, otherNames, ...duplicates.map((d) => d.aliases)).filter(
    (a) => a !== props.name && a !== props.nameEn,
  );
  if (aliases.length > 0) props.aliases = aliases;
  for (const list of ['sources', 'focus', 'searchTerms'] as const) {
    const all = union(keep[list], ...duplicates.map((d) => d[list]));
    if (all.length > 0) props[list] = all;
  }
  // Every date any source states a role on: a sorted list (src/model/kinds.ts).
  const stated = union(keep.statedOn, ...duplicates.map((d) => d.statedOn)) as string[];
  if (stated.length > 0) props.statedOn = sortedDates(stated);
  props.mergedIds = union(keep.mergedIds, ...duplicates.map((d) => [d.id, d.mergedIds]));
  if (keep.nameKeys !== undefined) {
    const stored = [keep, ...duplicates].flatMap((p) => String(p.nameKeys ?? '').split('|'));
    const keys = union(
      nameKeys([props.name as string, props.nameEn as string, ...(aliases as string[])]),
      stored,
    );
    props.nameKeys = `|${keys.filter(Boolean).join('|')}|`;
  }
  props.id = keep.id;
  return props;
}

export async function mergeEntities(
  db: Database,
  keepId: string,
  duplicateIds: string[],
): Promise<MergeResult> {
  const duplicates = [...new Set(duplicateIds)];
  if (duplicates.length === 0)
    throw new MergeError('BAD_USER_INPUT', 'name at least one duplicate to merge');
  if (duplicates.includes(keepId)) {
    throw new MergeError('BAD_USER_INPUT', `"${keepId}" cannot be merged into itself`);
  }
  return db.writeTransaction(async (tx) => {
    const rows = await tx.run(cypher('merge/read'), { ids: [keepId, ...duplicates] });
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    const missing = [keepId, ...duplicates].filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new MergeError(
        'NOT_FOUND',
        `no entity has id ${missing.map((m) => `"${m}"`).join(', ')}`,
      );
    const kindOf = (id: string) => kindOfLabels(byId.get(id)?.labels as string[]) as Kind;
    const kind = kindOf(keepId);
    for (const id of duplicates) {
      if (kindOf(id) !== kind) {
        throw new MergeError(
          'CONFLICT',
          `"${id}" is a ${kindOf(id)} and "${keepId}" a ${kind}: only entities of one kind merge`,
        );
      }
    }
    const props = mergedProperties(
      byId.get(keepId)?.props as Props,
      duplicates.map((id) => byId.get(id)?.props as Props),
    );
    let moved = 0;
    for (const duplicate of duplicates) {
      const [row] = await tx.run(cypher('merge/move-relationships'), { keep: keepId, duplicate });
      moved += (row?.moved as number) ?? 0;
      const ids = (row?.touched as string[]) ?? [];
      if (ids.length > 0)
        await tx.run(cypher('claims/choose-relationships'), { ids, ...CLAIM_PARAMETERS });
      if (kind === 'source')
        await tx.run(cypher('merge/rewrite-source-citations'), { keep: keepId, duplicate });
    }
    // A source cites itself: the duplicate's claims about itself become the survivor's.
    if (kind === 'source') {
      props.sources = [keepId];
      const own = (props.claims as string[] | undefined)?.map((c) =>
        duplicates.reduce(
          (claim, d) => (claim.endsWith(`|${d}`) ? `${claim.slice(0, -d.length)}${keepId}` : claim),
          c,
        ),
      );
      props.claims = claimList(own);
      Object.assign(props, chosenValues(props.claims), {
        name: (byId.get(keepId)?.props as Props | undefined)?.name,
      });
    }
    await tx.run(cypher('merge/replace-properties'), {
      keep: keepId,
      props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)),
    });
    return { id: keepId, kind, merged: duplicates, movedRelationships: moved };
  });
}
