/**
 * Nothing a source states is lost (issue 13 items 2, 6, 7, 8): sources that disagree on a
 * scalar, on a single-valued link or on a relationship's details each keep their value, in
 * whatever order they are imported; the export says who states what, and exporting, importing
 * into an empty database and exporting again gives the same bytes.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { exportRecords } from '../../src/export/records.ts';
import { type ImportSummary, runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { memoryInput } from '../../src/import/records.ts';
import { mergeEntities } from '../../src/model/merge.ts';
import { deleteEntity, linkEntities, updateEntity } from '../../src/model/writes.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { importRecords, ndjsonFile, type Rec, source, writeFile } from '../support/records.ts';
import { A, B } from '../support/sources.ts';

let db: Database;
beforeEach(async () => {
  db ??= await freshDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

const node = async (id: string) =>
  (await db.read(cypher('test/import/node'), { id }))[0]?.props as Rec | undefined;
const relationships = async (from: string, type: string, to: string) =>
  (await db.read(cypher('test/import/relationship'), { from, type, to })).map(
    (r) => r.props as Rec,
  );
const exportAll = async () => {
  const lines: string[] = [];
  for await (const record of exportRecords(db)) lines.push(JSON.stringify(record));
  return `${lines.join('\n')}\n`;
};
const importText = (text: string) =>
  runImport(db, [
    memoryInput(
      'export.ndjson',
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ),
  ]);
const unchanged = (summary: ImportSummary) => {
  expect(summary.errors).toEqual([]);
  for (const counts of [...Object.values(summary.nodes), ...Object.values(summary.relationships)])
    expect(counts).toMatchObject({ created: 0, updated: 0 });
};

describe('sources that disagree', () => {
  it('keep every value with its sources, in any import order, and re-imports change nothing', async () => {
    expect((await importRecords(db, A)).errors).toEqual([]);
    expect((await importRecords(db, B)).errors).toEqual([]);
    const aThenB = await exportAll();
    const x = await node('o-x');
    expect(x?.claims).toEqual([
      'kind|research-institute|src-b',
      'kind|university|src-a',
      'nameEn|Jia College|src-b',
      'nameEn|Jia University|src-a',
      'name|甲大学|src-a',
      'name|甲大学|src-b',
    ]);
    // A tie: the least value is the chosen one, whichever source came last.
    expect(x?.kind).toBe('research-institute');
    expect(x?.nameEn).toBe('Jia College');
    // Item 2: every date on which a source states the role, with that source; the property
    // is the list of them all (the asOf rule reads it), none chosen over the other.
    expect((await node('role-z'))?.claims).toEqual(
      expect.arrayContaining(['statedOn|2019-05-10|src-a', 'statedOn|2022-03-02|src-b']),
    );
    expect((await node('role-z'))?.statedOn).toEqual(['2019-05-10', '2022-03-02']);
    // A single-valued link stated differently: both relationships, each with its source.
    expect(await relationships('o-x', 'LOCATED_IN', 'r-cy')).toEqual([{ sources: ['src-a'] }]);
    expect(await relationships('o-x', 'LOCATED_IN', 'r-hd')).toEqual([{ sources: ['src-b'] }]);
    // Per relationship: the order each source gives.
    expect(await relationships('o-x', 'PARTY_TO', 'a-1')).toEqual([
      { order: 0, sources: ['src-a', 'src-b'], claims: ['order|0|src-a', 'order|1|src-b'] },
    ]);
    // Item 6: one SIGNED, on behalf of both parties, each with its sources.
    expect(await relationships('p-z', 'SIGNED', 'a-1')).toEqual([
      {
        onBehalfOf: ['o-x', 'o-y'],
        sources: ['src-a', 'src-b'],
        claims: ['onBehalfOf|o-x|src-a', 'onBehalfOf|o-x|src-b', 'onBehalfOf|o-y|src-b'],
      },
    ]);

    unchanged(await importRecords(db, A));
    unchanged(await importRecords(db, B));
    expect(await exportAll()).toBe(aThenB);

    await resetGraph(db);
    await importRecords(db, B);
    await importRecords(db, A);
    expect(await exportAll()).toBe(aThenB);
    unchanged(await importRecords(db, A));
    expect(await exportAll()).toBe(aThenB);
  });

  it('export says who states what, and export -> import -> export gives the same bytes', async () => {
    await importRecords(db, A);
    await importRecords(db, B);
    const first = await exportAll();
    const x = first
      .split('\n')
      .map((l) => (l ? JSON.parse(l) : null))
      .find((r) => r?.id === 'o-x');
    expect(x).toEqual({
      type: 'organisation',
      id: 'o-x',
      name: '甲大学',
      nameEn: 'Jia College',
      kind: 'research-institute',
      region: 'r-cy',
      sources: ['src-a', 'src-b'],
      statements: [
        { field: 'nameEn', value: 'Jia College', sources: ['src-b'] },
        { field: 'nameEn', value: 'Jia University', sources: ['src-a'] },
        { field: 'kind', value: 'research-institute', sources: ['src-b'] },
        { field: 'kind', value: 'university', sources: ['src-a'] },
        { field: 'region', value: 'r-cy', sources: ['src-a'] },
        { field: 'region', value: 'r-hd', sources: ['src-b'] },
      ],
    });
    // Two sources state the role on different dates: the list, and who states which date.
    const role = first
      .split('\n')
      .map((l) => (l ? JSON.parse(l) : null))
      .find((r) => r?.id === 'role-z');
    expect(role).toMatchObject({
      statedOn: ['2019-05-10', '2022-03-02'],
      statements: expect.arrayContaining([
        { field: 'statedOn', value: '2019-05-10', sources: ['src-a'] },
        { field: 'statedOn', value: '2022-03-02', sources: ['src-b'] },
      ]),
    });
    await resetGraph(db);
    const summary = await importText(first);
    expect(summary.errors).toEqual([]);
    expect(await exportAll()).toBe(first);
    unchanged(await importText(first));
  });

  it('a relationship cited by a source its entity does not cite survives the round trip', async () => {
    await importRecords(db, A);
    await importRecords(db, [source('src-c')]);
    await linkEntities(db, { from: 'o-y', type: 'PART_OF', to: 'o-x', source: 'src-c' });
    const first = await exportAll();
    expect(first).toContain('"statements":[{"field":"parent","value":"o-x","sources":["src-c"]}]');
    await resetGraph(db);
    expect((await importText(first)).errors).toEqual([]);
    expect(await exportAll()).toBe(first);
  });

  it('a tie never chooses a yearless date over a date with a year, in either order', async () => {
    const said = (id: string, signedOn: string): Rec[] => [
      source(id),
      { type: 'organisation', id: 'o-p', name: '丙大学', sources: [id] },
      { type: 'organisation', id: 'o-q', name: '丁公司', sources: [id] },
      {
        type: 'agreement',
        id: 'a-t',
        name: '合作协议',
        parties: ['o-p', 'o-q'],
        signedOn,
        sources: [id],
      },
    ];
    for (const order of [
      [said('src-yearless', '--10-14'), said('src-dated', '2023-10-14')],
      [said('src-dated', '2023-10-14'), said('src-yearless', '--10-14')],
    ]) {
      await resetGraph(db);
      for (const records of order) expect((await importRecords(db, records)).errors).toEqual([]);
      const agreement = await node('a-t');
      expect(agreement?.claims).toEqual(
        expect.arrayContaining(['signedOn|--10-14|src-yearless', 'signedOn|2023-10-14|src-dated']),
      );
      // '--10-14' sorts before '2023-10-14' as text; as a date it comes after.
      expect(agreement?.signedOn).toBe('2023-10-14');
    }
  });

  it('an ordinary file (one source per record) exports without statements', async () => {
    await importRecords(db, A);
    const text = await exportAll();
    expect(text).not.toContain('statements');
    await resetGraph(db);
    await importText(text);
    expect(await exportAll()).toBe(text);
  });
});

describe('sources that disagree in one import', () => {
  it('are kept as claims, the same graph as importing them one after the other', async () => {
    await importRecords(db, A);
    await importRecords(db, B);
    const aThenB = await exportAll();
    await resetGraph(db);
    const together = await importRecords(db, [...A, ...B]);
    expect(together.errors).toEqual([]);
    expect(await exportAll()).toBe(aThenB);
    unchanged(await importRecords(db, [...B, ...A]));
  });

  it('compare a statement by its sources, and refuse one source that states two values', async () => {
    const x = (line: Rec): Rec => ({ type: 'organisation', id: 'o-x', name: '甲', ...line });
    // The plain kinds differ (university, company), yet src-b states company throughout.
    const both: Rec = x({
      kind: 'university',
      sources: ['src-a', 'src-b'],
      statements: [
        { field: 'kind', value: 'company', sources: ['src-b'] },
        { field: 'kind', value: 'university', sources: ['src-a'] },
      ],
    });
    const agrees = await importRecords(db, [
      source('src-a'),
      source('src-b'),
      both,
      x({ kind: 'company', sources: ['src-b'] }),
    ]);
    expect(agrees.errors).toEqual([]);
    expect((await node('o-x'))?.claims).toEqual([
      'kind|company|src-b',
      'kind|university|src-a',
      'name|甲|src-a',
      'name|甲|src-b',
    ]);
    await resetGraph(db);
    const path = ndjsonFile([
      source('src-a'),
      source('src-b'),
      both,
      x({ kind: 'other', sources: ['src-b'] }),
      x({ kind: 'university', sources: ['src-a'] }),
    ]);
    const refused = await runImport(db, [fileInput(path)]);
    expect(refused.errors).toEqual([
      {
        file: path,
        line: 3,
        id: 'o-x',
        field: 'kind',
        message:
          'the records of o-x state different values from src-b: "company" (line 3), "other" (line 4)',
      },
    ]);
    expect(await node('o-x')).toBeUndefined();
  });
});

describe('statements in a record', () => {
  it('are refused with the field named when they do not fit the record', async () => {
    const summary = await importRecords(db, [
      source('src-a'),
      source('src-b'),
      {
        type: 'organisation',
        id: 'o-x',
        name: '甲',
        kind: 'company',
        sources: ['src-a'],
        statements: [
          { field: 'colour', value: 'red', sources: ['src-a'] },
          { field: 'kind', value: 'bakery', sources: ['src-a'] },
          { field: 'kind', value: 'university', sources: ['src-b'] },
          { field: 'region', value: 'r-x', sources: ['src-a'], order: 1 },
        ],
      },
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      expect.stringMatching(/^statements\[0\]\.field: "colour" is not a field/),
      expect.stringMatching(/^statements\[1\]\.value: must be one of: university, company/),
      'statements[2].sources[0]: "src-b" is not one of the record\'s sources; list it there too',
      expect.stringMatching(/^statements\[3\]\.order: only an ordered field/),
      'kind: "company" is none of the values its statements give',
    ]);
  });

  it('give the dates a role is stated on one by one, checked as every date is', async () => {
    const role = (statements: unknown[]): Rec => ({
      type: 'role',
      id: 'role-1',
      person: 'p-1',
      organisation: 'o-1',
      title: '校长',
      statedOn: ['2019-05-10'],
      sources: ['src-a', 'src-b'],
      statements,
    });
    const base: Rec[] = [
      source('src-a'),
      source('src-b'),
      { type: 'organisation', id: 'o-1', name: '甲', sources: ['src-a'] },
      { type: 'person', id: 'p-1', name: '张三', sources: ['src-a'] },
    ];
    const refused = await importRecords(db, [
      ...base,
      role([{ field: 'statedOn', value: '2023-02-30', sources: ['src-b'] }]),
    ]);
    expect(refused.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'statements[0].value: is not a day that exists (a month has at most 28, 29, 30 or 31 days)',
    ]);
    const summary = await importRecords(db, [
      ...base,
      role([{ field: 'statedOn', value: '--10-14', sources: ['src-b'] }]),
    ]);
    expect(summary.errors).toEqual([]);
    expect(await node('role-1')).toMatchObject({
      statedOn: ['2019-05-10', '--10-14'],
      claims: [
        'statedOn|--10-14|src-b',
        'statedOn|2019-05-10|src-a',
        'statedOn|2019-05-10|src-b',
        'title|校长|src-a',
        'title|校长|src-b',
      ],
    });
  });
});

describe('acts at an event', () => {
  const records: Rec[] = [
    source('src-a'),
    { type: 'person', id: 'p-1', name: '甲', sources: ['src-a'] },
    { type: 'person', id: 'p-2', name: '乙', sources: ['src-a'] },
    { type: 'initiative', id: 'i-base', name: '研究基地', sources: ['src-a'] },
    {
      type: 'event',
      id: 'e-1',
      name: '揭牌仪式',
      acts: [
        { actor: 'p-1', act: 'unveiling', target: 'i-base' },
        { actor: 'p-2', act: 'unveiling', target: 'i-base' },
        { actor: 'p-1', act: 'meeting', target: 'p-2' },
        { actor: 'p-1', act: 'speaking' },
      ],
      sources: ['src-a'],
    },
  ];

  it('keeps one ACTED per actor, act and target, and a re-import changes nothing', async () => {
    const summary = await importRecords(db, records);
    expect(summary.errors).toEqual([]);
    expect(summary.relationships.ACTED).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const acted = await relationships('p-1', 'ACTED', 'e-1');
    expect(acted.map((r) => [r.act, r.target ?? null]).sort()).toEqual([
      ['meeting', 'p-2'],
      ['speaking', null],
      ['unveiling', 'i-base'],
    ]);
    unchanged(await importRecords(db, records));
    const text = await exportAll();
    expect(text).toContain(
      '"acts":[{"actor":"p-1","act":"meeting","target":"p-2"},{"actor":"p-1","act":"speaking"},{"actor":"p-1","act":"unveiling","target":"i-base"},{"actor":"p-2","act":"unveiling","target":"i-base"}]',
    );
    await resetGraph(db);
    await importText(text);
    expect(await exportAll()).toBe(text);
  });

  it('reads acts and statements from CSV cells as JSON', async () => {
    const dir = ndjsonFile(records.slice(0, 4), 'base.ndjson');
    const csv = writeFile(
      'event.csv',
      'id,name,date,acts,sources,statements\n' +
        `e-1,揭牌仪式,2024-05-10,"${JSON.stringify([{ actor: 'p-1', act: 'unveiling', target: 'i-base' }]).replaceAll('"', '""')}",src-a,` +
        `"${JSON.stringify([{ field: 'date', value: '2024-05-10', sources: ['src-a'] }]).replaceAll('"', '""')}"\n`,
    );
    const summary = await runImport(db, [fileInput(dir), fileInput(csv)]);
    expect(summary.errors).toEqual([]);
    expect(await relationships('p-1', 'ACTED', 'e-1')).toEqual([
      { act: 'unveiling', target: 'i-base', sources: ['src-a'] },
    ]);
  });

  it('refuses an act that is not one of the list, and a target of the wrong kind', async () => {
    const summary = await importRecords(db, [
      ...records.slice(0, 4),
      { type: 'region', id: 'r-1', name: '某地', sources: ['src-a'] },
      {
        type: 'event',
        id: 'e-2',
        name: '会见',
        acts: [
          { actor: 'p-1', act: 'dancing' },
          { actor: 'p-1', act: 'meeting', target: 'r-1' },
        ],
        sources: ['src-a'],
      },
    ]);
    expect(summary.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      expect.stringMatching(/^acts\[0\]\.act: must be one of: unveiling, witnessing/),
    ]);
    const second = await importRecords(db, [
      ...records.slice(0, 4),
      { type: 'region', id: 'r-1', name: '某地', sources: ['src-a'] },
      {
        type: 'event',
        id: 'e-2',
        name: '会见',
        acts: [{ actor: 'p-1', act: 'meeting', target: 'r-1' }],
        sources: ['src-a'],
      },
    ]);
    expect(second.errors.map((e) => e.field)).toEqual(['acts[0].target']);
  });
});

describe('mutations and merges keep the claims', () => {
  it('a merge unites claims and chooses again; distinct acts stay distinct', async () => {
    await importRecords(db, [
      source('src-a'),
      source('src-b'),
      source('src-c'),
      { type: 'organisation', id: 'o-1', name: '甲', kind: 'university', sources: ['src-a'] },
      {
        type: 'organisation',
        id: 'o-2',
        name: '甲大学',
        kind: 'company',
        sources: ['src-b', 'src-c'],
      },
      {
        type: 'event',
        id: 'e-1',
        name: '仪式',
        acts: [{ actor: 'o-1', act: 'hosting' }],
        sources: ['src-a'],
      },
      {
        type: 'event',
        id: 'e-1',
        name: '仪式',
        acts: [{ actor: 'o-2', act: 'speaking' }],
        sources: ['src-b'],
      },
    ]);
    await mergeEntities(db, 'o-1', ['o-2']);
    const kept = await node('o-1');
    expect(kept).toMatchObject({
      name: '甲',
      // Two sources say company, one university.
      kind: 'company',
      claims: [
        'kind|company|src-b',
        'kind|company|src-c',
        'kind|university|src-a',
        'name|甲|src-a',
      ],
    });
    expect(
      (await relationships('o-1', 'ACTED', 'e-1')).map((r) => [r.act, r.sources]).sort(),
    ).toEqual([
      ['hosting', ['src-a']],
      ['speaking', ['src-b']],
    ]);
  });

  it('updateEntity makes its source the one that states a field; deleting a party keeps the other', async () => {
    await importRecords(db, A);
    await importRecords(db, B);
    await updateEntity(db, 'o-x', { set: { kind: 'government' }, source: 'src-a' });
    const x = await node('o-x');
    expect(x?.kind).toBe('government');
    expect(((x?.claims ?? []) as string[]).filter((c) => c.startsWith('kind|'))).toEqual([
      'kind|government|src-a',
    ]);
    // A role's dates set by a source: the list as set, each date stated by that source.
    await updateEntity(db, 'role-z', { set: { statedOn: '2020-01' }, source: 'src-a' });
    const role = await node('role-z');
    expect(role?.statedOn).toEqual(['2020-01']);
    expect(((role?.claims ?? []) as string[]).filter((c) => c.startsWith('statedOn|'))).toEqual([
      'statedOn|2020-01|src-a',
    ]);
    await deleteEntity(db, 'o-y');
    expect(await relationships('p-z', 'SIGNED', 'a-1')).toEqual([
      {
        onBehalfOf: ['o-x'],
        sources: ['src-a', 'src-b'],
        claims: ['onBehalfOf|o-x|src-a', 'onBehalfOf|o-x|src-b'],
      },
    ]);
  });
});
