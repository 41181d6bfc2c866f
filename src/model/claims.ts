/**
 * Claims: which source states which value. Every scalar field of a node or relationship keeps,
 * beside its plain property, a `claims` list of `field|value|source` strings, one per source
 * that states the value, sorted: two sources that disagree both keep their value, whatever
 * the order they were imported in.
 *
 * The plain property holds the chosen value, by one order-independent rule: the value stated
 * by the most sources, then the least value (the earliest date, the smallest number, the
 * first text in code-point order; a yearless date after the dated ones). A list field whose values all hold (a signatory's
 * `onBehalfOf`) holds every stated value, sorted. The upserts apply the rule in Cypher
 * (cypher/import/upsert-*.cypher); this module writes and reads the strings.
 *
 * `|` cannot occur in a field name or a source id (the import format's id pattern), so a
 * claim splits at its first and last `|` whatever its value holds.
 */

import { compareDates } from '../dates.ts';

/** Fields whose values are whole numbers (the others are text). */
export const INTEGER_FIELDS: readonly string[] = ['rank', 'order'];

/** Relationship fields that hold every stated value as a list rather than one chosen value. */
export const LIST_CLAIMS: readonly string[] = ['onBehalfOf'];

/**
 * Node list fields whose claims say which source states each item (`statedOn|2019-05-10|s-1`):
 * a role's statedOn is every date any source states it on (src/model/kinds.ts), so the list is
 * united by its writers (upsert, merge, updateEntity) and never chosen from its claims.
 */
export const UNITED_CLAIMS: readonly string[] = ['statedOn'];

/** The parameters the upserts read the claims with. */
export const CLAIM_PARAMETERS = {
  integers: INTEGER_FIELDS,
  lists: LIST_CLAIMS,
  united: UNITED_CLAIMS,
};

export interface Claim {
  field: string;
  value: string | number;
  sources: string[];
}

export function claimString(field: string, value: unknown, source: string): string {
  return `${field}|${String(value)}|${source}`;
}

/** The claims strings of `value` stated by each of `sources`. */
export const claimStrings = (field: string, value: unknown, sources: readonly string[]) =>
  sources.map((source) => claimString(field, value, source));

function parse(claim: string): { field: string; value: string | number; source: string } {
  const first = claim.indexOf('|');
  const last = claim.lastIndexOf('|');
  const field = claim.slice(0, first);
  const text = claim.slice(first + 1, last);
  return {
    field,
    value: INTEGER_FIELDS.includes(field) ? Number(text) : text,
    source: claim.slice(last + 1),
  };
}

/** Values in order: numbers by size, text as strings, except that a yearless date (--10-14) comes after the dated ones (src/dates.ts), so a tie never chooses it over a date with a year. The choose-*.cypher statements order the same way. */
const compare = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : compareDates(String(a), String(b));

/** Stored claims grouped by field and value, each with its sources, all sorted. */
export function readClaims(stored: unknown): Claim[] {
  const byKey = new Map<string, Claim>();
  for (const claim of (stored as string[] | undefined) ?? []) {
    const { field, value, source } = parse(claim);
    const key = `${field}|${value}`;
    const found = byKey.get(key);
    if (found) found.sources.push(source);
    else byKey.set(key, { field, value, sources: [source] });
  }
  return [...byKey.values()]
    .map((c) => ({ ...c, sources: [...new Set(c.sources)].sort() }))
    .sort((a, b) =>
      a.field !== b.field ? (a.field < b.field ? -1 : 1) : compare(a.value, b.value),
    );
}

/**
 * The claims of a single-valued link (an organisation's region, an agreement's event): one per
 * linked entity, its id as the value and the sources of the relationship to it, sorted; in id
 * order. Read after an entity's stored claims (resolvers/entities.ts, planner/shape.ts).
 */
export const linkClaims = (
  field: string,
  linked: readonly { id: string; sources: unknown }[],
): Claim[] =>
  linked
    .map(({ id, sources }) => ({
      field,
      value: id,
      sources: [...((sources as string[] | undefined) ?? [])].sort(),
    }))
    .sort((a, b) => (a.value < b.value ? -1 : 1));

/**
 * The value each claimed field holds: the one most sources state, then the least; for a list
 * field (LIST_CLAIMS), every value, sorted; none for UNITED_CLAIMS. The upserts apply the same
 * rule in Cypher.
 */
export function chosenValues(stored: unknown): Record<string, string | number | unknown[]> {
  const chosen: Record<string, { value: string | number; count: number }> = {};
  const lists: Record<string, (string | number)[]> = {};
  for (const { field, value, sources } of readClaims(stored)) {
    if (UNITED_CLAIMS.includes(field)) continue;
    if (LIST_CLAIMS.includes(field)) {
      lists[field] = [...(lists[field] ?? []), value];
      continue;
    }
    // readClaims sorts each field's values, least first: a later value wins only with more sources.
    const best = chosen[field];
    if (!best || sources.length > best.count) chosen[field] = { value, count: sources.length };
  }
  return {
    ...Object.fromEntries(Object.entries(chosen).map(([field, c]) => [field, c.value])),
    ...lists,
  };
}

/** Stored claims as a sorted list of distinct strings; undefined when there are none. */
export function claimList(...lists: unknown[]): string[] | undefined {
  const all = [...new Set(lists.flatMap((l) => (l as string[] | undefined) ?? []))].sort();
  return all.length > 0 ? all : undefined;
}

/** The claims of every field but `field`. */
export const withoutField = (stored: unknown, field: string) =>
  ((stored as string[] | undefined) ?? []).filter((c) => !c.startsWith(`${field}|`));
