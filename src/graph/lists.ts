/**
 * Filtered, sorted, paged lists and the partners question: each a named query under
 * cypher/agreements, cypher/organisations and cypher/people that answers a page and the count.
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

/** The lists whose filters one query answers, `cypher/<area>/matching`. */
export type ListArea = 'agreements' | 'organisations' | 'people';

/**
 * A list read by one query, `cypher/<area>/matching`, which answers both the page and the
 * count of the whole list (`page`, `total`): the filter has to be applied to every candidate
 * for the count anyway, so the page costs no second pass and no second round trip. The query
 * takes the filter's references as ids first: an answer that is not empty proves they were
 * (it finds a referenced entity by id and kind). Only an empty answer is asked again with the
 * references resolved (`resolve`), and only when that changes them.
 */
function list<F extends object>(
  db: Database,
  area: ListArea,
  filter: F,
  page: Page,
  resolve?: Resolve<F>,
): ListPage {
  const query = cypher(`${area}/matching`);
  const read = async (f: F) => {
    const [row] = await db.read(query, { ...(f as Params), ...page });
    return { nodes: entities(row?.page as Row[]), total: row?.total as number };
  };
  const answer = once(async () => {
    const first = await read(filter);
    if (!resolve || first.total > 0) return first;
    const other = await resolve();
    if (other === null) return { nodes: [], total: 0 };
    const unchanged = Object.keys(filter).every(
      (k) => filter[k as keyof F] === other[k as keyof F],
    );
    return unchanged ? first : read(other);
  });
  return {
    nodes: async () => (await answer()).nodes,
    count: async () => (await answer()).total,
  };
}

/**
 * Without filters, agreements come from agreements/all.cypher, which reads a page from the
 * range index of the sort key instead of sorting every agreement, and the count from the
 * count store.
 */
export const listAgreements = (
  db: Database,
  filter: AgreementFilter,
  page: Page,
  resolve?: Resolve<AgreementFilter>,
): ListPage => {
  const { orderBy, ...filters } = filter;
  const unfiltered = Object.values(filters).every((value) => value === null);
  if (!unfiltered) return list(db, 'agreements', filter, page, resolve);
  return {
    nodes: once(async () =>
      entities(await db.read(cypher('agreements/all'), { orderBy, ...page })),
    ),
    count: once(
      async () => (await db.read(cypher('agreements/count-all'), {}))[0]?.total as number,
    ),
  };
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
