/**
 * Migrations 0004 and 0005, in order, upgrade a graph the previous release wrote (a role's
 * statedOn one date; no claims; a person signing for two parties as two SIGNED relationships with one onBehalfOf each) to what an import writes
 * now, without a re-import: the export is the same, and importing the same records again
 * changes nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';
import { exportRecords } from '../../src/export/records.ts';
import { freshDatabase, resetGraph, testEnv } from '../support/db.ts';
import { importRecords, type Rec, source } from '../support/records.ts';

const run = promisify(execFile);

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

const exportAll = async () => {
  const lines: string[] = [];
  for await (const record of exportRecords(db)) lines.push(JSON.stringify(record));
  return lines.join('\n');
};

const records: Rec[] = [
  source('s-1'),
  source('s-2'),
  { type: 'organisation', id: 'o-1', name: '甲', kind: 'university', sources: ['s-1', 's-2'] },
  { type: 'organisation', id: 'o-2', name: '乙', kind: 'company', sources: ['s-1'] },
  { type: 'person', id: 'p-1', name: '张三', sources: ['s-1'] },
  {
    type: 'role',
    id: 'role-1',
    person: 'p-1',
    organisation: 'o-1',
    title: '校长',
    statedOn: '2023-12-21',
    rank: 0,
    sources: ['s-1'],
  },
  {
    type: 'event',
    id: 'e-1',
    name: '签约仪式',
    date: '2023-12-21',
    attendees: ['p-1'],
    sources: ['s-1'],
  },
  {
    type: 'agreement',
    id: 'a-1',
    name: '合作协议',
    parties: ['o-1', 'o-2'],
    signatories: [
      { person: 'p-1', onBehalfOf: 'o-1' },
      { person: 'p-1', onBehalfOf: 'o-2' },
    ],
    event: 'e-1',
    sources: ['s-1'],
  },
];

describe('migrations 0004 and 0005 (statedOn a list, claims)', () => {
  it('upgrades a graph of the previous release to what an import writes now', async () => {
    expect((await importRecords(db, records)).errors).toEqual([]);
    const now = await exportAll();
    await db.write(cypher('test/previous-release-shape'));
    const [old] = await db.read(cypher('test/import/relationship'), {
      from: 'p-1',
      type: 'SIGNED',
      to: 'a-1',
    });
    expect(old?.props).toMatchObject({ onBehalfOf: expect.any(String) });
    expect(
      (
        await db.read(cypher('test/import/relationship'), {
          from: 'p-1',
          type: 'SIGNED',
          to: 'a-1',
        })
      ).length,
    ).toBe(2);

    expect(await migrate(db)).toEqual(['0004_role_stated_on_list', '0005_claims']);
    const signed = await db.read(cypher('test/import/relationship'), {
      from: 'p-1',
      type: 'SIGNED',
      to: 'a-1',
    });
    expect(signed.map((r) => r.props)).toEqual([
      {
        onBehalfOf: ['o-1', 'o-2'],
        sources: ['s-1'],
        claims: ['onBehalfOf|o-1|s-1', 'onBehalfOf|o-2|s-1'],
      },
    ]);
    expect((await db.read(cypher('test/import/node'), { id: 'o-1' }))[0]?.props).toMatchObject({
      claims: ['kind|university|s-1', 'kind|university|s-2', 'name|甲|s-1', 'name|甲|s-2'],
    });
    expect((await db.read(cypher('test/import/node'), { id: 'role-1' }))[0]?.props).toMatchObject({
      statedOn: ['2023-12-21'],
      claims: ['rank|0|s-1', 'statedOn|2023-12-21|s-1', 'title|校长|s-1'],
    });
    expect(await exportAll()).toBe(now);
    const again = await importRecords(db, records);
    for (const counts of [...Object.values(again.nodes), ...Object.values(again.relationships)])
      expect(counts).toMatchObject({ created: 0, updated: 0 });
    // Run again, it finds nothing left to do.
    await db.write(cypher('test/forget-migrations'));
    await migrate(db);
    expect(await exportAll()).toBe(now);
  });
});

/**
 * Many people, each a role with one date and an agreement signed for two parties: enough that
 * a data migration takes long enough for several processes to overlap in it.
 */
function manyRecords(n: number): Rec[] {
  const records: Rec[] = [
    source('s-1'),
    source('s-2'),
    { type: 'organisation', id: 'o-1', name: '甲', sources: ['s-1', 's-2'] },
    { type: 'organisation', id: 'o-2', name: '乙', sources: ['s-1'] },
  ];
  for (let i = 0; i < n; i++) {
    records.push(
      { type: 'person', id: `p-${i}`, name: `人${i}`, sources: ['s-1'] },
      {
        type: 'role',
        id: `role-${i}`,
        person: `p-${i}`,
        organisation: 'o-1',
        title: '校长',
        statedOn: '2023-12-21',
        sources: ['s-1', 's-2'],
      },
      {
        type: 'agreement',
        id: `a-${i}`,
        name: `协议${i}`,
        parties: ['o-1', 'o-2'],
        signatories: [
          { person: `p-${i}`, onBehalfOf: 'o-1' },
          { person: `p-${i}`, onBehalfOf: 'o-2' },
        ],
        sources: ['s-1'],
      },
    );
  }
  return records;
}

describe('migrations 0004 and 0005 from several processes at once', () => {
  it('upgrade a graph of the previous release as one process alone would', async () => {
    await resetGraph(db);
    expect((await importRecords(db, manyRecords(3000))).errors).toEqual([]);
    const now = await exportAll();
    await db.write(cypher('test/previous-release-shape'));
    // Four `accord migrate` at the same moment.
    const migrating = Array.from({ length: 4 }, () =>
      run('node', ['src/cli.ts', 'migrate'], { env: testEnv(), timeout: 120_000 }).then(
        () => 'ok',
        (error) => `exit ${error.code}: ${error.stderr}`,
      ),
    );
    expect(await Promise.all(migrating)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await exportAll()).toBe(now);
  }, 240_000);
});
