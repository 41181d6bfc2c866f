import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { type apiClient, seededApi } from '../support/api.ts';

/** The example operations linked from the README answer as the README says, on the seed. */
describe('docs/examples', () => {
  let db: Database;
  let gql: ReturnType<typeof apiClient>;
  const example = (name: string) => readFileSync(`docs/examples/${name}.graphql`, 'utf8');

  beforeAll(async () => {
    ({ db, gql } = await seededApi());
  });
  afterAll(() => db.close());

  it('every example runs without errors', async () => {
    const files = readdirSync('docs/examples').filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const result = await gql(readFileSync(`docs/examples/${file}`, 'utf8'));
      expect(result.errors, file).toBeUndefined();
    }
  });

  it('who attended the signing, in what roles', async () => {
    const { data } = await gql<{
      events: {
        entity: { attendees: { person: { name: string }; roles: { title: string }[] }[] };
      }[];
    }>(example('signing-attendees'));
    const attendees = data?.events[0]?.entity.attendees ?? [];
    expect(attendees.map((a) => a.person.name)).toEqual([
      '姜泽廷',
      '聂祚仁',
      '乔俊飞',
      '陈树君',
      '吴小杰',
      '杨洪福',
      '朱国栋',
      '姜新浩',
      '王剑',
    ]);
    expect(attendees[1]?.roles.map((r) => r.title)).toEqual(['党委副书记', '校长']);
  });

  it('who says what: every value of the seed agreements with the one source that states it', async () => {
    const { data } = await gql<{
      agreements: {
        nodes: {
          kind: string;
          claims: { field: string; value: unknown; sources: { name: string }[] }[];
          parties: { order: number; claims: { field: string; value: unknown }[] }[];
        }[];
      };
      unveiled: unknown[];
    }>(example('who-says-what'));
    const [first] = data?.agreements.nodes ?? [];
    expect(first?.claims).toContainEqual({
      field: 'kind',
      value: first?.kind,
      sources: [{ name: expect.stringContaining('北京工业大学') }],
    });
    for (const party of first?.parties ?? [])
      expect(party.claims).toEqual([
        { field: 'order', value: party.order, sources: expect.any(Array) },
      ]);
    expect(data?.unveiled).toEqual([]);
  });

  it('who held which title at BJUT on a day, and the next stated before anyone was', async () => {
    const { data } = await gql<{
      organisation: {
        onTheDay: { basis: string; role: { title: string; person: { name: string } } }[];
        yearBefore: { basis: string; role: { title: string; person: { name: string } } }[];
      };
    }>(example('bjut-holders'));
    const said = (list: { basis: string; role: { title: string; person: { name: string } } }[]) =>
      list.map((h) => `${h.basis} ${h.role.title} ${h.role.person.name}`);
    expect(said(data?.organisation.onTheDay ?? [])).toContain('STATED_ON 校长 聂祚仁');
    expect(data?.organisation.onTheDay.every((h) => h.basis === 'STATED_ON')).toBe(true);
    expect(said(data?.organisation.yearBefore ?? [])).toEqual(['NEXT_AFTER 校长 聂祚仁']);
  });

  it('which organisations BJUT has agreements with', async () => {
    const { data } = await gql<{
      organisation: { partners: { partner: { name: string }; agreements: unknown[] }[] };
    }>(example('bjut-partners'));
    expect(data?.organisation.partners.map((p) => [p.partner.name, p.agreements.length])).toEqual([
      ['北京控股集团有限公司', 2],
      ['中关村科技园区朝阳园管理委员会', 1],
    ]);
  });

  it('the path between 吴小杰 and 朱国栋', async () => {
    const { data } = await gql<{
      wu: { id: string };
      zhu: { id: string };
      connections: { length: number; text: string }[];
    }>(example('path-wu-zhu'));
    expect(data?.wu.id).toBe('person-wu-xiaojie');
    expect(data?.zhu.id).toBe('person-zhu-guodong');
    expect(data?.connections.map((c) => c.text)).toEqual([
      '吴小杰 —attended→ 签约仪式 ←attended— 朱国栋',
    ]);
  });

  it('the neighbourhood of 北京工业大学 at depth 2', async () => {
    const { data } = await gql<{
      neighbourhood: { truncated: boolean; nodes: { id: string }[]; edges: unknown[] };
    }>(example('bjut-neighbourhood'));
    expect(data?.neighbourhood.truncated).toBe(false);
    expect(data?.neighbourhood.nodes).toHaveLength(29);
    expect(data?.neighbourhood.edges).toHaveLength(47);
    expect(data?.neighbourhood.nodes.map((n) => n.id)).toContain('agreement-strategic-2023-12-21');
  });
});
