/**
 * Filtered, sorted, paged lists and the partners question: each a named query under
 * cypher/agreements, cypher/organisations and cypher/people, with a count query beside it.
 */
import { cypher } from '../db/cypher.ts';
import type { Database, Params, Row } from '../db/driver.ts';
import { type EntityNode, toEntity } from './entity.ts';

export interface Page {
  skip: number;
  limit: number;
}

export interface AgreementFilter {
  party: string | null;
  signatory: string | null;
  attendee: string | null;
  region: string | null;
  kind: string | null;
  from: string | null;
  to: string | null;
  orderBy: 'SIGNED_ON_DESC' | 'SIGNED_ON_ASC' | 'NAME';
}

export interface OrganisationFilter {
  kind: string | null;
  region: string | null;
}

export interface PersonFilter {
  organisation: string | null;
  /** The stored forms of the title asked for (graph/titles.ts), or null for any title. */
  titles: string[] | null;
  asOf: string | null;
}

/**
 * One page of a list and the count of the whole list, each read only when someone asks (a
 * client that wants only `totalCount` costs one query), and at most once.
 */
export interface ListPage {
  nodes(): Promise<EntityNode[]>;
  count(): Promise<number>;
}

/** `read`, run on the first call only; later calls share its result. */
export const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => {
    result ??= read();
    return result;
  };
};

const entities = (rows: Row[]) => rows.map((r) => toEntity(r.labels, r.props));

/**
 * The filter with its references (a party, a region, ...) looked up by id or name; null when
 * one names nothing, so that the list is empty.
 */
export type Resolve<F> = () => Promise<F | null>;

/**
 * A list whose queries take the filter's references as ids first: an answer that is not empty
 * proves they were (each query finds a referenced entity by id and kind), at no extra round
 * trip. Only an empty answer is asked again with the references resolved (`resolve`), and only
 * when that changes them.
 */
function list<F extends object>(
  db: Database,
  area: string,
  filter: F,
  page: Page,
  resolve?: Resolve<F>,
  queries = { matching: `${area}/matching`, count: `${area}/count` },
): ListPage {
  const resolved = once(async () => (resolve ? resolve() : filter));
  const unchanged = (other: F) =>
    Object.keys(filter).every((k) => filter[k as keyof F] === other[k as keyof F]);
  async function ask<T>(read: (f: F) => Promise<T>, empty: (answer: T) => boolean, none: T) {
    const answer = await read(filter);
    if (!resolve || !empty(answer)) return answer;
    const other = await resolved();
    if (other === null) return none;
    return unchanged(other) ? answer : read(other);
  }
  return {
    nodes: once(() =>
      ask(
        async (f) =>
          entities(await db.read(cypher(queries.matching), { ...(f as Params), ...page })),
        (nodes) => nodes.length === 0,
        [],
      ),
    ),
    count: once(() =>
      ask(
        async (f) => (await db.read(cypher(queries.count), f as Params))[0]?.total as number,
        (total) => total === 0,
        0,
      ),
    ),
  };
}

/**
 * Without filters, agreements come from agreements/all.cypher, which reads a page from the
 * range index of the sort key instead of sorting every agreement.
 */
export const listAgreements = (
  db: Database,
  filter: AgreementFilter,
  page: Page,
  resolve?: Resolve<AgreementFilter>,
) => {
  const { orderBy, ...filters } = filter;
  const unfiltered = Object.values(filters).every((value) => value === null);
  return unfiltered
    ? list(db, 'agreements', { orderBy }, page, undefined, {
        matching: 'agreements/all',
        count: 'agreements/count-all',
      })
    : list(db, 'agreements', filter, page, resolve);
};

export const listOrganisations = (
  db: Database,
  filter: OrganisationFilter,
  page: Page,
  resolve?: Resolve<OrganisationFilter>,
) => list(db, 'organisations', filter, page, resolve);

export const listPeople = (
  db: Database,
  filter: PersonFilter,
  page: Page,
  resolve?: Resolve<PersonFilter>,
) => list(db, 'people', filter, page, resolve);

export interface Partnership {
  partner: EntityNode;
  agreements: EntityNode[];
  firstSignedOn: string | null;
  lastSignedOn: string | null;
}

export async function partners(
  db: Database,
  of: string,
  range: { from: string | null; to: string | null },
): Promise<Partnership[]> {
  const rows = await db.read(cypher('agreements/partners'), { of, ...range });
  return rows.map((row) => ({
    partner: toEntity(row.labels, row.props),
    agreements: (row.agreements as { labels: string[]; props: object }[]).map((a) =>
      toEntity(a.labels, a.props),
    ),
    firstSignedOn: (row.firstSignedOn as string) ?? null,
    lastSignedOn: (row.lastSignedOn as string) ?? null,
  }));
}
