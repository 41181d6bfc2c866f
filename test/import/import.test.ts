import { writeFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { exportRecords } from '../../src/export/records.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { derivedId } from '../../src/import/resolve.ts';
import { seedFiles } from '../../src/seed.ts';
import { freshDatabase, graphCounts, resetGraph } from '../support/db.ts';
import {
  importRecords,
  ndjsonFile,
  org,
  person,
  type Rec,
  SRC,
  source,
  writeFile,
} from '../support/records.ts';

let db: Database;
beforeEach(async () => {
  db ??= await freshDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

const node = async (id: string) =>
  (await db.read(cypher('test/import/node'), { id }))[0]?.props as Rec | undefined;
const relationship = async (from: string, type: string, to: string) =>
  (await db.read(cypher('test/import/relationship'), { from, type, to }))[0]?.props as
    | Rec
    | undefined;
const exportAll = async () => {
  const lines: string[] = [];
  for await (const record of exportRecords(db)) lines.push(JSON.stringify(record));
  return lines;
};

/** One record of every type, linked the way the seed article links them. */
const everyType: Rec[] = [
  source(SRC, {
    publishedOn: '2023-12-22',
    language: 'zh-CN',
    credits: [{ person: 'p-editor', role: 'editing' }],
  }),
  {
    type: 'region',
    id: 'r-bj',
    name: '北京',
    nameEn: 'Beijing',
    kind: 'municipality',
    sources: [SRC],
  },
  { type: 'region', id: 'r-cy', name: '朝阳区', kind: 'district', parent: 'r-bj', sources: [SRC] },
  org('o-bjut', '北京工业大学', {
    aliases: ['北工大', 'BJUT'],
    kind: 'university',
    region: 'r-cy',
  }),
  org('o-bei', '北京控股集团有限公司', { aliases: ['北控集团'], kind: 'company' }),
  org('o-jiaoao', '焦奥中心', { parent: { name: '北控集团' } }),
  person('p-nie', '聂祚仁', { nameEn: 'Nie Zuoren' }),
  person('p-editor', '刘潇'),
  {
    type: 'role',
    id: 'role-nie-president',
    person: 'p-nie',
    organisation: { name: '北工大' },
    title: '校长',
    titleEn: 'President',
    statedOn: '2023-12-21',
    rank: 1,
    sources: [SRC],
  },
  {
    type: 'initiative',
    id: 'i-zone',
    name: '北工大山河湾谷创新区',
    kind: 'zone',
    regions: ['r-cy'],
    sources: [SRC],
  },
  {
    type: 'event',
    id: 'e-signing',
    name: '签约仪式',
    kind: 'signing-ceremony',
    date: '2023-12-21',
    attendees: ['p-nie'],
    concerns: ['i-zone'],
    sources: [SRC],
  },
  {
    type: 'agreement',
    id: 'a-pilot',
    name: '先导区合同',
    kind: 'contract',
    signedOn: '2023-12-21',
    parties: [{ name: '北工大' }, { name: '北控集团' }],
    event: 'e-signing',
    initiatives: ['i-zone'],
    sources: [SRC],
  },
];

describe('importing records', () => {
  it('stores every record type with its relationships and provenance', async () => {
    const summary = await importRecords(db, everyType);
    expect(summary.errors).toEqual([]);
    expect(summary.ok).toBe(true);
    const [kinds = { labels: [], types: [] }] = await db.read(cypher('test/import/kinds'));
    expect([...(kinds.labels as string[])].sort()).toEqual(
      [
        'Agreement',
        'Event',
        'Initiative',
        'Organisation',
        'Person',
        'Region',
        'Role',
        'Source',
      ].sort(),
    );
    expect([...(kinds.types as string[])].sort()).toEqual(
      [
        'AT',
        'ATTENDED',
        'CONCERNS',
        'CREDITED',
        'HOLDS',
        'LOCATED_IN',
        'PART_OF',
        'PARTY_TO',
        'SIGNED_AT',
      ].sort(),
    );
    expect(await node('role-nie-president')).toMatchObject({
      title: '校长',
      rank: 1,
      sources: [SRC],
    });
    expect(await relationship('p-nie', 'HOLDS', 'role-nie-president')).toEqual({ sources: [SRC] });
    expect(await relationship('p-editor', 'CREDITED', SRC)).toEqual({
      sources: [SRC],
      roles: ['editing'],
    });
    expect(summary.nodes.organisation).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(summary.relationships.PARTY_TO).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it('resolves references by id and by alias, in order of the source', async () => {
    await importRecords(db, everyType);
    expect(await relationship('o-bjut', 'PARTY_TO', 'a-pilot')).toEqual({
      order: 0,
      sources: [SRC],
      claims: [`order|0|${SRC}`],
    });
    expect(await relationship('o-bei', 'PARTY_TO', 'a-pilot')).toEqual({
      order: 1,
      sources: [SRC],
      claims: [`order|1|${SRC}`],
    });
    expect(await relationship('role-nie-president', 'AT', 'o-bjut')).toBeDefined();
    expect(await relationship('o-jiaoao', 'PART_OF', 'o-bei')).toBeDefined();
  });

  it('matches names across traditional/simplified, full-width and case', async () => {
    await importRecords(db, everyType);
    const summary = await importRecords(db, [
      source(),
      person('p-x', '某人'),
      {
        type: 'role',
        id: 'r1',
        person: 'p-x',
        organisation: { name: '北京工業大學' },
        title: '教授',
        sources: [SRC],
      },
      {
        type: 'role',
        id: 'r2',
        person: 'p-x',
        organisation: { name: 'ＢＪＵＴ' },
        title: '顾问',
        sources: [SRC],
      },
      {
        type: 'role',
        id: 'r3',
        person: 'p-x',
        organisation: { name: 'bjut' },
        title: '董事',
        sources: [SRC],
      },
      {
        type: 'role',
        id: 'r4',
        person: 'p-x',
        organisation: { name: '北控集團' },
        title: '顾问',
        sources: [SRC],
      },
    ]);
    expect(summary.errors).toEqual([]);
    for (const role of ['r1', 'r2', 'r3'])
      expect(await relationship(role, 'AT', 'o-bjut')).toBeDefined();
    expect(await relationship('r4', 'AT', 'o-bei')).toBeDefined();
  });

  /** Person p-a's role r-a, a professor at the organisation that `name` names. */
  const professorAt = (name: string): Rec => ({
    type: 'role',
    id: 'r-a',
    person: 'p-a',
    organisation: { name },
    title: '教授',
    sources: [SRC],
  });

  it('reports an ambiguous alias with its line and candidates, and writes nothing', async () => {
    await importRecords(db, [
      source(),
      org('o-pku', '北京大学', { aliases: ['北大'] }),
      org('o-bnu', '北京师范大学', { aliases: ['北大'] }),
    ]);
    const before = await graphCounts(db);
    const summary = await importRecords(db, [source(), person('p-a', '甲'), professorAt('北大')]);
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'organisation',
        message: expect.stringMatching(/"北大" is ambiguous: it names (o-pku, o-bnu|o-bnu, o-pku)/),
      }),
    ]);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('resolves a name that several records of one entity state to that entity', async () => {
    // Resolution counts a name's candidates by id: records of one entity are one candidate.
    const summary = await importRecords(db, [
      source(),
      org('o-pku', '北京大学', { aliases: ['北大'] }),
      org('o-pku', '北京大学', { aliases: ['北大'], kind: 'university' }),
      person('p-a', '甲'),
      professorAt('北大'),
    ]);
    expect(summary.errors).toEqual([]);
    expect(await relationship('r-a', 'AT', 'o-pku')).toBeDefined();
  });

  it('reports missing references by id and by name, and writes nothing', async () => {
    const summary = await importRecords(db, [
      source(),
      org('o-1', '甲单位', { region: 'r-nowhere' }),
      {
        type: 'agreement',
        id: 'a-1',
        name: '协议',
        parties: ['o-1', { name: '不存在的公司' }],
        sources: ['src-missing'],
      },
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 2,
          field: 'region',
          message: 'no region has id "r-nowhere" in the input or the database',
        }),
        expect.objectContaining({
          line: 3,
          field: 'parties[1]',
          message: 'no organisation is named "不存在的公司"',
        }),
        expect.objectContaining({
          line: 3,
          field: 'sources[0]',
          message: 'no source has id "src-missing" in the input or the database',
        }),
      ]),
    );
    expect(summary.errorCount).toBe(3);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('reports a reference to the wrong kind', async () => {
    const summary = await importRecords(db, [
      source(),
      person('p-1', '乙'),
      org('o-1', '丙', { parent: 'p-1' }),
    ]);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'parent',
        message: '"p-1" is a person, not a organisation',
      }),
    ]);
  });

  it('reports all 3 bad records among 1,000 good ones and writes nothing', async () => {
    const records: Rec[] = [source()];
    for (let i = 0; i < 1000; i++) records.push(person(`p-${i}`, `人${i}`));
    records.splice(100, 0, person('p-bad-1', ''));
    records.splice(500, 0, { type: 'person', id: 'p-bad-2', name: '无来源' });
    records.splice(900, 0, {
      type: 'agreement',
      id: 'a-bad-3',
      name: '单方协议',
      parties: ['p-1'],
      signedOn: '2023-02-30x',
      sources: [SRC],
    });
    const summary = await importRecords(db, records);
    expect(summary.ok).toBe(false);
    expect(summary.records).toBe(1004);
    const byLine = summary.errors.map((e) => `${e.line} ${e.field}: ${e.message}`);
    expect(byLine).toEqual([
      '101 name: must NOT have fewer than 1 characters',
      '501 sources: is required',
      '901 signedOn: must be a date: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD',
      '901 parties: must NOT have fewer than 2 items',
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('reports lines that are not JSON, and unknown fields', async () => {
    const path = writeFile(
      'bad.ndjson',
      `${JSON.stringify(source())}\n{not json\n\n${JSON.stringify(org('o', '甲', { colour: 'red' }))}\n`,
    );
    const summary = await runImport(db, [fileInput(path)]);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: '',
        message: expect.stringMatching(/^not valid JSON: /),
      }),
      expect.objectContaining({
        line: 4,
        field: 'colour',
        message: 'is not a field of this record type',
      }),
    ]);
  });

  it('is idempotent: a second import changes nothing and says so', async () => {
    const first = await runImport(
      db,
      seedFiles().map((f) => fileInput(f)),
    );
    expect(first.ok).toBe(true);
    const counts = await graphCounts(db);
    const exported = await exportAll();
    const second = await runImport(
      db,
      seedFiles().map((f) => fileInput(f)),
    );
    expect(await graphCounts(db)).toEqual(counts);
    expect(await exportAll()).toEqual(exported);
    for (const c of [...Object.values(second.nodes), ...Object.values(second.relationships)]) {
      expect(c.created + c.updated).toBe(0);
    }
    const unchanged = Object.values(second.nodes).reduce((n, c) => n + c.unchanged, 0);
    expect(unchanged).toBe(second.records);
  });

  it('adds a second source to the provenance of a fact it restates', async () => {
    await importRecords(db, everyType);
    const before = await graphCounts(db);
    const summary = await importRecords(db, [
      source('src-other', { publisher: '另一家媒体' }),
      org('o-bjut', '北京工业大学', { aliases: ['北京工大'], sources: ['src-other'] }),
      org('o-bei', '北京控股集团有限公司', { sources: ['src-other'] }),
      {
        type: 'agreement',
        id: 'a-pilot',
        name: '先导区合同',
        parties: ['o-bjut', 'o-bei'],
        sources: ['src-other'],
      },
    ]);
    expect(summary.errors).toEqual([]);
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes + 1,
      relationships: before.relationships,
    });
    expect((await node('o-bjut'))?.sources).toEqual([SRC, 'src-other']);
    expect((await node('o-bjut'))?.aliases).toEqual(['北工大', 'BJUT', '北京工大']);
    expect((await node('a-pilot'))?.sources).toEqual([SRC, 'src-other']);
    expect(await relationship('o-bei', 'PARTY_TO', 'a-pilot')).toEqual({
      order: 1,
      sources: [SRC, 'src-other'],
      claims: ['order|1|src-other', `order|1|${SRC}`],
    });
    expect(summary.relationships.PARTY_TO).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });

  it('matches a record without an id to the one entity of that name, or gives it a stable id', async () => {
    await importRecords(db, everyType);
    const summary = await importRecords(db, [
      source(),
      {
        type: 'organisation',
        name: '北工大',
        nameEn: 'Beijing University of Technology',
        sources: [SRC],
      },
      { type: 'person', name: '新人', sources: [SRC] },
    ]);
    expect(summary.errors).toEqual([]);
    // It found 北京工业大学 by its alias and gave it the English name it lacked.
    expect(summary.nodes.organisation).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await node('o-bjut')).toMatchObject({
      name: '北京工业大学',
      nameEn: 'Beijing University of Technology',
    });
    expect(summary.nodes.person).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const id = derivedId('person', '新人');
    expect(await node(id)).toMatchObject({ name: '新人' });
    const again = await importRecords(db, [
      source(),
      { type: 'person', name: '新人', sources: [SRC] },
    ]);
    expect(again.nodes.person).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('reads JSON arrays and CSV files (one per type), validated together', async () => {
    const json = writeFile(
      'records.json',
      JSON.stringify([source(), org('o-1', '甲公司', { aliases: ['甲'] })]),
    );
    const csv = writeFile(
      'seed.agreements.csv',
      'id,name,kind,parties,signedOn,sources\na-1,合作协议,cooperation-agreement,o-1;name:乙公司,2024-05-01,src-test\n',
    );
    const people = writeFile(
      'organisations.csv',
      'id,name,aliases,sources\no-2,乙公司,乙;乙司,src-test\n',
    );
    const summary = await runImport(
      db,
      [json, csv, people].map((f) => fileInput(f)),
    );
    expect(summary.errors).toEqual([]);
    expect(await relationship('o-2', 'PARTY_TO', 'a-1')).toEqual({
      order: 1,
      sources: [SRC],
      claims: [`order|1|${SRC}`],
    });
    expect((await node('o-2'))?.aliases).toEqual(['乙', '乙司']);
  });

  it('accepts a UTF-8 byte-order mark at the start of NDJSON, JSON and CSV files', async () => {
    const bom = '\ufeff';
    const ndjson = writeFile('bom.ndjson', `${bom}${JSON.stringify(source())}\n`);
    const json = writeFile('bom.json', `${bom}${JSON.stringify([org('o-1', '甲公司')])}`);
    const csv = writeFile('bom.people.csv', `${bom}id,name,sources\np-1,乙,src-test\n`);
    const summary = await runImport(
      db,
      [ndjson, json, csv].map((f) => fileInput(f)),
    );
    expect(summary.errors).toEqual([]);
    expect(await node('p-1')).toMatchObject({ name: '乙' });
    expect(await node('o-1')).toMatchObject({ name: '甲公司' });
    // Characters split across the reader's 64 KiB chunks decode whole.
    const many = Array.from({ length: 3000 }, (_, i) => org(`o-${i}`, `北京工业大学${i}号单位`));
    const big = writeFile('big.json', `${bom}${JSON.stringify([source(), ...many])}`);
    const dry = await runImport(db, [fileInput(big)], { dryRun: true });
    expect(dry).toMatchObject({ ok: true, records: 3001, errors: [] });
  });

  it('refuses invalid UTF-8 bytes with the file and line, and writes nothing', async () => {
    const bytes = (before: string, after: string) =>
      Buffer.concat([Buffer.from(before), Buffer.from([0xe5, 0xff, 0x80]), Buffer.from(after)]);
    const dir = writeFile('x', '');
    const file = (name: string, content: Buffer) => {
      const path = `${dir}.${name}`;
      writeFileSync(path, content);
      return path;
    };
    const good = JSON.stringify(source());
    const ndjson = file(
      'bad.ndjson',
      bytes(`${good}\n{"type":"person","id":"p-1","name":"`, '","sources":["src-test"]}\n'),
    );
    const json = file(
      'bad.json',
      bytes(`[${good},\n{"type":"person","id":"p-2","name":"`, '","sources":["src-test"]}]'),
    );
    const csv = file(
      'bad.people.csv',
      bytes('id,name,sources\np-3,乙,src-test\np-4,', ',src-test\n'),
    );
    for (const path of [ndjson, json, csv]) {
      const summary = await runImport(db, [fileInput(path)]);
      expect(summary.ok, path).toBe(false);
      expect(summary.errors, path).toEqual([
        expect.objectContaining({
          file: path,
          line: path === csv ? 3 : 2,
          message: expect.stringMatching(/^invalid UTF-8 at line \d+, byte \d+/),
        }),
      ]);
    }
    for (const path of [ndjson, csv]) {
      expect((await runImport(db, [fileInput(path)])).errors[0]).toMatchObject({ field: 'name' });
    }
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses lone surrogates (\\ud800 escapes) with the line and field, and writes nothing', async () => {
    const path = writeFile(
      'surrogates.ndjson',
      `${JSON.stringify(source())}\n{"type":"person","id":"p-1","name":"甲\\ud800","sources":["src-test"]}\n` +
        `{"type":"person","id":"p-2","name":"乙","aliases":["ok","\\udfff"],"sources":["src-test"]}\n`,
    );
    const summary = await runImport(db, [fileInput(path)]);
    expect(summary.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'name',
        message: expect.stringMatching(/lone surrogate \\ud800/),
      }),
      expect.objectContaining({
        line: 3,
        field: 'aliases[1]',
        message: expect.stringMatching(/lone surrogate \\udfff/),
      }),
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses records with one id that state different values for a field, naming every line', async () => {
    const path = ndjsonFile([
      source(),
      org('o-1', '甲', { kind: 'university' }),
      org('o-1', '甲', { kind: 'company', aliases: ['甲司'] }),
      person('p-1', '乙'),
      org('o-1', '甲', { kind: 'university', nameEn: 'A' }),
      org('o-1', '甲单位', { kind: 'other' }),
    ]);
    const summary = await runImport(db, [fileInput(path)]);
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      {
        file: path,
        line: 2,
        id: 'o-1',
        field: 'name',
        message: `the records of o-1 state different values from src-test: "甲" (lines 2, 3, 5), "甲单位" (line 6)`,
      },
      {
        file: path,
        line: 2,
        id: 'o-1',
        field: 'kind',
        message: `the records of o-1 state different values from src-test: "university" (lines 2, 5), "company" (line 3), "other" (line 6)`,
      },
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('records without an id that come to one entity must not disagree either', async () => {
    const path = ndjsonFile([
      source(),
      org('o-bjut', '北京工业大学', {
        aliases: ['北工大'],
        nameEn: 'Beijing University of Technology',
      }),
      { type: 'organisation', name: '北工大', nameEn: 'BJUT', sources: [SRC] },
      { type: 'person', name: '新人', nameEn: 'Xin Ren', sources: [SRC] },
      { type: 'person', name: '新人', nameEn: 'New Person', sources: [SRC] },
      { type: 'person', name: '新人', sources: [SRC] },
    ]);
    const summary = await runImport(db, [fileInput(path)]);
    expect(summary.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '2 nameEn: the records of o-bjut state different values from src-test: "Beijing University of Technology" (line 2), "BJUT" (line 3)',
      `4 nameEn: the records of ${derivedId('person', '新人')} state different values from src-test: "Xin Ren" (line 4), "New Person" (line 5)`,
    ]);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('allows repeats of an id that agree, add aliases or relationships, or leave a field out', async () => {
    const summary = await importRecords(db, [
      source(),
      { type: 'region', id: 'r-1', name: '北京', sources: [SRC] },
      { type: 'region', id: 'r-2', name: '上海', sources: [SRC] },
      org('o-1', '甲', { kind: 'university' }),
      org('o-1', '甲', { aliases: ['甲大'], region: 'r-1' }),
      org('o-1', '甲', { kind: 'university', region: 'r-2', sources: [SRC] }),
    ]);
    expect(summary.errors).toEqual([]);
    expect(await node('o-1')).toMatchObject({ kind: 'university', aliases: ['甲大'] });
    expect(await relationship('o-1', 'LOCATED_IN', 'r-1')).toBeDefined();
    expect(await relationship('o-1', 'LOCATED_IN', 'r-2')).toBeDefined();
  });

  it('a dry run validates and resolves but writes nothing', async () => {
    const summary = await importRecords(db, everyType, { dryRun: true });
    expect(summary).toMatchObject({ ok: true, dryRun: true, records: everyType.length });
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('export → import into an empty database → export gives identical output', async () => {
    await runImport(
      db,
      seedFiles().map((f) => fileInput(f)),
    );
    await importRecords(db, everyType);
    const first = await exportAll();
    await resetGraph(db);
    const summary = await runImport(db, [fileInput(ndjsonFile(first.map((l) => JSON.parse(l))))]);
    expect(summary.errors).toEqual([]);
    expect(await exportAll()).toEqual(first);
  });

  it('closes a batch at twice its size in rows, so that records stating many relationships do not pile up', async () => {
    // Batches of 3 records, closed early at 6 rows. The event states 6 attendees: 6 rows of
    // relationships, a batch of its own; without the cap it would share one with two more.
    const people = Array.from({ length: 6 }, (_, i) => person(`p-${i}`, `人员${i}`));
    const event: Rec = {
      type: 'event',
      id: 'e-1',
      name: '大会',
      attendees: people.map((p) => p.id as string),
      sources: [SRC],
    };
    const batches: { nodes: number; relationships: number }[] = [];
    const summary = await runImport(db, [fileInput(ndjsonFile([event, source(), ...people]))], {
      batchSize: 3,
      onBatch: (checkpoint) => {
        batches.push({ ...checkpoint });
      },
    });
    expect(summary.errors).toEqual([]);
    // 8 records: nodes [e-1, source, p-0] [p-1..p-3] [p-4, p-5]; relationships [e-1] alone,
    // then [source, p-0, p-1] [p-2..p-4] [p-5].
    expect(batches.at(-1)).toEqual({ nodes: 3, relationships: 4 });
    expect(await graphCounts(db)).toEqual({ nodes: 8, relationships: 6 });
  });
});
