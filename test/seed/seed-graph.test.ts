/**
 * The seeded graph against its article (BJUT news, 2023-12-22): what the article states, and
 * nothing it does not. Every check queries Neo4j after `seed(db)`, never the seed file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';

const SOURCE = 'src-bjut-news-2023-12-22';
const PARK = '中关村科技园区朝阳园管理委员会';
const STIB = '朝阳区科学技术和信息化局';
const BJUT = '北京工业大学';
const BE_GROUP = '北京控股集团有限公司';
const CPC_COMMITTEE = '中共北京市朝阳区委员会';
const GOVERNMENT = '北京市朝阳区人民政府';
const ZONE = '北工大山河湾谷创新区';
const PILOT = '北工大山河湾谷创新区先导区';
const AREAS = ['九龙山', '十里河/西直河', '百子湾', '欢乐谷'];

describe('the seeded graph states what the article states', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
    await seed(db);
  });
  afterAll(() => db.close());

  const agreements = (kind: string) => db.read(cypher('test/seed/agreements'), { kind });
  const related = async (name: string, type: string) =>
    (await db.read(cypher('test/seed/related'), { name, type })).map((r) => r.name);
  const named = (name: string) => db.read(cypher('test/seed/named'), { name });
  const namesOf = async (name: string) => (await named(name)).map((r) => r.name);

  it('has one strategic cooperation agreement, of the three parties in order, signed 2023-12-21 at the signing ceremony', async () => {
    const rows = await agreements('strategic-cooperation-agreement');
    expect(rows).toHaveLength(1);
    const [agreement] = rows as [(typeof rows)[number]];
    expect(agreement.parties).toEqual([
      { order: 0, name: PARK },
      { order: 1, name: BJUT },
      { order: 2, name: BE_GROUP },
    ]);
    expect(agreement.signedOn).toBe('2023-12-21');
    expect(agreement.signedAt).toEqual([
      { name: '签约仪式', kind: 'signing-ceremony', date: '2023-12-21' },
    ]);
  });

  it('has one pilot-zone contract between BJUT and BE Group, concerning the pilot zone', async () => {
    const rows = await agreements('contract');
    expect(rows).toHaveLength(1);
    const [contract] = rows as [(typeof rows)[number]];
    expect(contract.parties).toEqual([
      { order: 0, name: BJUT },
      { order: 1, name: BE_GROUP },
    ]);
    expect(contract.signedOn).toBe('2023-12-21');
    expect(contract.concerns).toEqual([{ name: PILOT, aliases: ['先导区'] }]);
  });

  it('lists every attendee of the signing ceremony in order, with every title the article gives', async () => {
    const rows = await db.read(cypher('test/seed/attendees'), { kind: 'signing-ceremony' });
    expect(new Set(rows.map((r) => r.event))).toEqual(new Set(['event-signing-2023-12-21']));
    // 朝阳园管委会(区科信局)主任: one office under both of the body's names.
    expect(rows.map(({ order, person, titles }) => ({ order, person, titles }))).toEqual([
      { order: 0, person: '姜泽廷', titles: [['党委书记', BJUT]] },
      {
        order: 1,
        person: '聂祚仁',
        titles: [
          ['党委副书记', BJUT],
          ['校长', BJUT],
        ],
      },
      {
        order: 2,
        person: '乔俊飞',
        titles: [
          ['党委常委', BJUT],
          ['副校长', BJUT],
        ],
      },
      {
        order: 3,
        person: '陈树君',
        titles: [
          ['党委常委', BJUT],
          ['副校长', BJUT],
        ],
      },
      {
        order: 4,
        person: '吴小杰',
        titles: [
          ['区委副书记', CPC_COMMITTEE],
          ['区长', GOVERNMENT],
        ],
      },
      {
        order: 5,
        person: '杨洪福',
        titles: [
          ['主任', PARK],
          ['主任', STIB],
        ],
      },
      {
        order: 6,
        person: '朱国栋',
        titles: [
          ['党委副书记', BE_GROUP],
          ['董事', BE_GROUP],
          ['总经理', BE_GROUP],
        ],
      },
      {
        order: 7,
        person: '姜新浩',
        titles: [
          ['党委委员', BE_GROUP],
          ['副总经理', BE_GROUP],
        ],
      },
      {
        order: 8,
        person: '王剑',
        titles: [
          ['党委常委', BE_GROUP],
          ['副总经理', BE_GROUP],
        ],
      },
    ]);
  });

  it('invents no signatory, witness or host', async () => {
    const rows = await db.read(cypher('test/seed/relationship-counts'), {
      types: ['SIGNED', 'WITNESSED', 'HOSTED', 'ATTENDED'],
    });
    // ATTENDED is the control: the query does count relationships that exist.
    expect(Object.fromEntries(rows.map((r) => [r.type, r.count]))).toEqual({
      SIGNED: 0,
      WITNESSED: 0,
      HOSTED: 0,
      ATTENDED: 9,
    });
  });

  it('places the innovation zone in the four areas of Chaoyang, in Beijing', async () => {
    expect(await related('朝阳区', 'PART_OF')).toEqual(['北京']);
    for (const area of AREAS) {
      expect({ area, partOf: await related(area, 'PART_OF') }).toEqual({
        area,
        partOf: ['朝阳区'],
      });
    }
    // The campus is the zone's core (以北京工业大学平乐园校区为核心); the areas are where it reaches.
    expect(await related(ZONE, 'LOCATED_IN')).toEqual(['平乐园校区', ...AREAS].sort());
  });

  it('makes the pilot zone part of the innovation zone, with its four directions', async () => {
    expect(await related(PILOT, 'PART_OF')).toEqual([ZONE]);
    const pilots = await named('先导区');
    expect(pilots.map(({ name, kinds }) => ({ name, kinds }))).toEqual([
      { name: PILOT, kinds: ['Initiative'] },
    ]);
    expect(pilots[0]?.focus).toEqual([
      '人工智能前沿技术',
      '智能机器人与智能装备',
      '人工智能+医工交叉',
      '新一代信息技术',
    ]);
  });

  it('knows the short names, the parent of 焦奥中心 and the second name of the park committee', async () => {
    expect(await namesOf('北工大')).toEqual([BJUT]);
    expect(await namesOf('BJUT')).toEqual([BJUT]);
    expect(await namesOf('北控集团')).toEqual([BE_GROUP]);
    expect(await related('焦奥中心', 'PART_OF')).toEqual([BE_GROUP]);
    expect(await namesOf('区科信局')).toEqual([STIB]);
    expect(await related(STIB, 'SAME_AS')).toEqual([PARK]);
  });

  it('cites the article for every entity and relationship, and credits its staff', async () => {
    const [provenance] = await db.read(cypher('test/seed/provenance'));
    const counts = await graphCounts(db);
    expect(provenance).toEqual({
      // Every node and every relationship of the graph is checked.
      nodes: counts.nodes,
      relationships: counts.relationships,
      badNodes: [],
      badRelationships: [],
      cited: [SOURCE],
      sourceIds: [SOURCE],
    });
    expect(counts.nodes).toBeGreaterThan(0);

    const byPerson = (a: { person: string }, b: { person: string }) =>
      a.person < b.person ? -1 : a.person > b.person ? 1 : 0;
    const sources = await db.read(cypher('test/seed/source'), { id: SOURCE });
    expect(sources).toHaveLength(1);
    const [source] = sources as [(typeof sources)[number]];
    expect(source.publishedOn).toBe('2023-12-22');
    expect([...(source.credits as { person: string }[])].sort(byPerson)).toEqual(
      [
        { person: '刘晓迟', roles: ['photography'] },
        { person: '刘东昆', roles: ['photography'] },
        { person: '刘潇', roles: ['editing'] },
        { person: '余乙兵', roles: ['review'] },
      ].sort(byPerson),
    );
  });
});
