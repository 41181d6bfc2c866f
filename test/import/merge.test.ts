import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { MergeError, mergeEntities } from '../../src/model/merge.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';
import { importRecords, org, person, type Rec, SRC, source } from '../support/records.ts';

describe('merging duplicates', () => {
  let db: Database;
  const node = async (id: string) =>
    (await db.read(cypher('test/import/node'), { id }))[0]?.props as Rec | undefined;
  const relationship = async (from: string, type: string, to: string) =>
    (await db.read(cypher('test/import/relationship'), { from, type, to }))[0]?.props as
      | Rec
      | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
    const summary = await importRecords(db, [
      source(),
      source('src-2'),
      org('o-bjut', '北京工业大学', { aliases: ['北工大'], kind: 'university' }),
      org('o-bjut-dup', 'Beijing University of Technology', {
        aliases: ['BJUT'],
        nameEn: 'BJUT English',
        sources: ['src-2'],
      }),
      org('o-bei', '北京控股集团有限公司'),
      person('p-1', '聂祚仁'),
      {
        type: 'role',
        id: 'r-1',
        person: 'p-1',
        organisation: 'o-bjut-dup',
        title: '校长',
        sources: ['src-2'],
      },
      {
        type: 'agreement',
        id: 'a-1',
        name: '协议一',
        parties: ['o-bjut', 'o-bei'],
        sources: [SRC],
      },
      {
        type: 'agreement',
        id: 'a-2',
        name: '协议二',
        parties: ['o-bjut-dup', 'o-bei'],
        sources: ['src-2'],
        signatories: [{ person: 'p-1', onBehalfOf: 'o-bjut-dup' }],
      },
      {
        type: 'agreement',
        id: 'a-1',
        name: '协议一',
        parties: ['o-bjut-dup', 'o-bei'],
        sources: ['src-2'],
      },
    ]);
    expect(summary.errors).toEqual([]);
  });
  afterAll(() => db.close());

  it('refuses unknown ids, mixed kinds and self-merges, writing nothing', async () => {
    const before = await graphCounts(db);
    await expect(mergeEntities(db, 'o-bjut', ['nope'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(mergeEntities(db, 'o-bjut', ['p-1'])).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '"p-1" is a person and "o-bjut" a organisation: only entities of one kind merge',
    });
    await expect(mergeEntities(db, 'o-bjut', ['o-bjut'])).rejects.toBeInstanceOf(MergeError);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('moves relationships, unites names and sources, records the merge, in one transaction', async () => {
    const before = await graphCounts(db);
    const result = await mergeEntities(db, 'o-bjut', ['o-bjut-dup']);
    expect(result).toMatchObject({ id: 'o-bjut', kind: 'organisation', merged: ['o-bjut-dup'] });
    expect(await node('o-bjut-dup')).toBeUndefined();
    const kept = await node('o-bjut');
    expect(kept).toMatchObject({
      name: '北京工业大学',
      nameEn: 'BJUT English',
      kind: 'university',
      aliases: ['北工大', 'Beijing University of Technology', 'BJUT'],
      sources: [SRC, 'src-2'],
      mergedIds: ['o-bjut-dup'],
    });
    expect(kept?.nameKeys).toContain('|bjut|');
    // a-1 was linked from both: one PARTY_TO remains, citing both sources, keeping o-bjut's order.
    expect(await relationship('o-bjut', 'PARTY_TO', 'a-1')).toEqual({
      order: 0,
      sources: [SRC, 'src-2'],
      claims: ['order|0|src-2', `order|0|${SRC}`],
    });
    expect(await relationship('o-bjut', 'PARTY_TO', 'a-2')).toEqual({
      order: 0,
      sources: ['src-2'],
      claims: ['order|0|src-2'],
    });
    expect(await relationship('r-1', 'AT', 'o-bjut')).toEqual({ sources: ['src-2'] });
    expect(await relationship('p-1', 'SIGNED', 'a-2')).toMatchObject({
      onBehalfOf: ['o-bjut'],
      claims: ['onBehalfOf|o-bjut|src-2'],
    });
    // One node and one duplicated PARTY_TO fewer.
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes - 1,
      relationships: before.relationships - 1,
    });
  });

  it('makes the merged names resolve to the survivor', async () => {
    const summary = await importRecords(db, [
      source(),
      person('p-2', '某人'),
      {
        type: 'role',
        id: 'r-2',
        person: 'p-2',
        organisation: { name: 'BJUT' },
        title: '教授',
        sources: [SRC],
      },
    ]);
    expect(summary.errors).toEqual([]);
    expect(await relationship('r-2', 'AT', 'o-bjut')).toBeDefined();
  });
});
