/**
 * The offline route (`accord import --offline`, src/import/offline/): neo4j-admin's importer
 * into a local launcher store of its own (a temporary NEO4J_LOCAL_DIR on
 * NEO4J_OFFLINE_TEST_BOLT_PORT, else a port free when the file loads: two suites on one machine
 * must not meet there), which it stops and starts. The graph it leaves is
 * compared with a transactional import of the same file into the test database: the export and
 * every stored property with its type.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/query/servers.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import { exportRecords } from '../../src/export/records.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { fileInput } from '../../src/import/read.ts';
import { accord } from '../support/cli.ts';
import { freshDatabase, testConfig } from '../support/db.ts';
import { storedGraph } from '../support/graph.ts';
import { ndjsonFile, org, person, type Rec, SRC, source } from '../support/records.ts';

const run = promisify(execFile);
const PORT = process.env.NEO4J_OFFLINE_TEST_BOLT_PORT || String(await freePort());
const dir = mkdtempSync(join(tmpdir(), 'accord-offline-'));
const launcher = { NEO4J_LOCAL_DIR: dir, NEO4J_BOLT_PORT: PORT };
const store = join(dir, 'home/data/databases/neo4j');

// Texts CSV makes hard: quotes, commas, semicolons (the old array delimiter), line breaks,
// spaces at the ends, CJK, emoji; an alias that is the name (an empty list once the name is
// taken out); records of one entity from two sources; a record without an id; integers.
const HOSTILE = 'He said "合作, 共赢"; then\nleft 🤝 ';
const records: Rec[] = [
  source(SRC, { name: HOSTILE, publisher: '新闻中心, "Press"', publishedOn: '2023-12-22' }),
  source('src-b', { name: 'Second; source', credits: [{ person: 'p-a', role: 'writing' }] }),
  {
    type: 'region',
    id: 'r-bj',
    name: '北京',
    nameEn: 'Beijing',
    kind: 'municipality',
    sources: [SRC],
  },
  org('o-a', '北京工业大学', {
    aliases: ['北工大', 'BJUT;x', 'a "q"', '多行\n别名', '😀'],
    kind: 'university',
    region: 'r-bj',
  }),
  org('o-a', '北京工业大学', { sources: ['src-b'], kind: 'research-institute', aliases: ['工大'] }),
  org('o-b', '焦奥中心', { aliases: ['焦奥中心'], parent: { name: '北工大' } }),
  { type: 'organisation', name: '无名机构', aliases: ['无名'], sources: [SRC] },
  person('p-a', '聂祚仁', { nameEn: ' Nie Zuoren ' }),
  person('p-b', 'O"Brien, Pat'),
  {
    type: 'role',
    id: 'role-a',
    person: 'p-a',
    organisation: { name: 'BJUT;x' },
    title: '校长\n(President)',
    rank: 2,
    since: '2019',
    statedOn: ['2023-12-21', '2023-12'],
    sources: [SRC],
  },
  {
    type: 'initiative',
    id: 'i-a',
    name: '先导区',
    focus: ['AI, robotics', 'energy;storage'],
    description: 'line one\r\nline two "quoted"',
    regions: ['r-bj'],
    sources: [SRC],
  },
  {
    type: 'event',
    id: 'e-a',
    name: '签约仪式',
    date: '--12-22',
    place: 'r-bj',
    attendees: ['p-b', 'p-a'],
    hosts: ['o-a'],
    acts: [{ actor: 'p-a', act: 'unveiling', target: 'i-a' }],
    sources: [SRC, 'src-b'],
  },
  {
    type: 'agreement',
    id: 'ag-a',
    name: '战略合作协议, "第一"',
    parties: ['o-b', 'o-a'],
    signatories: [
      { person: 'p-a', onBehalfOf: 'o-a' },
      { person: 'p-a', onBehalfOf: 'o-b' },
    ],
    witnesses: ['p-b'],
    signedOn: '2023-12-22',
    summary: ' 摘要,\t"x" ',
    event: 'e-a',
    initiatives: ['i-a'],
    sources: [SRC],
    statements: [
      { field: 'kind', value: 'contract', sources: [SRC] },
      { field: 'nameEn', value: 'Agreement 🤝', sources: [SRC] },
    ],
  },
];

/** The test database's graph after a transactional import of `file`. */
async function transactional(db: Database, file: string) {
  const summary = await runImport(db, [fileInput(file)]);
  expect(summary.errors).toEqual([]);
  return { summary, ...(await graphOf(db)) };
}

async function graphOf(db: Database) {
  const exported: string[] = [];
  for await (const record of exportRecords(db)) exported.push(JSON.stringify(record));
  return { exported, stored: await storedGraph(db) };
}

const launch = (command: string) =>
  run('bash', ['scripts/neo4j-local.sh', command], { env: { ...process.env, ...launcher } });

describe('accord import --offline', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db.close();
    await launch('stop');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an invalid file with the errors the transactional import reports, writing nothing', async () => {
    const invalid = ndjsonFile([
      ...records,
      org('o-c', '坏', { region: 'r-nowhere' }),
      { type: 'person', id: 'p-c', sources: [SRC] },
    ]);
    const offline = await accord(['import', '--offline', '--json', invalid], '', launcher);
    expect(offline.code).toBe(1);
    const transactionalRun = await accord(['import', '--json', invalid]);
    expect(transactionalRun.code).toBe(1);
    const errors = (out: string) => JSON.parse(out).errors;
    expect(errors(offline.stdout)).toEqual(errors(transactionalRun.stdout));
    expect(errors(offline.stdout).map((e: Rec) => [e.line, e.field])).toEqual([
      [15, 'name'],
      [14, 'region'],
    ]);
    expect(existsSync(store)).toBe(false);
  });

  it('refuses a text holding U+001F, which separates list items in its files, writing nothing', async () => {
    const file = ndjsonFile([source(SRC), org('o-d', '分隔', { aliases: ['a\u001fb'] })]);
    const offline = await accord(['import', '--offline', '--json', file], '', launcher);
    expect(offline.code).toBe(1);
    const [error, ...more] = JSON.parse(offline.stdout).errors;
    expect(more).toEqual([]);
    expect(error).toMatchObject({ file, line: 2, field: 'aliases' });
    expect(error.message).toMatch(/node o-d, property aliases: .* holds U\+001F/);
    expect(existsSync(store)).toBe(false);
    expect(existsSync(join(dir, 'offline-import'))).toBe(false);
  });

  /**
   * Imports `file` transactionally into `db`, then offline (with `args`) into the launcher's
   * store, and expects the same summary counts, export and stored properties of both.
   */
  async function expectAsTransactional(file: string, args: string[] = []) {
    const expected = await transactional(db, file);
    const offline = await accord(['import', '--offline', ...args, '--json', file], '', launcher);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    const summary = JSON.parse(offline.stdout);
    expect({ nodes: summary.nodes, relationships: summary.relationships }).toEqual({
      nodes: expected.summary.nodes,
      relationships: expected.summary.relationships,
    });
    const imported = createDatabase({ ...testConfig().neo4j, uri: summary.uri });
    try {
      const got = await graphOf(imported);
      expect(got.exported).toEqual(expected.exported);
      expect(got.stored).toEqual(expected.stored);
    } finally {
      await imported.close();
    }
  }

  it('writes the graph a transactional import writes, with the same summary', async () => {
    const file = ndjsonFile(records);
    await expectAsTransactional(file);
  });

  it('writes the same graph when no entity has two records (most rows written while checking)', async () => {
    // Without o-a's second record nothing is united: records with an id that refer by id are
    // written in the first pass, the rest (a parent by name, a record without an id) after it.
    const file = ndjsonFile(records.filter((r, i) => !(r.id === 'o-a' && i > 3)));
    await launch('stop');
    await db.close();
    db = await freshDatabase();
    await expectAsTransactional(file, ['--replace']);
  });

  it('refuses a running database, and a stopped one that holds data', async () => {
    const file = ndjsonFile([source('src-c')]);
    const running = await accord(['import', '--offline', file], '', launcher);
    expect(running.code).toBe(1);
    expect(running.stderr).toMatch(/refused: .* is running .* needs it stopped/);

    await launch('stop');
    const before = statSync(join(store, 'neostore.nodestore.db'));
    const used = await accord(['import', '--offline', file], '', launcher);
    expect(used.code).toBe(1);
    expect(used.stderr).toMatch(/refused: the database in .* has held nodes.* --replace/);
    const after = statSync(join(store, 'neostore.nodestore.db'));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  });
});
