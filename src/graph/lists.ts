/**
 * Filtered, sorted, paged lists and the partners question: each a named query under
 * cypher/agreements, cypher/organisations and cypher/people, with a count query beside it.
 */
import { cypher } from '../db/cypher.ts';
import type { Database, Row } from '../db/driver.ts';
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
  title: string | null;
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

function list(
  db: Database,
  area: string,
  filter: object,
  page: Page,
  queries = { matching: `${area}/matching`, count: `${area}/count` },
): ListPage {
  return {
    nodes: once(async () =>
      entities(await db.read(cypher(queries.matching), { ...filter, ...page })),
    ),
    count: once(
      async () => (await db.read(cypher(queries.count), { ...filter }))[0]?.total as number,
    ),
  };
}

/**
 * Without filters, agreements come from agreements/all.cypher, which reads a page from the
 * range index of the sort key instead of sorting every agreement.
 */
export const listAgreements = (db: Database, filter: AgreementFilter, page: Page) => {
  const { orderBy, ...filters } = filter;
  const unfiltered = Object.values(filters).every((value) => value === null);
  return unfiltered
    ? list(db, 'agreements', { orderBy }, page, {
        matching: 'agreements/all',
        count: 'agreements/count-all',
      })
    : list(db, 'agreements', filter, page);
};

export const listOrganisations = (db: Database, filter: OrganisationFilter, page: Page) =>
  list(db, 'organisations', filter, page);

export const listPeople = (db: Database, filter: PersonFilter, page: Page) =>
  list(db, 'people', filter, page);

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
