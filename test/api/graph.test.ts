/**
 * The graph questions (connections, neighbourhood, timeline) against the seeded graph, through
 * the real app. Every count below was read off data/seed/bjut-2023-12-22.ndjson by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import type { EntityNode } from '../../src/graph/entity.ts';
import { pathText, relationshipLabel, type Step } from '../../src/graph/paths.ts';
import { RELATIONSHIP_TYPES } from '../../src/model/relationships.ts';
import { type apiClient, seededApi } from '../support/api.ts';
import { importRecords, org, person, type Rec, SRC, source } from '../support/records.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;

beforeAll(async () => {
  ({ db, gql } = await seededApi());
});
afterAll(() => db.close());

const WU = 'person-wu-xiaojie';
const ZHU = 'person-zhu-guodong';
const NIE = 'person-nie-zuoren';
const BJUT = 'org-bjut';
const BE_GROUP = 'org-bei-group';
const SIGNING = 'event-signing-2023-12-21';
const STRATEGIC = 'agreement-strategic-2023-12-21';
const PILOT = 'agreement-pilot-contract-2023-12-21';

/** The BJUT roles of the seed: seven, held by four people. */
const BJUT_ROLES = [
  'role-chen-shujun-bjut-party-standing-committee-member',
  'role-chen-shujun-bjut-vice-president',
  'role-jiang-zeting-bjut-party-secretary',
  'role-nie-zuoren-bjut-deputy-party-secretary',
  'role-nie-zuoren-bjut-president',
  'role-qiao-junfei-bjut-party-standing-committee-member',
  'role-qiao-junfei-bjut-vice-president',
];
const BJUT_PEOPLE = [
  'person-chen-shujun',
  'person-jiang-zeting',
  'person-nie-zuoren',
  'person-qiao-junfei',
];
const CHAOYANG_AREAS = [
  'region-baiziwan',
  'region-bjut-pingleyuan-campus',
  'region-huanlegu',
  'region-jiulongshan',
  'region-shilihe-xizhihe',
];
const CHAOYANG_ORGS = [
  'org-chaoyang-cpc-committee',
  'org-chaoyang-government',
  'org-chaoyang-stib',
  'org-zgc-chaoyang-park',
];

const codes = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.map((e) => e.extensions?.code);
const sorted = (values: string[]) => [...values].sort();

describe('connections', () => {
  const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int) {
    connections(from: $from, to: $to, maxHops: $maxHops) {
      length text nodes { __typename id name }
      steps { from { id } to { id } type label direction }
    }
  }`;
  type PathRow = {
    length: number;
    text: string;
    nodes: { __typename: string; id: string; name: string }[];
    steps: { from: { id: string }; to: { id: string }; type: string; label: string }[];
  };
  const paths = async (from: string, to: string, maxHops?: number) => {
    const result = await gql<{ connections: PathRow[] }>(PATHS, { from, to, maxHops });
    expect(result.errors).toBeUndefined();
    return result.data?.connections ?? [];
  };

  it('吴小杰 and 朱国栋 are two steps apart, through the signing ceremony they both attended', async () => {
    const result = await paths(WU, ZHU);
    expect(result).toEqual([
      {
        length: 2,
        text: '吴小杰 —attended→ 签约仪式 ←attended— 朱国栋',
        nodes: [
          { __typename: 'Person', id: WU, name: '吴小杰' },
          { __typename: 'Event', id: SIGNING, name: '签约仪式' },
          { __typename: 'Person', id: ZHU, name: '朱国栋' },
        ],
        steps: [
          {
            from: { id: WU },
            to: { id: SIGNING },
            type: 'ATTENDED',
            label: 'attended',
            direction: 'FORWARD',
          },
          {
            from: { id: SIGNING },
            to: { id: ZHU },
            type: 'ATTENDED',
            label: 'attended',
            direction: 'BACKWARD',
          },
        ],
      },
    ]);
  });

  it('聂祚仁 to 北京控股集团有限公司: both shortest paths, through the ceremony and each agreement signed there', async () => {
    const result = await paths(NIE, BE_GROUP);
    expect(result.map((p) => [p.length, p.text])).toEqual([
      [3, '聂祚仁 —attended→ 签约仪式 ←signed at— 先导区合同 ←party to— 北京控股集团有限公司'],
      [3, '聂祚仁 —attended→ 签约仪式 ←signed at— 战略合作协议 ←party to— 北京控股集团有限公司'],
    ]);
    expect(result[1]?.nodes.map((n) => n.id)).toEqual([NIE, SIGNING, STRATEGIC, BE_GROUP]);
  });

  it('a person holding a role at an organisation reads as the title, both ways along the path', async () => {
    expect((await paths(NIE, BJUT)).map((p) => p.text)).toEqual([
      '聂祚仁 —党委副书记 of→ 北京工业大学',
      '聂祚仁 —校长 of→ 北京工业大学',
    ]);
    const back = await paths(BE_GROUP, ZHU);
    expect(back.map((p) => p.text)).toEqual([
      '北京控股集团有限公司 ←董事 of— 朱国栋',
      '北京控股集团有限公司 ←党委副书记 of— 朱国栋',
      '北京控股集团有限公司 ←总经理 of— 朱国栋',
    ]);
    // The role is still a node and its relationships still steps.
    expect(back[0]?.nodes.map((n) => n.__typename)).toEqual(['Organisation', 'Role', 'Person']);
    expect(back[0]?.steps.map((s) => s.type)).toEqual(['AT', 'HOLDS']);
  });

  it('reads a person—role—organisation—agreement—organisation path like the example', () => {
    const node = (kind: EntityNode['kind'], id: string, props: Rec) =>
      ({ kind, id, ...props }) as EntityNode;
    const nodes = [
      node('person', NIE, { name: '聂祚仁' }),
      node('role', 'role-nie-zuoren-bjut-president', { title: '校长' }),
      node('organisation', BJUT, { name: '北京工业大学' }),
      node('agreement', STRATEGIC, { name: '战略合作协议' }),
      node('organisation', BE_GROUP, { name: '北京控股集团有限公司' }),
    ];
    const step = (i: number, type: string, direction: Step['direction']): Step => ({
      from: nodes[i] as EntityNode,
      to: nodes[i + 1] as EntityNode,
      type,
      label: relationshipLabel(type),
      direction,
    });
    const steps = [
      step(0, 'HOLDS', 'FORWARD'),
      step(1, 'AT', 'FORWARD'),
      step(2, 'PARTY_TO', 'FORWARD'),
      step(3, 'PARTY_TO', 'BACKWARD'),
    ];
    expect(pathText(nodes, steps)).toBe(
      '聂祚仁 —校长 of→ 北京工业大学 —party to→ 战略合作协议 ←party to— 北京控股集团有限公司',
    );
    // Without the organisation after it, a role is not collapsed.
    expect(pathText(nodes.slice(0, 2), steps.slice(0, 1))).toBe('聂祚仁 —holds→ 校长');
  });

  it('maxHops bounds the length: no path when the entities are further apart', async () => {
    expect(await paths(NIE, BE_GROUP, 2)).toEqual([]);
    expect((await paths(NIE, BE_GROUP, 3)).length).toBe(2);
  });

  it('maxHops over 6, or under 1, is BAD_USER_INPUT', async () => {
    const over = await gql(PATHS, { from: WU, to: ZHU, maxHops: 7 });
    expect(codes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors?.[0]?.message).toBe('maxHops must be between 1 and 6, got 7');
    expect(codes(await gql(PATHS, { from: WU, to: ZHU, maxHops: 0 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('an unknown id gives no paths; an entity reaches itself in zero steps', async () => {
    expect(await paths('no-such-id', ZHU)).toEqual([]);
    expect(await paths(WU, 'no-such-id')).toEqual([]);
    expect(await paths(WU, WU)).toEqual([
      {
        length: 0,
        text: '吴小杰',
        nodes: [{ __typename: 'Person', id: WU, name: '吴小杰' }],
        steps: [],
      },
    ]);
  });
});

describe('neighbourhood', () => {
  const GRAPH = `query ($ids: [ID!]!, $depth: Int, $relationTypes: [String!], $asOf: Date) {
    neighbourhood(ids: $ids, depth: $depth, relationTypes: $relationTypes, asOf: $asOf) {
      nodes { id kind label properties }
      edges { id source target type properties }
      truncated
    }
  }`;
  type GraphRow = {
    nodes: { id: string; kind: string; label: string; properties: Rec }[];
    edges: { id: string; source: string; target: string; type: string; properties: Rec }[];
    truncated: boolean;
  };
  const graph = async (variables: Rec) => {
    const result = await gql<{ neighbourhood: GraphRow }>(GRAPH, variables);
    expect(result.errors).toBeUndefined();
    return result.data?.neighbourhood as GraphRow;
  };
  const nodeIds = (g: GraphRow) => sorted(g.nodes.map((n) => n.id));
  const edgeIds = (g: GraphRow) => sorted(g.edges.map((e) => e.id));

  const DEPTH_1_NODES = sorted([BJUT, 'region-chaoyang', STRATEGIC, PILOT, ...BJUT_ROLES]);
  const DEPTH_1_EDGES = sorted([
    `${BJUT}|LOCATED_IN|region-chaoyang`,
    `${BJUT}|PARTY_TO|${STRATEGIC}`,
    `${BJUT}|PARTY_TO|${PILOT}`,
    ...BJUT_ROLES.map((r) => `${r}|AT|${BJUT}`),
  ]);

  it('depth 1 of BJUT: its region, its two agreements and its seven roles, one edge each', async () => {
    const g = await graph({ ids: [BJUT] });
    expect(nodeIds(g)).toEqual(DEPTH_1_NODES);
    expect(g.nodes).toHaveLength(11);
    expect(edgeIds(g)).toEqual(DEPTH_1_EDGES);
    expect(g.edges).toHaveLength(10);
    expect(g.truncated).toBe(false);

    // Visualisation shape: kind, label (a role's is its title), stored properties less the
    // internal ones, and edges pointing the way the relationship does.
    expect(g.nodes.find((n) => n.id === BJUT)).toEqual({
      id: BJUT,
      kind: 'ORGANISATION',
      label: '北京工业大学',
      properties: {
        id: BJUT,
        name: '北京工业大学',
        nameEn: 'Beijing University of Technology',
        aliases: ['北工大', 'BJUT'],
        kind: 'university',
        sources: ['src-bjut-news-2023-12-22'],
      },
    });
    expect(g.nodes.find((n) => n.id === 'role-nie-zuoren-bjut-president')).toMatchObject({
      kind: 'ROLE',
      label: '校长',
    });
    expect(g.edges.find((e) => e.type === 'PARTY_TO' && e.target === STRATEGIC)).toEqual({
      id: `${BJUT}|PARTY_TO|${STRATEGIC}`,
      source: BJUT,
      target: STRATEGIC,
      type: 'PARTY_TO',
      properties: { order: 1, sources: ['src-bjut-news-2023-12-22'] },
    });
  });

  it('depth 2 of BJUT: 29 nodes and 47 edges, containing depth 1', async () => {
    const g = await graph({ ids: [BJUT], depth: 2 });
    expect(nodeIds(g)).toEqual(
      sorted([
        ...DEPTH_1_NODES,
        // around 朝阳区: its parent, its five areas, the four other organisations in it
        'region-beijing',
        ...CHAOYANG_AREAS,
        ...CHAOYANG_ORGS,
        // the holders of the roles
        ...BJUT_PEOPLE,
        // around the agreements: the other party, the ceremony, the two initiatives
        BE_GROUP,
        SIGNING,
        'initiative-shanhewangu',
        'initiative-shanhewangu-pilot',
      ]),
    );
    expect(g.nodes).toHaveLength(29);
    expect(g.edges).toHaveLength(47);
    expect(edgeIds(g)).toEqual(expect.arrayContaining(DEPTH_1_EDGES));
    // Edges between entities two steps out are there too: the holders attended the ceremony.
    expect(edgeIds(g)).toEqual(
      expect.arrayContaining([
        ...BJUT_PEOPLE.map((p) => `${p}|ATTENDED|${SIGNING}`),
        `org-chaoyang-stib|SAME_AS|org-zgc-chaoyang-park`,
        `${BE_GROUP}|LOCATED_IN|region-beijing`,
        `initiative-shanhewangu-pilot|PART_OF|initiative-shanhewangu`,
      ]),
    );
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
  });

  it('depth 0: the entities themselves and the relationships between them', async () => {
    const g = await graph({ ids: [BJUT, PILOT, 'no-such-id'], depth: 0 });
    expect(nodeIds(g)).toEqual([PILOT, BJUT]);
    expect(edgeIds(g)).toEqual([`${BJUT}|PARTY_TO|${PILOT}`]);
  });

  it('relationTypes: only PARTY_TO, to depth 3, gives the agreements and all their parties', async () => {
    const g = await graph({ ids: [BJUT], depth: 3, relationTypes: ['PARTY_TO'] });
    expect(nodeIds(g)).toEqual(sorted([BJUT, STRATEGIC, PILOT, BE_GROUP, 'org-zgc-chaoyang-park']));
    expect(edgeIds(g)).toEqual(
      sorted([
        `${BJUT}|PARTY_TO|${STRATEGIC}`,
        `${BJUT}|PARTY_TO|${PILOT}`,
        `${BE_GROUP}|PARTY_TO|${STRATEGIC}`,
        `${BE_GROUP}|PARTY_TO|${PILOT}`,
        `org-zgc-chaoyang-park|PARTY_TO|${STRATEGIC}`,
      ]),
    );
  });

  it("relationTypes lists the types relationTypes takes, in words (the explorer's filter)", async () => {
    const result = await gql('{ relationTypes { type label } }');
    const types = (result.data as { relationTypes: { type: string; label: string }[] })
      .relationTypes;
    expect(types.map((t) => t.type)).toEqual(RELATIONSHIP_TYPES);
    expect(types).toContainEqual({ type: 'PARTY_TO', label: 'party to' });
    expect(types).toContainEqual({ type: 'CREDITED', label: 'credited in' });
  });

  it('an unknown relationship type is BAD_USER_INPUT naming the valid ones', async () => {
    const result = await gql(GRAPH, { ids: [BJUT], relationTypes: ['PARTY_TO', 'FRIENDS_WITH'] });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe(
      'relationTypes: unknown type FRIENDS_WITH; the types are ACTED, AT, ATTENDED, CONCERNS, ' +
        'CREDITED, HOLDS, HOSTED, LOCATED_IN, PARTY_TO, PART_OF, SAME_AS, SIGNED, SIGNED_AT, WITNESSED',
    );
    expect(RELATIONSHIP_TYPES).toHaveLength(14);
  });

  it('asOf 2023-12-20 hides the agreements signed and the ceremony held on 2023-12-21', async () => {
    // The seed states its roles on 2023-12-21 only: the day before, they are hidden too.
    const d1 = await graph({ ids: [BJUT], asOf: '2023-12-20' });
    expect(nodeIds(d1)).toEqual(sorted([BJUT, 'region-chaoyang']));
    expect(d1.edges).toHaveLength(1);
    expect(d1.edges.filter((e) => e.type === 'PARTY_TO')).toEqual([]);

    const d2 = await graph({ ids: [BJUT], depth: 2, asOf: '2023-12-20' });
    expect(nodeIds(d2)).toEqual(
      sorted([BJUT, 'region-chaoyang', 'region-beijing', ...CHAOYANG_AREAS, ...CHAOYANG_ORGS]),
    );
    expect(d2.edges.filter((e) => ['ATTENDED', 'PARTY_TO', 'AT'].includes(e.type))).toEqual([]);

    // On the signing date they are back.
    expect((await graph({ ids: [BJUT], asOf: '2023-12-21' })).nodes).toHaveLength(11);
  });

  it('depth over 3, or more than 50 ids, is BAD_USER_INPUT', async () => {
    const deep = await gql(GRAPH, { ids: [BJUT], depth: 4 });
    expect(codes(deep)).toEqual(['BAD_USER_INPUT']);
    expect(deep.errors?.[0]?.message).toBe('depth must be between 0 and 3, got 4');
    const many = Array.from({ length: 51 }, (_, i) => `id-${i}`);
    expect(codes(await gql(GRAPH, { ids: many }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($of: ID, $from: Date, $to: Date, $first: Int) {
    timeline(of: $of, from: $from, to: $to, first: $first) {
      date kind summary entity { __typename id }
    }
  }`;
  type Entry = { date: string; kind: string; summary: string; entity: { id: string } };
  const entries = async (variables: Rec) => {
    const result = await gql<{ timeline: Entry[] }>(TIMELINE, variables);
    expect(result.errors).toBeUndefined();
    return result.data?.timeline ?? [];
  };
  const lines = (list: Entry[]) => list.map((e) => `${e.date} ${e.kind} ${e.summary}`);

  it('of BJUT: the ceremony, its two agreements and its seven roles as stated, all on 2023-12-21', async () => {
    expect(lines(await entries({ of: BJUT }))).toEqual([
      '2023-12-21 EVENT 签约仪式 held',
      '2023-12-21 AGREEMENT_SIGNED 先导区合同 signed',
      '2023-12-21 AGREEMENT_SIGNED 战略合作协议 signed',
      '2023-12-21 ROLE_STATED 陈树君 党委常委 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 陈树君 副校长 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 姜泽廷 党委书记 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 聂祚仁 党委副书记 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 聂祚仁 校长 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 乔俊飞 党委常委 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 乔俊飞 副校长 of 北京工业大学 (stated)',
    ]);
    const [first] = await entries({ of: BJUT, first: 1 });
    expect(first?.entity).toEqual({ __typename: 'Event', id: SIGNING });
  });

  it('of a person: the events they attended, what was signed there, their roles', async () => {
    expect(lines(await entries({ of: NIE }))).toEqual([
      '2023-12-21 EVENT 签约仪式 held',
      '2023-12-21 AGREEMENT_SIGNED 先导区合同 signed',
      '2023-12-21 AGREEMENT_SIGNED 战略合作协议 signed',
      '2023-12-21 ROLE_STATED 聂祚仁 党委副书记 of 北京工业大学 (stated)',
      '2023-12-21 ROLE_STATED 聂祚仁 校长 of 北京工业大学 (stated)',
    ]);
    expect(await entries({ of: 'no-such-id' })).toEqual([]);
  });

  it('of the whole graph: two events, two agreements, eighteen roles stated; from and to bound the dates', async () => {
    const all = await entries({});
    expect(all).toHaveLength(22);
    expect(lines(all.slice(0, 4))).toEqual([
      '2023-12-21 EVENT 签约仪式 held',
      '2023-12-21 EVENT 座谈会 held',
      '2023-12-21 AGREEMENT_SIGNED 先导区合同 signed',
      '2023-12-21 AGREEMENT_SIGNED 战略合作协议 signed',
    ]);
    expect(all.slice(4).every((e) => e.kind === 'ROLE_STATED')).toBe(true);
    expect(await entries({ from: '2023-12-21', to: '2023-12-21' })).toHaveLength(22);
    expect(await entries({ to: '2023-12' })).toHaveLength(22);
    expect(await entries({ from: '2023-12-22' })).toEqual([]);
    expect(await entries({ to: '2023-12-20' })).toEqual([]);
    expect(lines(await entries({ first: 2 }))).toEqual(lines(all.slice(0, 2)));
  });

  it('first over 1000 is BAD_USER_INPUT; so is from after to', async () => {
    const over = await gql(TIMELINE, { first: 1001 });
    expect(codes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors?.[0]?.message).toBe('first must be between 0 and 1000, got 1001');
    expect(codes(await gql(TIMELINE, { from: '2024', to: '2023' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('roles with start and end dates', () => {
  // An organisation apart from the seed graph: one role ended, one still held, an agreement later.
  beforeAll(async () => {
    const role = (id: string, title: string, extra: Rec): Rec => ({
      type: 'role',
      id,
      person: 'p-dean',
      organisation: 'o-college',
      title,
      sources: [SRC],
      ...extra,
    });
    const summary = await importRecords(db, [
      source(),
      org('o-college', '测试学院'),
      org('o-partner', '测试公司'),
      person('p-dean', '张三'),
      role('role-dean-old', '副院长', { since: '2010', until: '2015-06-30' }),
      role('role-dean-new', '院长', { since: '2016-01-01' }),
      {
        type: 'agreement',
        id: 'a-college',
        name: '合作备忘录',
        signedOn: '2024-03-01',
        parties: ['o-college', 'o-partner'],
        sources: [SRC],
      },
    ]);
    expect(summary.errors).toEqual([]);
  });

  it('the timeline has each start and end, in date order', async () => {
    const result = await gql<{ timeline: { date: string; kind: string; summary: string }[] }>(
      `{ timeline(of: "o-college") { date kind summary } }`,
    );
    expect(result.data?.timeline).toEqual([
      { date: '2010', kind: 'ROLE_STARTED', summary: '张三 副院长 of 测试学院 (started)' },
      { date: '2015-06-30', kind: 'ROLE_ENDED', summary: '张三 副院长 of 测试学院 (ended)' },
      { date: '2016-01-01', kind: 'ROLE_STARTED', summary: '张三 院长 of 测试学院 (started)' },
      { date: '2024-03-01', kind: 'AGREEMENT_SIGNED', summary: '合作备忘录 signed' },
    ]);
    const range = await gql<{ timeline: { date: string }[] }>(
      `{ timeline(from: "2015", to: "2016-06") { date } }`,
    );
    expect(range.data?.timeline).toEqual([{ date: '2015-06-30' }, { date: '2016-01-01' }]);
  });

  it('asOf shows only the roles held then, and no agreement signed later', async () => {
    const ids = async (asOf: string) => {
      const result = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
        `query ($asOf: Date) { neighbourhood(ids: ["o-college"], asOf: $asOf) { nodes { id } } }`,
        { asOf },
      );
      return sorted(result.data?.neighbourhood.nodes.map((n) => n.id) ?? []);
    };
    expect(await ids('2012-05-01')).toEqual(['o-college', 'role-dean-old']);
    // since 2016-01-01 and nothing after: the sources support that day, not an open end.
    expect(await ids('2016-01')).toEqual(['o-college', 'role-dean-new']);
    expect(await ids('2020-01-01')).toEqual(['o-college']);
    expect(await ids('2024-03-01')).toEqual(['a-college', 'o-college']);
  });
});

describe('the node cap', () => {
  it('stops at 2000 nodes and says the graph is truncated', async () => {
    const orgs = Array.from({ length: 2001 }, (_, i) =>
      org(`o-member-${String(i).padStart(4, '0')}`, `成员单位${i}`, { region: 'r-hub' }),
    );
    const summary = await importRecords(db, [
      source(),
      { type: 'region', id: 'r-hub', name: '测试区', sources: [SRC] },
      ...orgs,
    ]);
    expect(summary.ok).toBe(true);
    const result = await gql<{
      neighbourhood: { nodes: { id: string }[]; edges: { id: string }[]; truncated: boolean };
    }>(`{ neighbourhood(ids: ["r-hub"], depth: 2) { nodes { id } edges { id } truncated } }`);
    const g = result.data?.neighbourhood;
    expect(g?.truncated).toBe(true);
    expect(g?.nodes).toHaveLength(2000);
    expect(g?.edges).toHaveLength(1999);
    // The first 1999 members by id: the cap keeps the same nodes every time.
    expect(g?.nodes.map((n) => n.id).at(-1)).toBe('o-member-1998');

    const small = await gql<{ neighbourhood: { truncated: boolean } }>(
      `{ neighbourhood(ids: ["o-member-0000"]) { truncated } }`,
    );
    expect(small.data?.neighbourhood.truncated).toBe(false);
  });
});
