/**
 * The API shows what each source states (issue 13 items 2, 6, 7, 8): claims on entities and
 * relationships, both of two regions, every party a signatory signed for, acts at events; the
 * same answers whatever order the sources were imported in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { apiClient } from '../support/api.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { importRecords } from '../support/records.ts';
import { A, B } from '../support/sources.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;
beforeAll(async () => {
  db = await freshDatabase();
  gql = apiClient(db);
});
afterAll(() => db.close());

const CLAIMS = 'claims { field value sources { id } }';
const QUESTION = `{
  organisation(id: "o-x") { kind nameEn region { id } sources { id } ${CLAIMS} }
  role(id: "role-z") { statedOn rank ${CLAIMS} }
  agreement(id: "a-1") {
    kind signedOn
    parties { order organisation { id } ${CLAIMS} }
    signatories { person { id } onBehalfOf { id } onBehalfOfAll { id } ${CLAIMS} }
  }
  unveiled: acts(act: UNVEILING, target: "研究基地") { act actor { id name } event { id } target { id } sources { id } }
  event(id: "e-1") { date acts { act actor { id } target { id } } met: acts(act: MEETING) { actor { id } target { id } } }
  person(id: "p-z") { acts { act event { id } target { id } } }
  hosts: organisation(id: "o-x") { acts(act: HOSTING) { act event { id } sources { id } } }
}`;

async function ask(...loads: (typeof A)[]) {
  await resetGraph(db);
  for (const records of loads) expect((await importRecords(db, records)).errors).toEqual([]);
  const result = await gql(QUESTION);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const ids = (...list: string[]) => list.map((id) => ({ id }));

describe('what each source states, through the API', () => {
  it('gives the same answer for A then B, B then A, and A again', async () => {
    const aThenB = await ask(A, B);
    expect(await ask(B, A)).toEqual(aThenB);
    expect(await ask(A, B, A)).toEqual(aThenB);
    expect(aThenB).toMatchObject({
      organisation: {
        kind: 'research-institute',
        nameEn: 'Jia College',
        // Two regions, one source each: the least id; claims show both.
        region: { id: 'r-cy' },
        sources: ids('src-a', 'src-b'),
        claims: [
          { field: 'kind', value: 'research-institute', sources: ids('src-b') },
          { field: 'kind', value: 'university', sources: ids('src-a') },
          { field: 'name', value: '甲大学', sources: ids('src-a', 'src-b') },
          { field: 'nameEn', value: 'Jia College', sources: ids('src-b') },
          { field: 'nameEn', value: 'Jia University', sources: ids('src-a') },
          { field: 'region', value: 'r-cy', sources: ids('src-a') },
          { field: 'region', value: 'r-hd', sources: ids('src-b') },
        ],
      },
      role: {
        statedOn: ['2019-05-10', '2022-03-02'],
        claims: expect.arrayContaining([
          { field: 'statedOn', value: '2019-05-10', sources: ids('src-a') },
          { field: 'statedOn', value: '2022-03-02', sources: ids('src-b') },
          { field: 'rank', value: 0, sources: ids('src-a') },
          { field: 'rank', value: 1, sources: ids('src-b') },
          { field: 'person', value: 'p-z', sources: ids('src-a', 'src-b') },
        ]),
      },
      agreement: {
        signedOn: '2019-05-09',
        parties: [
          {
            order: 0,
            organisation: { id: 'o-x' },
            claims: [
              { field: 'order', value: 0, sources: ids('src-a') },
              { field: 'order', value: 1, sources: ids('src-b') },
            ],
          },
          {
            order: 0,
            organisation: { id: 'o-y' },
            claims: [
              { field: 'order', value: 0, sources: ids('src-b') },
              { field: 'order', value: 1, sources: ids('src-a') },
            ],
          },
        ],
        signatories: [
          {
            person: { id: 'p-z' },
            onBehalfOf: { id: 'o-x' },
            onBehalfOfAll: ids('o-x', 'o-y'),
            claims: [
              { field: 'onBehalfOf', value: 'o-x', sources: ids('src-a', 'src-b') },
              { field: 'onBehalfOf', value: 'o-y', sources: ids('src-b') },
            ],
          },
        ],
      },
      unveiled: [
        {
          act: 'UNVEILING',
          actor: { id: 'p-w', name: '王五' },
          event: { id: 'e-1' },
          target: { id: 'i-base' },
          sources: ids('src-a'),
        },
        {
          act: 'UNVEILING',
          actor: { id: 'p-z', name: '张三' },
          event: { id: 'e-1' },
          target: { id: 'i-base' },
          sources: ids('src-a', 'src-b'),
        },
      ],
      event: {
        met: [{ actor: { id: 'p-z' }, target: { id: 'p-w' } }],
      },
      hosts: { acts: [{ act: 'HOSTING', event: { id: 'e-1' }, sources: ids('src-b') }] },
    });
  });

  it('refuses an act target that names nothing with an empty answer, and an unknown act', async () => {
    await ask(A);
    const none = await gql('{ acts(target: "没有这个") { act } }');
    expect(none).toEqual({ data: { acts: [] }, extensions: expect.anything() });
    const bad = await gql('{ acts(act: DANCING) { act } }');
    expect(bad.errors?.[0]?.message).toMatch(/DANCING/);
  });
});
