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

/** One page of a list, and a way to count the whole list only when someone asks. */
export interface ListPage {
  nodes: EntityNode[];
  count(): Promise<number>;
}

const entities = (rows: Row[]) => rows.map((r) => toEntity(r.labels, r.props));

function list(db: Database, area: string, filter: object, page: Page): Promise<ListPage> {
  return db.read(cypher(`${area}/matching`), { ...filter, ...page }).then((rows) => ({
    nodes: entities(rows),
    count: async () => (await db.read(cypher(`${area}/count`), { ...filter }))[0]?.total as number,
  }));
}

export const listAgreements = (db: Database, filter: AgreementFilter, page: Page) =>
  list(db, 'agreements', filter, page);

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
