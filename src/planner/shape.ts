/**
 * Shape: a compiled statement's maps as the objects the resolvers answer with, each field
 * under its response key, and each marked as planned: its fields then read their values from
 * it (schema.ts) instead of asking the loaders.
 */
import type { EntityNode, Related } from '../graph/entity.ts';
import { holdersOn } from '../graph/held.ts';
import { SORTS } from '../graphql/following.ts';
import { linkClaims, readClaims } from '../model/claims.ts';
import {
  CLAIMS_KEY,
  fieldKey,
  firstOf,
  HELD_KEY,
  ID_KEY,
  LINKS_KEY,
  RESORTED,
  SORT_KEY,
} from './compile.ts';
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

const asRelated = (raw: Raw): Related => ({ rel: {}, node: raw[SORT_KEY] as Related['node'] });

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
      ? new Map((raw[fieldKey(i)] as Raw[]).map((e) => [e[ID_KEY] as string, e]))
      : null,
  );
  return all.map((claim) => {
    const map: Raw = {};
    fields.forEach(({ value }, i) => {
      const byId = cited[i];
      map[fieldKey(i)] = byId
        ? claim.sources.flatMap((id) => byId.get(id) ?? [])
        : claim[(value as { name: 'field' | 'value' }).name];
    });
    return shape(fields, map, params);
  });
}

/** The object of `fields` from the statement's map `raw` (null stays null). */
export function shape(
  fields: readonly Selected[],
  raw: Raw | null | undefined,
  params: Record<string, unknown>,
): Raw | null {
  if (raw == null) return null;
  const out: Raw = {};
  let type: string | undefined;
  const first = firstOf(fields);
  for (let i = 0; i < fields.length; i++) {
    const { key, value, only } = fields[i] as Selected;
    const found = raw[fieldKey(first[i] as number)];
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
        out[key] = shape(value.fields, found as Raw, params);
        break;
      case 'byId':
        out[key] = value.chosen
          ? shape(value.fields, found as Raw, params)
          : (found as Raw[]).map((x) => shape(value.fields, x, params));
        break;
      case 'step':
      case 'acts': {
        const { step } = value;
        if (step.shape === 'one') {
          out[key] = shape(step.fields, found as Raw, params);
          break;
        }
        // The same entity twice (its acts) keeps the statement's order of them.
        const compare = RESORTED.has(step.order) ? SORTS[step.order] : undefined;
        const list = compare
          ? [...(found as Raw[])].sort((a, b) => {
              const [x, y] = [asRelated(a), asRelated(b)];
              return x.node.id === y.node.id ? 0 : compare(x, y);
            })
          : (found as Raw[]);
        out[key] = list.map((x) => shape(step.fields, x, params));
        break;
      }
      case 'partners':
      case 'chain':
        out[key] = (found as Raw[]).map((x) => shape(value.fields, x, params));
        break;
      case 'holders': {
        const roles = found as Raw[];
        const date = params[value.asOf] as string;
        const title = value.title === null ? null : (params[value.title] as string);
        out[key] = holdersOn(
          roles.map((x) => x[HELD_KEY] as EntityNode),
          date,
          title,
        ).map(({ role, basis }) => {
          const raw = roles.find((x) => (x[HELD_KEY] as EntityNode).id === role.id) as Raw;
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
        if (value.part === 'partner') out[key] = shape(value.fields, found as Raw, params);
        else if (value.part === 'agreements')
          out[key] = (found as Raw[]).map((x) => shape(value.fields, x, params));
        else out[key] = found;
    }
  }
  (out as Record<symbol, boolean>)[PLANNED] = true;
  return out;
}
