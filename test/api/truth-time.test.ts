/**
 * Who held a title on a date, as the sources state it (issue 13 items 1 and 3): roles stated
 * on dates by several sources, loaded in different orders, and dates without a year or that
 * do not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { graphExportOptions, loadGraph } from '../../src/export/graph.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { apiClient } from '../support/api.ts';
import { freshDatabase, graphCounts, resetGraph } from '../support/db.ts';
import { importRecords, type Rec, writeFile } from '../support/records.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;
beforeAll(async () => {
  db = await freshDatabase();
  gql = apiClient(db);
});
afterAll(() => db.close());

const SECRETARY = '市委书记';
const at = (source: string): Rec => ({ sources: [source] });
/** Source A states 张三 as 市委书记 on 2019-05-10. */
const fileA: Rec[] = [
  { type: 'source', id: 'src-a', name: '甲报道', publishedOn: '2019-05-11' },
  { type: 'organisation', id: 'org-city', name: '某市委', ...at('src-a') },
  { type: 'person', id: 'p-zhang', name: '张三', ...at('src-a') },
  {
    type: 'role',
    id: 'role-zhang',
    person: 'p-zhang',
    organisation: 'org-city',
    title: SECRETARY,
    titleEn: 'Party Secretary',
    statedOn: '2019-05-10',
    ...at('src-a'),
  },
];
/** Source B states 李四 in the same title on 2022-03-02, and 张三 on 2020-01-15. */
const fileB: Rec[] = [
  { type: 'source', id: 'src-b', name: '乙报道', publishedOn: '2022-03-03' },
  { type: 'organisation', id: 'org-city', name: '某市委', ...at('src-b') },
  { type: 'person', id: 'p-zhang', name: '张三', ...at('src-b') },
  { type: 'person', id: 'p-li', name: '李四', ...at('src-b') },
  {
    type: 'role',
    id: 'role-zhang',
    person: 'p-zhang',
    organisation: 'org-city',
    title: SECRETARY,
    statedOn: ['2020-01-15'],
    ...at('src-b'),
  },
  {
    type: 'role',
    id: 'role-li',
    person: 'p-li',
    organisation: 'org-city',
    title: SECRETARY,
    statedOn: '2022-03-02',
    ...at('src-b'),
  },
];

/** Every answer the asOf rule gives on this graph, as one value to compare across orders. */
async function answers() {
  const dates = ['1990-01-01', '2019', '2019-05-10', '2019-12-01', '2021-01-01', '2022-03'];
  const out: Record<string, unknown> = {};
  for (const asOf of dates) {
    const result = await gql<Record<string, unknown>>(
      `query ($asOf: Date!) {
        organisation(id: "org-city") {
          roles(asOf: $asOf) { person { name } }
          holders(asOf: $asOf) { basis role { person { name } } }
        }
        person(id: "p-zhang") { roles(asOf: $asOf) { id } }
        people(organisation: "org-city", title: "${SECRETARY}", asOf: $asOf) { totalCount nodes { name } }
      }`,
      { asOf },
    );
    expect(result.errors).toBeUndefined();
    out[asOf] = result.data;
  }
  const all = await gql(
    `{ role(id: "role-zhang") { statedOn sources { id } } organisation(id: "org-city") { roles { id } }
       timeline(of: "org-city") { date kind entity { id } } }`,
  );
  out.all = all.data;
  return out;
}

describe('who held a title on a date', () => {
  it('answers only what a source states, whatever order the sources come in', async () => {
    await resetGraph(db);
    expect((await importRecords(db, fileA)).ok).toBe(true);
    expect((await importRecords(db, fileB)).ok).toBe(true);
    const ab = await answers();

    const holders = (asOf: string) =>
      (
        ab[asOf] as {
          organisation: { holders: { basis: string; role: { person: { name: string } } }[] };
        }
      ).organisation.holders.map((h) => `${h.basis} ${h.role.person.name}`);
    const people = (asOf: string) =>
      (ab[asOf] as { people: { nodes: { name: string }[] } }).people.nodes.map((p) => p.name);
    // On the day a source states 张三, 张三 alone; long before anyone is stated, nobody.
    expect(people('2019-05-10')).toEqual(['张三']);
    expect(holders('2019-05-10')).toEqual(['STATED_ON 张三']);
    expect(people('1990-01-01')).toEqual([]);
    expect(holders('1990-01-01')).toEqual(['NEXT_AFTER 张三']);
    // A year covers its days; between two statements of one role, the interval they span.
    expect(holders('2019')).toEqual(['STATED_ON 张三']);
    expect(holders('2019-12-01')).toEqual(['STATED_INTERVAL 张三']);
    // Between 张三's last statement and 李四's first: no holder, the neighbours marked as such.
    expect(people('2021-01-01')).toEqual([]);
    expect(holders('2021-01-01')).toEqual(['LAST_BEFORE 张三', 'NEXT_AFTER 李四']);
    expect(people('2022-03')).toEqual(['李四']);
    expect(ab.all).toEqual({
      role: { statedOn: ['2019-05-10', '2020-01-15'], sources: [{ id: 'src-a' }, { id: 'src-b' }] },
      organisation: { roles: [{ id: 'role-li' }, { id: 'role-zhang' }] },
      // Every date a source states a role on is a fact of the timeline.
      timeline: [
        { date: '2019-05-10', kind: 'ROLE_STATED', entity: { id: 'role-zhang' } },
        { date: '2020-01-15', kind: 'ROLE_STATED', entity: { id: 'role-zhang' } },
        { date: '2022-03-02', kind: 'ROLE_STATED', entity: { id: 'role-li' } },
      ],
    });

    // A again: nothing changes, and the import says so.
    const again = await importRecords(db, fileA);
    const unchanged = (summary: typeof again) =>
      [...Object.values(summary.nodes), ...Object.values(summary.relationships)].every(
        (c) => c.created === 0 && c.updated === 0 && c.unchanged > 0,
      );
    expect(unchanged(again)).toBe(true);
    expect(await answers()).toEqual(ab);

    // B then A: the same answers (sources listed in the order they came).
    await resetGraph(db);
    await importRecords(db, fileB);
    await importRecords(db, fileA);
    const ba = await answers();
    const sorted = (a: Record<string, unknown>) =>
      JSON.stringify(a).replace(
        '[{"id":"src-b"},{"id":"src-a"}]',
        '[{"id":"src-a"},{"id":"src-b"}]',
      );
    expect(sorted(ba)).toEqual(JSON.stringify(ab));
    expect(unchanged(await importRecords(db, fileB))).toBe(true);
    expect(unchanged(await importRecords(db, fileA))).toBe(true);
  });

  it('exports as of a date by the same rule, for the whole graph and a neighbourhood', async () => {
    // The graph of the test above: 张三 stated 2019-05-10 and 2020-01-15, 李四 2022-03-02.
    const roles = async (options: { seeds?: string[]; depth?: number; asOf: string }) => {
      const graph = await loadGraph(db, graphExportOptions(options));
      const ids: string[] = [];
      for await (const node of graph.nodes()) if (node.kind === 'role') ids.push(node.id);
      // A role shown comes with its two relationships (HOLDS, AT), a role hidden with none.
      for await (const edge of graph.edges()) {
        const role = [edge.source, edge.target].find((id) => id.startsWith('role-'));
        if (role) ids.push(`${edge.type} ${role}`);
      }
      return ids.sort();
    };
    for (const seeds of [undefined, ['org-city']]) {
      const depth = seeds && 2;
      expect(await roles({ seeds, depth, asOf: '2019-05-10' })).toEqual([
        'AT role-zhang',
        'HOLDS role-zhang',
        'role-zhang',
      ]);
      expect(await roles({ seeds, depth, asOf: '2021-01-01' })).toEqual([]);
      expect(await roles({ seeds, depth, asOf: '2022' })).toEqual([
        'AT role-li',
        'HOLDS role-li',
        'role-li',
      ]);
    }
  });

  it('matches titles as names match: traditional, full-width, any case', async () => {
    // The graph of the test above, A then B: 市委书记 in the source's words, Party Secretary.
    for (const title of [
      '市委書記',
      '市委书记',
      'party secretary',
      'ＰＡＲＴＹ　ＳＥＣＲＥＴＡＲＹ',
    ]) {
      const result = await gql(
        `query ($title: String!) {
          people(organisation: "某市委", title: $title, asOf: "2019-05-10") { nodes { name } }
          organisation(id: "org-city") { holders(asOf: "2019-05", title: $title) { role { id } } }
        }`,
        { title },
      );
      expect(result.data).toEqual({
        people: { nodes: [{ name: '张三' }] },
        organisation: { holders: [{ role: { id: 'role-zhang' } }] },
      });
    }
    const other = await gql(`{ people(title: "市长") { totalCount } }`);
    expect(other.data).toEqual({ people: { totalCount: 0 } });
  });

  it('reads statedOn in CSV as a list of dates separated by ;', async () => {
    await resetGraph(db);
    await importRecords(
      db,
      fileA.filter((r) => r.type !== 'role'),
    );
    const csv = writeFile(
      'role.csv',
      `id,person,organisation,title,statedOn,sources\nrole-zhang,p-zhang,org-city,${SECRETARY},2020-01-15;2019-05-10,src-a\n`,
    );
    const summary = await runImport(db, [fileInput(csv)]);
    expect(summary.errors).toEqual([]);
    const result = await gql(`{ role(id: "role-zhang") { statedOn } }`);
    expect(result.data).toEqual({ role: { statedOn: ['2019-05-10', '2020-01-15'] } });
  });

  it("updateEntity sets a role's statedOn as a sorted list, also from one date", async () => {
    const set = async (statedOn: unknown) =>
      gql(
        `mutation ($set: JSON!) { updateEntity(id: "role-zhang", set: $set, source: "src-a") {
          ... on Role { statedOn } } }`,
        { set: { statedOn } },
      );
    expect((await set('2021-01-01')).data).toEqual({ updateEntity: { statedOn: ['2021-01-01'] } });
    expect((await set(['2021-02-01', '--10-14', '2020'])).data).toEqual({
      updateEntity: { statedOn: ['2020', '2021-02-01', '--10-14'] },
    });
    expect((await set('2021-02-30')).errors?.[0]?.message).toMatch(/statedOn: is not a day/);
  });

  it('merging two roles unites their stated dates', async () => {
    await importRecords(db, [
      {
        type: 'role',
        id: 'role-zhang-dup',
        person: 'p-zhang',
        organisation: 'org-city',
        title: SECRETARY,
        statedOn: '2018-07-01',
        ...at('src-a'),
      },
    ]);
    const merged = await gql(
      `mutation { mergeEntities(keep: "role-zhang", duplicates: ["role-zhang-dup"]) {
        ... on Role { statedOn } } }`,
    );
    expect(merged.data).toEqual({
      mergeEntities: { statedOn: ['2018-07-01', '2020', '2021-02-01', '--10-14'] },
    });
  });

  it('lists a role without dates without asOf, never with it', async () => {
    await resetGraph(db);
    const undated = fileA.map((r) => (r.type === 'role' ? { ...r, statedOn: undefined } : r));
    await importRecords(db, undated);
    const result = await gql(`{ organisation(id: "org-city") {
      all: roles { id } onDay: roles(asOf: "2019-05-10") { id } holders(asOf: "2019") { basis } } }`);
    expect(result.data).toEqual({
      organisation: { all: [{ id: 'role-zhang' }], onDay: [], holders: [] },
    });
  });

  it('refuses an asOf or range bound without a year, naming the argument', async () => {
    for (const query of [
      `{ organisation(id: "org-city") { roles(asOf: "--10-14") { id } } }`,
      `{ people(asOf: "--10-14") { totalCount } }`,
      `{ neighbourhood(ids: ["org-city"], asOf: "--10-14") { truncated } }`,
      `{ agreements(to: "--10-14") { totalCount } }`,
      `{ timeline(from: "--10-14") { date } }`,
    ]) {
      const result = await gql(query);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0]?.message).toMatch(/^(asOf|from|to): "--10-14" has no year/);
    }
  });
});

describe('dates without a year, and dates that do not exist', () => {
  const base: Rec[] = [
    { type: 'source', id: 'src-a', name: '甲报道' },
    { type: 'organisation', id: 'o1', name: '甲大学', ...at('src-a') },
    { type: 'organisation', id: 'o2', name: '乙公司', ...at('src-a') },
  ];
  const agreement = (id: string, signedOn: string): Rec => ({
    type: 'agreement',
    id,
    name: `协议${id}`,
    parties: ['o1', 'o2'],
    signedOn,
    ...at('src-a'),
  });

  it('keeps 10月14日 as --10-14: stored, sorted after dated ones, in no date range', async () => {
    await resetGraph(db);
    const summary = await importRecords(db, [
      ...base,
      agreement('a-yearless', '--10-14'),
      agreement('a-dated', '2023-10-14'),
      agreement('a-leap', '--02-29'),
      { type: 'event', id: 'e-yearless', name: '签约仪式', date: '--10-14', ...at('src-a') },
    ]);
    expect(summary.errors).toEqual([]);
    const result = await gql<Record<string, { nodes: { id: string; signedOn: string }[] }>>(`{
      asc: agreements(orderBy: SIGNED_ON_ASC) { nodes { id signedOn } }
      desc: agreements(orderBy: SIGNED_ON_DESC) { nodes { id } }
      upTo: agreements(to: "2024") { nodes { id } }
      from: agreements(from: "2000") { nodes { id } }
      ranged: timeline(to: "2030") { date }
      all: timeline { date }
      event(id: "e-yearless") { date }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      asc: {
        nodes: [
          { id: 'a-dated', signedOn: '2023-10-14' },
          { id: 'a-leap', signedOn: '--02-29' },
          { id: 'a-yearless', signedOn: '--10-14' },
        ],
      },
      desc: { nodes: [{ id: 'a-dated' }, { id: 'a-yearless' }, { id: 'a-leap' }] },
      upTo: { nodes: [{ id: 'a-dated' }] },
      from: { nodes: [{ id: 'a-dated' }] },
      ranged: [{ date: '2023-10-14' }],
      all: [{ date: '2023-10-14' }, { date: '--02-29' }, { date: '--10-14' }, { date: '--10-14' }],
      event: { date: '--10-14' },
    });
  });

  it('refuses days that do not exist in a file, naming line and field, and writes nothing', async () => {
    await resetGraph(db);
    const summary = await importRecords(db, [
      ...base,
      agreement('a1', '2023-02-30'),
      agreement('a2', '--02-30'),
      agreement('a3', '2023-02-29'),
      agreement('a4', '2024-02-29'),
      { type: 'person', id: 'p-wang', name: '王五', ...at('src-a') },
      {
        type: 'role',
        id: 'r1',
        person: 'p-wang',
        organisation: 'o1',
        title: '校长',
        statedOn: ['2023-04-31'],
        ...at('src-a'),
      },
      {
        type: 'role',
        id: 'r2',
        person: 'p-wang',
        organisation: 'o1',
        title: '校长',
        since: '--10-14',
        ...at('src-a'),
      },
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '4 signedOn: is not a day that exists (a month has at most 28, 29, 30 or 31 days)',
      '5 signedOn: is not a day that exists (a month has at most 28, 29, 30 or 31 days)',
      '6 signedOn: is not a day that exists (a month has at most 28, 29, 30 or 31 days)',
      '9 statedOn[0]: is not a day that exists (a month has at most 28, 29, 30 or 31 days)',
      '10 since: needs a year: a role held since --MM-DD is held when?',
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses them in the API: the Date scalar and recordAgreement', async () => {
    await resetGraph(db);
    await importRecords(db, base);
    const scalar = await gql(`{ agreements(from: "2023-02-30") { totalCount } }`);
    expect(scalar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(scalar.errors?.[0]?.message).toMatch(/"2023-02-30" is not a date/);
    const yearless = await gql(`{ agreements(to: "--02-30") { totalCount } }`);
    expect(yearless.errors?.[0]?.message).toMatch(/"--02-30" is not a date/);
    const recorded = await gql(`mutation ($a: JSON!) { recordAgreement(agreement: $a) { id } }`, {
      a: { ...agreement('a-bad', '2023-02-30'), type: undefined },
    });
    expect(recorded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(recorded.errors?.[0]?.message).toMatch(/^agreement\.signedOn: is not a day that exists/);
    expect(recorded.errors?.[0]?.extensions?.argument).toBe('agreement');
    const stored = await gql(`{ agreement(id: "a-bad") { id } }`);
    expect(stored.data).toEqual({ agreement: null });
  });
});
