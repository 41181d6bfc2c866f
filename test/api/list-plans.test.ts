/**
 * Every list filter starts from its own entity or from an index, never from every node of a
 * label: PROFILE of each list query with one filter set, on the seed, must show no label or
 * index scan that read a row (a scan in a branch the parameters switch off reads nothing).
 * The answers themselves are the API tests' (queries.test.ts). Plans cached while an earlier
 * file's graph was empty are dropped first: on no data every plan costs nothing, and the
 * planner once scanned the Entity id index for `people(organisation)` after one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile } from '../../bench/lib/cypher.ts';
import { listStatement, NO_AGREEMENT_FILTER } from '../../bench/query/filters.ts';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import type { ListArea } from '../../src/graph/lists.ts';
import { seededApi } from '../support/api.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await seededApi());
  await db.autoCommit(cypher('test/clear-query-caches'));
});
afterAll(() => db.close());

const page = { skip: 0, limit: 21 };
const agreement = NO_AGREEMENT_FILTER;

/** Each list query with the filters of one question set; the rest null. */
const CASES: [ListArea, string, Record<string, unknown>][] = [
  ['organisations', 'region', { kind: null, region: 'region-beijing' }],
  ['organisations', 'kind', { kind: 'university', region: null }],
  ['organisations', 'kind and region', { kind: 'university', region: 'region-chaoyang' }],
  ['people', 'organisation', { organisation: 'org-bjut', titles: null, asOf: null }],
  [
    'people',
    'organisation and asOf',
    { organisation: 'org-bjut', titles: null, asOf: '2023-12-21' },
  ],
  ['people', 'asOf', { organisation: null, titles: null, asOf: '2023-12-21' }],
  ['people', 'asOf, a year', { organisation: null, titles: null, asOf: '2023' }],
  ['people', 'title', { organisation: null, titles: ['校长'], asOf: null }],
  ['people', 'title in English', { organisation: null, titles: ['President'], asOf: null }],
  ['agreements', 'party', { ...agreement, party: 'org-bjut' }],
  ['agreements', 'attendee', { ...agreement, attendee: 'person-nie-zuoren' }],
  ['agreements', 'region', { ...agreement, region: 'region-beijing' }],
  ['agreements', 'from and to', { ...agreement, from: '2023-01-01', to: '2023-12-31' }],
  ['agreements', 'from', { ...agreement, from: '2023-12-21' }],
  ['agreements', 'to', { ...agreement, to: '2023-12-21' }],
  ['agreements', 'kind', { ...agreement, kind: 'contract' }],
  ['agreements', 'kind and from', { ...agreement, kind: 'contract', from: '2023-01-01' }],
];

describe('list filters start from their entity or an index', () => {
  it.each(CASES)('%s by %s reads no label', async (area, _, filter) => {
    const query = cypher(`${area}/matching`);
    const [answer] = await db.read(query, { ...filter, ...page });
    // the filter finds something on the seed, so the plan below did real work
    expect(answer?.total).toBeGreaterThan(0);
    const plan = await profile(db.driver, undefined, query.text, { ...filter, ...page });
    expect(plan.scans, plan.text).toEqual([]);
  });
});

/**
 * The filters whose answer grows with the graph, as the planner compiles them with a page and
 * totalCount: the page read in order from an index (a Top of at most $skip + $limit per
 * branch, never a Sort of every match), the count from an index alone.
 */
const INDEXED: [ListArea, string, Record<string, unknown>][] = [
  ['organisations', 'kind', { kind: 'university', region: null }],
  ['agreements', 'kind', { ...agreement, kind: 'strategic-cooperation-agreement' }],
  ['agreements', 'kind by name', { ...agreement, kind: 'contract', orderBy: 'NAME' }],
  ['agreements', 'from and to', { ...agreement, from: '2023-01', to: '2023-12-31' }],
  ['agreements', 'to, ascending', { ...agreement, to: '2023', orderBy: 'SIGNED_ON_ASC' }],
  [
    'agreements',
    'kind, from and to',
    { ...agreement, kind: 'strategic-cooperation-agreement', from: '2023', to: '2024' },
  ],
  // people/matching: the page from the people the filter finds, or along the name index.
  ['people', 'title', { organisation: null, titles: ['校长'], asOf: null }],
  ['people', 'title and asOf', { organisation: null, titles: ['校长'], asOf: '2023' }],
  ['people', 'asOf', { organisation: null, titles: null, asOf: '2023-12-21' }],
  ['people', 'nothing', { organisation: null, titles: null, asOf: null }],
];

describe('list filters that grow with the graph read their page in order', () => {
  it.each(INDEXED)('%s by %s sorts no match beyond the page', async (area, _, filter) => {
    const query = listStatement(area, filter);
    const [answer] = await db.read(query, { ...filter, ...page });
    expect(answer?.total).toBeGreaterThan(0);
    const plan = await profile(db.driver, undefined, query.text, { ...filter, ...page });
    expect(plan.scans, plan.text).toEqual([]);
    expect(plan.text, plan.text).not.toMatch(/^\s*(Sort|PartialSort)\b/m);
  });
});
