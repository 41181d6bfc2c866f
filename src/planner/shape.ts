/**
 * Shape: a compiled statement's lists as the objects the resolvers answer with, each field
 * (the list's value at its position) under its response key, and each marked as planned: its fields then read their values from
 * it (schema.ts) instead of asking the loaders.
 */
import type { EntityNode, Related } from '../graph/entity.ts';
import { holdersOn } from '../graph/held.ts';
import { SORTS } from '../graphql/following.ts';
import { linkClaims, readClaims } from '../model/claims.ts';
import { CLAIMS_KEY, fieldKey, firstOf, LINKS_KEY, RESORTED } from './compile.ts';
import type { Selected } from './tree.ts';

/**
 * Marks the objects the planner answered: their fields hold every selected value under its
 * response key. A symbol-keyed property rather than a WeakSet, which cost a hash-table entry
 * (and the collector's work on it) for each of the thousand objects of a page.
 */
const PLANNED = Symbol('planned');

/** Whether `value` is an object the planner answered. */
export const isPlanned = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && PLANNED in value;

/**
 * The GraphQL type of a planned entity reached through an interface: an act's actor or target
 * (its `type` field), a search hit's entity (resolve.ts).
 */
const TYPED = Symbol('typed');
export const typeOf = (value: unknown): string | undefined =>
  value !== null && typeof value === 'object'
    ? ((value as Record<symbol, string | undefined>)[TYPED] ?? undefined)
    : undefined;
export const typedAs = (value: object, type: string) => {
  (value as Record<symbol, string>)[TYPED] = type;
};

type Raw = Record<string, unknown>;
/** A level's values as compile.ts projects them: the fields in order, then an extra if any. */
export type Row = unknown[];

/** A row's extra (the sort key, a role's held properties, a cited source's id). */
const extraOf = (fields: readonly Selected[], row: Row) => row[fields.length];

/** What the resolvers' comparators read of an entity: its sort key, the row's extra. */
function asRelated(fields: readonly Selected[], row: Row): Related {
  const [id, name, signedOn, date] = extraOf(fields, row) as (string | null)[];
  return { rel: {}, node: { id, name, signedOn, date } as unknown as Related['node'] };
}

/**
 * The claims as resolvers/entities.ts gives them: the stored ones read by readClaims, then
 * each link's (linkClaims); each a Claim's map, its `sources` the cited entities in id order.
 */
function claimsOf(
  { links, fields }: Extract<Selected['value'], { kind: 'claims' }>,
  raw: Raw,
  params: Record<string, unknown>,
): (Raw | null)[] {
  const linked = raw[LINKS_KEY] as { id: string; sources: string[] }[][];
  const all = [
    ...readClaims(raw[CLAIMS_KEY]),
    ...links.flatMap((link, i) => linkClaims(link.field, linked[i] ?? [])),
  ];
  // Each `sources` selected: the cited entities by id (an id that names none is left out).
  const cited = fields.map(({ value }, i) =>
    value.kind === 'byId'
      ? new Map((raw[fieldKey(i)] as Row[]).map((e) => [extraOf(value.fields, e) as string, e]))
      : null,
  );
  return all.map((claim) => {
    const row = fields.map(({ value }, i) => {
      const byId = cited[i];
      return byId
        ? claim.sources.flatMap((id) => {
            const entity = byId.get(id);
            return entity ? [entity] : [];
          })
        : claim[(value as { name: 'field' | 'value' }).name];
    });
    return shape(fields, row, params);
  });
}

/** The object of `fields` from the statement's list `raw` (null stays null). */
export function shape(
  fields: readonly Selected[],
  raw: Row | null | undefined,
  params: Record<string, unknown>,
): Raw | null {
  if (raw == null) return null;
  const out: Raw = {};
  let type: string | undefined;
  const first = firstOf(fields);
  for (let i = 0; i < fields.length; i++) {
    const { key, value, only } = fields[i] as Selected;
    const found = raw[first[i] as number];
    if (only !== undefined && only !== type) continue;
    switch (value.kind) {
      case 'type':
        type = found as string;
        typedAs(out, type);
        break;
      case 'property':
        out[key] = found;
        break;
      case 'end':
        out[key] = shape(value.fields, found as Row, params);
        break;
      case 'byId':
        out[key] = value.chosen
          ? shape(value.fields, found as Row, params)
          : (found as Row[]).map((x) => shape(value.fields, x, params));
        break;
      case 'step':
      case 'acts': {
        const { step } = value;
        if (step.shape === 'one') {
          out[key] = shape(step.fields, found as Row, params);
          break;
        }
        // The same entity twice (its acts) keeps the statement's order of them.
        const compare = RESORTED.has(step.order) ? SORTS[step.order] : undefined;
        const list = compare
          ? (found as Row[])
              .map((row) => ({ row, related: asRelated(step.fields, row) }))
              .sort(({ related: x }, { related: y }) =>
                x.node.id === y.node.id ? 0 : compare(x, y),
              )
              .map(({ row }) => row)
          : (found as Row[]);
        out[key] = list.map((x) => shape(step.fields, x, params));
        break;
      }
      case 'partners':
      case 'chain':
        out[key] = (found as Row[]).map((x) => shape(value.fields, x, params));
        break;
      case 'holders': {
        const roles = found as Row[];
        const held = (x: Row) => extraOf(value.fields, x) as EntityNode;
        const date = params[value.asOf] as string;
        const title = value.title === null ? null : (params[value.title] as string);
        out[key] = holdersOn(roles.map(held), date, title).map(({ role, basis }) => {
          const raw = roles.find((x) => held(x).id === role.id) as Row;
          const holding = shape(value.fields, raw, params) as Raw;
          for (const { key: at, value: field } of value.fields)
            if (field.kind === 'property') holding[at] = basis;
          return holding;
        });
        break;
      }
      case 'claims':
        out[key] = claimsOf(value, found as Raw, params);
        break;
      case 'partnership':
        if (value.part === 'partner') out[key] = shape(value.fields, found as Row, params);
        else if (value.part === 'agreements')
          out[key] = (found as Row[]).map((x) => shape(value.fields, x, params));
        else out[key] = found;
    }
  }
  (out as Record<symbol, boolean>)[PLANNED] = true;
  return out;
}
