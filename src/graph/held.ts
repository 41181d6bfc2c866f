/**
 * The asOf rule: on which days the sources support that a role was held. Nothing else is
 * answered as fact. A role is held on day D when
 * - a source states it on a date covering D (`statedOn`: 2019-05 covers every day of May
 *   2019): basis STATED_ON; or
 * - D lies in its supported span, from `since` (else its first stated date) to `until` (else
 *   its last stated date), partial dates covering their whole span: basis STATED_INTERVAL.
 * A role without any dated date is held on no particular day: it is listed without `asOf`,
 * never with it. Yearless dates (--MM-DD) place nothing on the time line. When no role of a
 * title is held on D, the last holder before D and the next after it can be given, marked as
 * such (LAST_BEFORE, NEXT_AFTER), never as holders on D. cypher/people/*.cypher says the
 * same rule in Cypher.
 */
import { hasYear, lastDay, overlaps } from '../dates.ts';
import { nameKey, nameKeys } from '../names.ts';
import type { EntityNode } from './entity.ts';

export type Basis = 'STATED_ON' | 'STATED_INTERVAL';
export type HoldingBasis = Basis | 'LAST_BEFORE' | 'NEXT_AFTER';

export interface Holding {
  role: EntityNode;
  basis: HoldingBasis;
}

interface Span {
  start: string;
  end: string;
}

const dated = (value: unknown): string | undefined =>
  typeof value === 'string' && hasYear(value) ? value : undefined;

const statedDates = (role: EntityNode): string[] =>
  ((role.statedOn as string[] | undefined) ?? []).filter(hasYear);

/** The days the sources support: since (else first stated) to until (else last stated); null without a dated date. */
export function supportedSpan(role: EntityNode): Span | null {
  const stated = statedDates(role);
  const since = dated(role.since);
  const until = dated(role.until);
  const start = since ?? stated[0] ?? until;
  const end = until ?? stated.at(-1) ?? since;
  return start && end ? { start, end } : null;
}

/** Why the role counts as held on `date` (a dated date, possibly partial), or null when it does not. */
export function basisOn(role: EntityNode, date: string): Basis | null {
  const day = { start: date, end: date };
  if (statedDates(role).some((d) => overlaps({ start: d, end: d }, day))) return 'STATED_ON';
  const span = supportedSpan(role);
  return span && overlaps(span, day) ? 'STATED_INTERVAL' : null;
}

export const heldOn = (role: EntityNode, date: string): boolean => basisOn(role, date) !== null;

const byRank = (a: EntityNode, b: EntityNode) =>
  ((a.rank as number) ?? 0) - ((b.rank as number) ?? 0) || (a.id < b.id ? -1 : 1);

/**
 * An organisation's roles on `date`, per title (folded as names are: 校長 is 校长), only those
 * titled `title` (in the source's words or English) when given: the roles held then; else the
 * last held before (those whose span ends last) and the next held after (those whose span
 * starts first), marked as such. Titles in order of their first role.
 */
export function holdersOn(roles: EntityNode[], date: string, title: string | null): Holding[] {
  const asked = title === null ? null : nameKey(title);
  const titled = roles.filter(
    (role) =>
      asked === null || nameKeys([role.title as string, role.titleEn as string]).includes(asked),
  );
  const byTitle = new Map<string, EntityNode[]>();
  for (const role of titled.sort(byRank)) {
    const key = nameKey(String(role.title));
    byTitle.set(key, [...(byTitle.get(key) ?? []), role]);
  }
  const out: Holding[] = [];
  for (const group of byTitle.values()) {
    const held = group.flatMap((role) => {
      const basis = basisOn(role, date);
      return basis ? [{ role, basis }] : [];
    });
    if (held.length > 0) {
      out.push(...held);
      continue;
    }
    const spans = group.flatMap((role) => {
      const span = supportedSpan(role);
      return span ? [{ role, ...span }] : [];
    });
    const before = spans.filter((s) => lastDay(s.end) < date);
    const after = spans.filter((s) => s.start > lastDay(date));
    const latestEnd = before
      .map((s) => s.end)
      .sort()
      .at(-1);
    const earliestStart = after.map((s) => s.start).sort()[0];
    for (const s of before)
      if (s.end === latestEnd) out.push({ role: s.role, basis: 'LAST_BEFORE' });
    for (const s of after)
      if (s.start === earliestStart) out.push({ role: s.role, basis: 'NEXT_AFTER' });
  }
  return out;
}
