import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { apiClient } from '../support/api.ts';
import { freshDatabase, graphCounts, resetGraph } from '../support/db.ts';
import { importRecords, org, type Rec, SRC, source } from '../support/records.ts';

let db: Database;
let gql: ReturnType<typeof apiClient>;
beforeAll(async () => {
  db = await freshDatabase();
  gql = apiClient(db);
});
beforeEach(() => resetGraph(db));
afterAll(() => db.close());

const region = (id: string, name: string, extra: Rec = {}): Rec => ({
  type: 'region',
  id,
  name,
  sources: [SRC],
  ...extra,
});

describe('parent cycles', () => {
  it('refuses a cycle within the files, naming each line and field, and writes nothing', async () => {
    const summary = await importRecords(db, [
      source(),
      region('r-a', '甲区', { parent: 'r-b' }),
      region('r-b', '乙区', { parent: 'r-c' }),
      region('r-c', '丙区', { parent: 'r-a' }),
      org('o-1', '甲单位', { parent: 'o-1' }),
      { type: 'initiative', id: 'i-1', name: '甲项目', parent: { name: '乙项目' }, sources: [SRC] },
      { type: 'initiative', id: 'i-2', name: '乙项目', parent: 'i-1', sources: [SRC] },
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '2 parent: "r-a" would be part of itself: r-a → r-b → r-c → r-a',
      '3 parent: "r-b" would be part of itself: r-b → r-c → r-a → r-b',
      '4 parent: "r-c" would be part of itself: r-c → r-a → r-b → r-c',
      '5 parent: "o-1" would be part of itself: o-1 → o-1',
      '6 parent: "i-1" would be part of itself: i-1 → i-2 → i-1',
      '7 parent: "i-2" would be part of itself: i-2 → i-1 → i-2',
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses a cycle through a parent stated only in statements, or a second parent there', async () => {
    const summary = await importRecords(db, [
      source(),
      source('src-b'),
      region('r-a', '甲区', { statements: [{ field: 'parent', value: 'r-b', sources: [SRC] }] }),
      region('r-b', '乙区', { parent: 'r-a' }),
      org('o-a', '甲', {
        parent: 'o-b',
        sources: [SRC, 'src-b'],
        statements: [
          { field: 'parent', value: 'o-b', sources: [SRC] },
          { field: 'parent', value: 'o-c', sources: ['src-b'] },
        ],
      }),
      org('o-b', '乙'),
      org('o-c', '丙', { parent: { name: '甲' } }),
    ]);
    expect(summary.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '3 statements[0].value: "r-a" would be part of itself: r-a → r-b → r-a',
      '4 parent: "r-b" would be part of itself: r-b → r-a → r-b',
      '5 statements[1].value: "o-a" would be part of itself: o-a → o-c → o-a',
      '7 parent: "o-c" would be part of itself: o-c → o-a → o-c',
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses a cycle that closes through parents already in the database', async () => {
    await importRecords(db, [
      source(),
      region('r-a', '甲区', { parent: 'r-b' }),
      region('r-b', '乙区', { parent: 'r-c' }),
      region('r-c', '丙区'),
    ]);
    const before = await graphCounts(db);
    const summary = await importRecords(db, [source(), region('r-c', '丙区', { parent: 'r-a' })]);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'parent',
        message: '"r-c" would be part of itself: r-c → r-a → r-b → r-c',
      }),
    ]);
    expect(await graphCounts(db)).toEqual(before);
    // A parent that closes no cycle is fine.
    const fine = await importRecords(db, [source(), region('r-d', '丁区', { parent: 'r-a' })]);
    expect(fine.errors).toEqual([]);
  });

  it('the link mutation refuses a PART_OF that would close a cycle', async () => {
    await importRecords(db, [
      source(),
      org('o-a', '甲', { parent: 'o-b' }),
      org('o-b', '乙'),
      org('o-c', '丙'),
    ]);
    const before = await graphCounts(db);
    const link = (from: string, to: string) =>
      gql(
        `mutation ($from: ID!, $to: ID!) { link(from: $from, type: "PART_OF", to: $to, source: "${SRC}") { status } }`,
        { from, to },
      );
    for (const [from, to, path] of [
      ['o-b', 'o-a', 'o-b → o-a → o-b'],
      ['o-a', 'o-a', 'o-a → o-a'],
    ]) {
      const answer = await link(from as string, to as string);
      expect(answer.errors?.[0]).toMatchObject({
        message: `to: "${from}" would be part of itself: ${path}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await graphCounts(db)).toEqual(before);
    expect((await link('o-b', 'o-c')).data).toEqual({ link: { status: 'created' } });
  });

  it('ancestors of a region in a cycle that is already stored lists each region once', async () => {
    await importRecords(db, [
      source(),
      region('r-a', '甲区', { parent: 'r-b' }),
      region('r-b', '乙区', { parent: 'r-c' }),
      region('r-c', '丙区'),
    ]);
    await db.write(cypher('test/part-of'), { from: 'r-c', to: 'r-a' });
    const answer = await gql<{ region: { ancestors: { id: string }[] } }>(
      '{ region(id: "r-a") { ancestors { id } } }',
    );
    expect(answer.data?.region.ancestors.map((r) => r.id)).toEqual(['r-b', 'r-c']);
  });
});
