import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../bench/generate.ts';
import type { Database } from '../../src/db/driver.ts';
import { apiClient, seededApi } from '../support/api.ts';
import { graphCounts, testConfig } from '../support/db.ts';
import { importRecords, type Rec } from '../support/records.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;

beforeAll(async () => {
  ({ db, gql } = await seededApi());
});
afterAll(() => db.close());

const SIGNING = 'event-signing-2023-12-21';

describe('look-ups', () => {
  it('fetch any entity by id with node(), and null with no error for an unknown id', async () => {
    const result = await gql(`{
      a: node(id: "org-bjut") { __typename id ... on Organisation { name nameEn aliases kind } }
      b: node(id: "no-such-id") { id }
      c: organisation(id: "person-nie-zuoren") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: {
        __typename: 'Organisation',
        id: 'org-bjut',
        name: '北京工业大学',
        nameEn: 'Beijing University of Technology',
        aliases: ['北工大', 'BJUT'],
        kind: 'university',
      },
      b: null,
      c: null,
    });
  });

  it('resolve any name or alias, in any variant, to the entity', async () => {
    const result = await gql(`{
      short: organisation(name: "北工大") { id }
      latin: organisation(name: "bjut") { id }
      traditional: organisation(name: "北京工業大學") { id }
      group: organisation(name: "北控集团") { id }
      person: person(name: "聂祚仁") { id nameEn }
      missing: organisation(name: "清华大学") { id }
    }`);
    expect(result.data).toEqual({
      short: { id: 'org-bjut' },
      latin: { id: 'org-bjut' },
      traditional: { id: 'org-bjut' },
      group: { id: 'org-bei-group' },
      person: { id: 'person-nie-zuoren', nameEn: 'Nie Zuoren' },
      missing: null,
    });
  });

  it('answer who attended the 2023-12-21 signing and in what roles', async () => {
    const result = await gql<{
      event: { attendees: { person: { name: string }; roles: { title: string }[] }[] };
    }>(
      `query ($id: ID!) { event(id: $id) { name date attendees { order person { name } roles { title } } } }`,
      { id: SIGNING },
    );
    const attendees = result.data?.event.attendees.map(
      (a) => `${a.person.name}: ${a.roles.map((r) => r.title).join('、')}`,
    );
    expect(attendees).toEqual([
      '姜泽廷: 党委书记',
      '聂祚仁: 党委副书记、校长',
      '乔俊飞: 党委常委、副校长',
      '陈树君: 党委常委、副校长',
      '吴小杰: 区委副书记、区长',
      '杨洪福: 主任、主任',
      '朱国栋: 党委副书记、董事、总经理',
      '姜新浩: 党委委员、副总经理',
      '王剑: 党委常委、副总经理',
    ]);
  });

  it('give every agreement its parties, event, sources, and no invented signatories', async () => {
    const result = await gql(`{
      agreements(party: "北京工业大学") {
        totalCount
        nodes {
          id kind signedOn
          parties { order organisation { name } sources { id } }
          signatories { person { name } }
          witnesses { name }
          event { id }
          sources { id publishedOn }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      agreements: {
        totalCount: 2,
        nodes: [
          {
            id: 'agreement-pilot-contract-2023-12-21',
            kind: 'contract',
            signedOn: '2023-12-21',
            parties: [
              {
                order: 0,
                organisation: { name: '北京工业大学' },
                sources: [{ id: 'src-bjut-news-2023-12-22' }],
              },
              {
                order: 1,
                organisation: { name: '北京控股集团有限公司' },
                sources: [{ id: 'src-bjut-news-2023-12-22' }],
              },
            ],
            signatories: [],
            witnesses: [],
            event: { id: SIGNING },
            sources: [{ id: 'src-bjut-news-2023-12-22', publishedOn: '2023-12-22' }],
          },
          {
            id: 'agreement-strategic-2023-12-21',
            kind: 'strategic-cooperation-agreement',
            signedOn: '2023-12-21',
            parties: [
              {
                order: 0,
                organisation: { name: '中关村科技园区朝阳园管理委员会' },
                sources: [{ id: 'src-bjut-news-2023-12-22' }],
              },
              {
                order: 1,
                organisation: { name: '北京工业大学' },
                sources: [{ id: 'src-bjut-news-2023-12-22' }],
              },
              {
                order: 2,
                organisation: { name: '北京控股集团有限公司' },
                sources: [{ id: 'src-bjut-news-2023-12-22' }],
              },
            ],
            signatories: [],
            witnesses: [],
            event: { id: SIGNING },
            sources: [{ id: 'src-bjut-news-2023-12-22', publishedOn: '2023-12-22' }],
          },
        ],
      },
    });
  });
});

describe('the analyst questions', () => {
  it('partners: which organisations BJUT has agreements with, and when', async () => {
    const result = await gql(`{
      partners(of: "org-bjut") { partner { name } agreements { id } firstSignedOn lastSignedOn }
      early: partners(of: "org-bjut", to: "2023-12-20") { partner { name } }
    }`);
    expect(result.data).toEqual({
      partners: [
        {
          partner: { name: '北京控股集团有限公司' },
          agreements: [
            { id: 'agreement-pilot-contract-2023-12-21' },
            { id: 'agreement-strategic-2023-12-21' },
          ],
          firstSignedOn: '2023-12-21',
          lastSignedOn: '2023-12-21',
        },
        {
          partner: { name: '中关村科技园区朝阳园管理委员会' },
          agreements: [{ id: 'agreement-strategic-2023-12-21' }],
          firstSignedOn: '2023-12-21',
          lastSignedOn: '2023-12-21',
        },
      ],
      early: [],
    });
  });

  it('roles as of a date: who held which title then', async () => {
    await importRecords(db, [
      {
        type: 'role',
        id: 'role-test-former',
        person: 'person-nie-zuoren',
        organisation: 'org-bjut',
        title: '副校长',
        since: '2015-01',
        until: '2018-06-30',
        rank: 2,
        sources: ['src-bjut-news-2023-12-22'],
      } as Rec,
    ]);
    const titles = async (asOf: string | null) => {
      const result = await gql<{
        person: { roles: { title: string }[] };
        organisation: { roles: { id: string }[] };
      }>(
        `query ($asOf: Date) { person(id: "person-nie-zuoren") { roles(asOf: $asOf) { title } }
          organisation(id: "org-bjut") { roles(asOf: $asOf) { id } } }`,
        { asOf },
      );
      return {
        person: result.data?.person.roles.map((r) => r.title),
        org: result.data?.organisation.roles.length,
      };
    };
    // The seed states its roles on 2023-12-21 only: on 2016-05-01 only the dated 副校长 was held.
    expect(await titles('2016-05-01')).toEqual({ person: ['副校长'], org: 1 });
    expect(await titles('2019')).toEqual({ person: [], org: 0 });
    expect(await titles('2023-12-21')).toEqual({ person: ['党委副书记', '校长'], org: 7 });
    expect(await titles(null)).toEqual({ person: ['党委副书记', '校长', '副校长'], org: 8 });
    const bad = await gql(
      `{ person(id: "person-nie-zuoren") { roles(asOf: "2023-02-30") { title } } }`,
    );
    expect(bad.errors?.[0]?.message).toMatch(/"2023-02-30" is not a date/);
  });

  it('people by organisation and title', async () => {
    const result = await gql(`{
      vice: people(organisation: "北控集团", title: "副总经理") { totalCount nodes { name } }
      english: people(title: "President") { nodes { name } }
    }`);
    expect(result.data).toEqual({
      vice: { totalCount: 2, nodes: [{ name: '姜新浩' }, { name: '王剑' }] },
      english: { nodes: [{ name: '聂祚仁' }] },
    });
  });

  it('organisations by kind and by region, a region including its sub-regions', async () => {
    const result = await gql(`{
      universities: organisations(kind: "university") { nodes { id } }
      beijing: organisations(region: "北京") { totalCount }
      chaoyang: organisations(region: "朝阳区") { totalCount }
      nowhere: organisations(region: "上海") { totalCount nodes { id } }
    }`);
    expect(result.data).toEqual({
      universities: { nodes: [{ id: 'org-bjut' }] },
      beijing: { totalCount: 6 },
      chaoyang: { totalCount: 5 },
      nowhere: { totalCount: 0, nodes: [] },
    });
  });

  it('agreement filters: kind, dates, signatory, attendee, region', async () => {
    const count = async (args: string) =>
      (await gql<{ agreements: { totalCount: number } }>(`{ agreements(${args}) { totalCount } }`))
        .data?.agreements.totalCount;
    expect(await count('kind: "contract"')).toBe(1);
    expect(await count('from: "2023-12-21", to: "2023-12-21"')).toBe(2);
    expect(await count('from: "2024-01-01"')).toBe(0);
    expect(await count('attendee: "吴小杰"')).toBe(2);
    expect(await count('signatory: "吴小杰"')).toBe(0);
    expect(await count('region: "朝阳区"')).toBe(2);
    expect(await count('region: "九龙山"')).toBe(0);
    expect(await count('party: "中关村科技园区朝阳园管理委员会", kind: "contract"')).toBe(0);
    const reversed = await gql(
      '{ agreements(from: "2024-01-01", to: "2023-01-01") { totalCount } }',
    );
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('pagination', () => {
  const page = async (first: number, after?: string) =>
    (
      await gql<{
        agreements: {
          edges: { cursor: string; node: { id: string } }[];
          pageInfo: Record<string, unknown>;
          totalCount: number;
        };
      }>(
        `query ($first: Int, $after: String) { agreements(orderBy: NAME, first: $first, after: $after) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { first, after },
      )
    ).data?.agreements;

  it('walks a list with first/after to its end, then an empty page', async () => {
    const one = await page(1);
    expect(one?.totalCount).toBe(2);
    expect(one?.edges.map((e) => e.node.id)).toEqual(['agreement-pilot-contract-2023-12-21']);
    expect(one?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page(1, one?.pageInfo.endCursor as string);
    expect(two?.edges.map((e) => e.node.id)).toEqual(['agreement-strategic-2023-12-21']);
    expect(two?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const three = await page(1, two?.pageInfo.endCursor as string);
    expect(three?.edges).toEqual([]);
    expect(three?.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    const zero = await page(0);
    expect(zero?.edges).toEqual([]);
  });

  it('refuses pages over the cap and cursors it did not give out', async () => {
    const big = await gql('{ agreements(first: 101) { totalCount } }');
    expect(big.errors?.[0]).toMatchObject({
      message: 'first must be at most 100, got 101',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const forged = await gql('{ agreements(after: "bm9wZQ") { totalCount } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await gql('{ organisations(first: -1) { totalCount } }');
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('round trips to Neo4j', () => {
  it('a list nested 4 levels deep over 20+ rows costs one round trip (the planner), two without it (its page, then the rest)', async () => {
    await importRecords(db, [...records({ entities: 400, seed: 3 })] as Rec[]);
    const query = `{
      agreements(first: 40, orderBy: NAME) {
        nodes { name parties { organisation { name region { name parent { name } } } } event { name } }
      }
    }`;
    const result = await gql<{
      agreements: { nodes: { parties: { organisation: { region: { name: string } | null } }[] }[] };
    }>(query);
    expect(result.errors).toBeUndefined();
    const rows = result.data?.agreements.nodes ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const regions = rows
      .flatMap((a) => a.parties.map((p) => p.organisation.region))
      .filter(Boolean);
    expect(regions.length).toBeGreaterThan(20);
    // the planner: one statement with the page and everything below it
    expect(result.extensions?.roundTrips).toBe(1);
    // the loaders: the agreements page; then their parties, events, regions and region parents
    const without = apiClient(db, { ...testConfig(), planner: false });
    const loaded = await without(query);
    expect(loaded.data).toEqual(result.data);
    expect(loaded.extensions?.roundTrips).toBe(2);
  });

  // The lookahead fetches an entity looked up by id or name with every relationship its
  // selection follows; node(id) returns an interface, which it does not plan, so the loaders
  // fetch level by level there. Both must answer the same.
  const AGREEMENT = `{
    parties { order organisation { name region { name parent { name } } } }
    signatories { person { name } }
    event { name place { name } attendees { order person { name } roles { title } } }
    initiatives { name }
  }`;
  const ID = 'agreement-strategic-2023-12-21';

  it('an agreement by id with four levels of relationships costs one round trip', async () => {
    const byId = await gql(`{ agreement(id: "${ID}") ${AGREEMENT} }`);
    const byName = await gql(`{ agreement(name: "战略合作协议") ${AGREEMENT} }`);
    const levelByLevel = await gql(
      `{ agreement: node(id: "${ID}") { ... on Agreement ${AGREEMENT} } }`,
    );
    expect(byId.errors).toBeUndefined();
    expect(byName.data).toEqual(byId.data);
    expect(levelByLevel.data).toEqual(byId.data);
    const agreement = byId.data?.agreement as {
      parties: unknown[];
      event: { attendees: { roles: unknown[] }[] };
    };
    expect(agreement.parties).toHaveLength(3);
    expect(agreement.event.attendees.flatMap((a) => a.roles).length).toBeGreaterThan(5);
    expect(byId.extensions?.roundTrips).toBe(1);
    // the name look-up and the rest in one statement (the planner; the loaders' path takes 2)
    expect(byName.extensions?.roundTrips).toBe(1);
    // the entity, then one per level
    expect(levelByLevel.extensions?.roundTrips).toBe(4);
  });

  it('follows relationships at any depth and through fragments; other fields load when asked', async () => {
    // attendees, their roles, the roles' organisations, their regions and those's parents
    const deep = `{ event { attendees { roles { organisation { region { name parent { name } } } } } } }`;
    const byId = await gql(`{ agreement(id: "${ID}") ${deep} }`);
    const levelByLevel = await gql(`{ agreement: node(id: "${ID}") { ... on Agreement ${deep} } }`);
    expect(byId.errors).toBeUndefined();
    expect(levelByLevel.data).toEqual(byId.data);
    expect(JSON.stringify(byId.data)).toContain('"parent":{"name"');
    expect(byId.extensions?.roundTrips).toBe(1);
    expect(levelByLevel.extensions?.roundTrips).toBe(7); // the entity, six levels

    const fragments = await gql(`
      query { agreement(id: "${ID}") { ...Parties ... on Agreement { event { name } } } }
      fragment Parties on Agreement { parties { organisation { name } } }`);
    expect(fragments.errors).toBeUndefined();
    expect(fragments.data?.agreement).toMatchObject({ event: { name: expect.any(String) } });
    expect(fragments.extensions?.roundTrips).toBe(1);

    const skipping = (skip: boolean) =>
      gql(
        `query ($skip: Boolean!) { agreement(id: "${ID}") {
          event @skip(if: $skip) { name } parties @include(if: $skip) { order } } }`,
        { skip },
      );
    const [skipped, included] = [await skipping(true), await skipping(false)];
    expect(Object.keys(skipped.data?.agreement as object)).toEqual(['parties']);
    expect(Object.keys(included.data?.agreement as object)).toEqual(['event']);
    expect([skipped.extensions?.roundTrips, included.extensions?.roundTrips]).toEqual([1, 1]);

    // sources and ancestors declare no relationship for the lookahead to follow: through the
    // loaders each loads when it is asked; the planner compiles both into its one statement
    const lazyQuery = `{ agreement(id: "${ID}") { parties { organisation { sources { id } region { ancestors { name } } } } } }`;
    const lazy = await apiClient(db, { ...testConfig(), planner: false })(lazyQuery);
    expect(lazy.errors).toBeUndefined();
    expect(JSON.stringify(lazy.data)).toContain('src-bjut-news-2023-12-22');
    expect(lazy.extensions?.roundTrips).toBeGreaterThan(2);
    const planned = await gql(lazyQuery);
    expect(planned.data).toEqual(lazy.data);
    expect(planned.extensions?.roundTrips).toBe(1);
  });

  it('list filters take an id in the list query itself, and a name after it found nothing', async () => {
    const total = async (args: string) => {
      const result = await gql<{ agreements: { totalCount: number; nodes: { id: string }[] } }>(
        `{ agreements(${args}) { totalCount nodes { id } } }`,
      );
      expect(result.errors).toBeUndefined();
      const { totalCount, nodes } = result.data?.agreements ?? { totalCount: -1, nodes: [] };
      expect(nodes).toHaveLength(totalCount);
      return [totalCount, result.extensions?.roundTrips];
    };
    // by id: the page with the count, nothing else
    expect(await total('party: "org-bjut"')).toEqual([2, 1]);
    // by name (it cannot be an id): the name looked up, then the page with the count
    expect(await total('party: "北工大"')).toEqual([2, 2]);
    // an id of an organisation with no agreements: empty, looked up (it is an id), not asked again
    expect(await total('party: "org-chaoyang-stib"')).toEqual([0, 2]);
    // an id of another kind, an unknown name: looked up, nothing found, no second asking
    expect((await total('party: "person-nie-zuoren"'))[0]).toBe(0);
    expect((await total('party: "无此单位"'))[0]).toBe(0);
    expect((await total('attendee: "吴小杰", region: "朝阳区"'))[0]).toBe(2);
    const people = await gql<{ people: { totalCount: number } }>(
      '{ people(organisation: "北工大") { totalCount } }',
    );
    expect(people.data?.people.totalCount).toBeGreaterThan(1);
    const source = 'src-bjut-news-2023-12-22';
    await importRecords(db, [
      {
        type: 'organisation',
        id: 'org-twin-a',
        name: '甲',
        aliases: ['同名单位'],
        sources: [source],
      },
      {
        type: 'organisation',
        id: 'org-twin-b',
        name: '乙',
        aliases: ['同名单位'],
        sources: [source],
      },
    ] as Rec[]);
    const ambiguous = await gql('{ agreements(party: "同名单位") { totalCount } }');
    expect(ambiguous.data).toBeNull();
    expect(ambiguous.errors?.[0]).toMatchObject({
      message:
        'party: "同名单位" names 2 organisations: org-twin-a (甲), org-twin-b (乙); use an id',
      extensions: { code: 'AMBIGUOUS_NAME', argument: 'party' },
    });
  });

  it('a list reads its page and its count in one query, whichever is asked', async () => {
    const count = await gql<{ agreements: { totalCount: number } }>(
      '{ agreements(party: "org-bjut") { totalCount } }',
    );
    expect(count.data?.agreements.totalCount).toBe(2);
    // the list query, which finds the party by id itself
    expect(count.extensions?.roundTrips).toBe(1);
    const page = await gql('{ organisations(first: 5) { nodes { id } pageInfo { hasNextPage } } }');
    expect(page.extensions?.roundTrips).toBe(1);
    const both = await gql(
      '{ organisations(first: 5) { totalCount edges { cursor } nodes { id } } }',
    );
    expect(both.extensions?.roundTrips).toBe(1);
  });
});

describe('importRecords mutation', () => {
  it('validates and writes records, returning the same summary as the CLI', async () => {
    const before = await graphCounts(db);
    const bad = await gql(
      `mutation ($r: [JSON!]!) { importRecords(records: $r) { ok errorCount errors { line field message } } }`,
      {
        r: [{ type: 'person', id: 'p-new', name: '新人' }],
      },
    );
    expect(bad.data).toEqual({
      importRecords: {
        ok: false,
        errorCount: 1,
        errors: [{ line: 1, field: 'sources', message: 'is required' }],
      },
    });
    expect(await graphCounts(db)).toEqual(before);
    const good = await gql(
      `mutation ($r: [JSON!]!) { importRecords(records: $r) { ok records nodes } }`,
      {
        r: [{ type: 'person', id: 'p-new', name: '新人', sources: ['src-bjut-news-2023-12-22'] }],
      },
    );
    expect(good.data).toEqual({
      importRecords: {
        ok: true,
        records: 1,
        nodes: { person: { created: 1, updated: 0, unchanged: 0 } },
      },
    });
    const many = await gql(`mutation ($r: [JSON!]!) { importRecords(records: $r) { ok } }`, {
      r: Array.from({ length: 1001 }, () => ({})),
    });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
