import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { extractDraft } from '../../src/extract/extract.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { memoryInput } from '../../src/import/records.ts';
import { seed } from '../../src/seed.ts';
import { apiClient } from '../support/api.ts';
import { accord } from '../support/cli.ts';
import { freshDatabase, graphCounts, resetGraph } from '../support/db.ts';
import { loadCases, SEED_ARTICLE, seedCase } from './score.ts';

const importAll = async (db: Database, records: unknown[]) => {
  const summary = await runImport(db, [memoryInput('draft', records)]);
  expect(summary.errors).toEqual([]);
  expect(summary.ok).toBe(true);
};

interface Answers {
  attendees: string[];
  partners: { partner: string; agreements: string[]; first: string; last: string }[];
  signatories: number;
}

/** The API's example questions, asked without knowing the ids the graph was given. */
async function answers(db: Database): Promise<Answers> {
  const gql = apiClient(db);
  const found = await gql<{
    agreements: { nodes: { event: { id: string } | null; signatories: unknown[] }[] };
    organisation: { id: string };
  }>(`{
    agreements(party: "北京工业大学") { nodes { event { id } signatories { person { name } } } }
    organisation(name: "北工大") { id }
  }`);
  expect(found.errors).toBeUndefined();
  const eventId = found.data?.agreements.nodes[0]?.event?.id as string;
  const attended = await gql<{
    event: { date: string; attendees: { person: { name: string }; roles: { title: string }[] }[] };
  }>(
    'query ($id: ID!) { event(id: $id) { date attendees { order person { name } roles { title } } } }',
    {
      id: eventId,
    },
  );
  const partners = await gql<{
    partners: {
      partner: { name: string };
      agreements: { name: string }[];
      firstSignedOn: string;
      lastSignedOn: string;
    }[];
  }>(
    'query ($id: ID!) { partners(of: $id) { partner { name } agreements { name } firstSignedOn lastSignedOn } }',
    { id: found.data?.organisation.id },
  );
  expect(partners.errors).toBeUndefined();
  return {
    attendees: (attended.data?.event.attendees ?? []).map(
      (a) => `${a.person.name}: ${a.roles.map((r) => r.title).join('、')}`,
    ),
    partners: (partners.data?.partners ?? []).map((p) => ({
      partner: p.partner.name,
      agreements: p.agreements.map((a) => a.name).sort(),
      first: p.firstSignedOn,
      last: p.lastSignedOn,
    })),
    signatories: (found.data?.agreements.nodes ?? []).flatMap((n) => n.signatories).length,
  };
}

/** Skips a test that reads the seed article where ACCORD_SEED_ARTICLE is unset. */
const needsSeed = (t: TestContext) => t.skip(!SEED_ARTICLE, 'ACCORD_SEED_ARTICLE is unset');

describe('from news to graph', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.close());

  it('the draft of the seed article, imported into an empty database, answers as the seed data does', async (t) => {
    needsSeed(t);
    await resetGraph(db);
    const run = await accord(['extract', String(SEED_ARTICLE), '--published', '2023-12-22']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/drafted \d+ records/);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.every((l) => 'record' in l || 'unplaced' in l)).toBe(true);
    expect(lines[0].record.type).toBe('source');
    await importAll(
      db,
      lines.filter((l) => 'record' in l).map((l) => l.record),
    );
    const fromDraft = await answers(db);

    await resetGraph(db);
    await seed(db);
    const fromSeed = await answers(db);

    expect(fromDraft.attendees).toEqual([
      '姜泽廷: 党委书记',
      '聂祚仁: 党委副书记、校长',
      '乔俊飞: 党委常委、副校长',
      '陈树君: 党委常委、副校长',
      '吴小杰: 区委副书记、区长',
      '杨洪福: 主任、主任',
      '朱国栋: 党委副书记、董事、总经理',
      '姜新浩: 党委委员、副总经理',
      '王剑: 党委常委、副总经理',
    ]);
    expect(fromDraft).toEqual(fromSeed);
    expect(fromDraft.partners.map((p) => p.partner)).toEqual([
      '北京控股集团有限公司',
      '中关村科技园区朝阳园管理委员会',
    ]);
    expect(fromDraft.signatories).toBe(0);
  });

  it('matches names against the graph held: 北工大 is the existing 北京工业大学, not a new body', async (t) => {
    needsSeed(t);
    await resetGraph(db);
    await seed(db);
    const run = await accord(['extract', String(SEED_ARTICLE), '--published', '2023-12-22']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/[1-9]\d* matched to the graph/);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => 'record' in l);
    const byName = (name: string) => records.find((l) => l.record.name === name);
    expect(byName('北京工业大学')?.record.id).toBe('org-bjut');
    expect(byName('北京工业大学')?.match).toEqual({ id: 'org-bjut', name: '北京工业大学' });
    expect(byName('聂祚仁')?.record.id).toBe('person-nie-zuoren');
    // 朝阳区委 is an alias of the seeded 中共北京市朝阳区委员会.
    expect(records.find((l) => l.record.id === 'org-chaoyang-cpc-committee')?.record.name).toBe(
      '中共北京市朝阳区委员会',
    );
    const before = await graphCounts(db);
    await importAll(
      db,
      records.map((l) => l.record),
    );
    const gql = apiClient(db);
    const bjut = await gql<{ organisations: { totalCount: number } }>(
      '{ organisations(kind: "university") { totalCount } }',
    );
    expect(bjut.data?.organisations.totalCount).toBe(1);
    const people = await gql<{ people: { totalCount: number } }>('{ people { totalCount } }');
    expect(people.data?.people.totalCount).toBe(13);
    // The draft's own source, agreements and events are new; nobody and no body is doubled.
    expect((await graphCounts(db)).nodes).toBeGreaterThan(before.nodes);
  });

  it('matches traditional and English names too, and keeps a namesake at another body apart', async () => {
    await resetGraph(db);
    await seed(db);
    const english = loadCases('tune').find((c) => c.name.endsWith('04-english-mou'));
    const gql = apiClient(db);
    const result = await gql<{
      extractDraft: {
        records: { type: string; record: Record<string, unknown>; match: { id: string } | null }[];
        unplaced: { kind: string; text: string; reason: string }[];
      };
    }>(
      `mutation ($text: String!) { extractDraft(text: $text, publishedOn: "2024-04-12") {
        records { type record match { id } } unplaced { kind text reason } } }`,
      { text: english?.text },
    );
    expect(result.errors).toBeUndefined();
    const records = result.data?.extractDraft.records ?? [];
    expect(records.find((r) => r.record.name === '北京工业大学')?.match?.id).toBe('org-bjut');
    // Nie Zuoren is the English name of the seeded 聂祚仁, who holds a role at BJUT.
    const nie = records.find((r) => r.match?.id === 'person-nie-zuoren')?.record;
    expect(nie?.name).toBe('聂祚仁');
    expect(nie?.aliases).toBeUndefined();

    const namesake = await gql<{
      extractDraft: {
        records: { record: Record<string, unknown> }[];
        unplaced: { text: string; reason: string }[];
      };
    }>(
      `mutation ($text: String!) { extractDraft(text: $text, publishedOn: "2024-06-02") {
        records { record } unplaced { text reason } } }`,
      {
        text: '6月1日,北京工業大學與丁科技有限公司簽署合作協議。丁科技有限公司總經理王剑出席簽約儀式。',
      },
    );
    const names = namesake.data?.extractDraft.records.map((r) => r.record) ?? [];
    expect(names.find((r) => r.type === 'organisation' && r.id === 'org-bjut')).toBeDefined();
    // 王剑 of the seed is at 北控集团; this 王剑 is at 丁科技: a new person, flagged.
    expect(names.find((r) => r.type === 'person')?.id).not.toBe('person-wang-jian');
    expect(namesake.data?.extractDraft.unplaced).toContainEqual({
      text: '王剑',
      reason: 'graph-namesake',
    });
  });

  it('drafts an article already imported under the same ids, and undated events of two articles apart', async () => {
    await resetGraph(db);
    const article =
      '南湖大学与东信集团有限公司签署合作协议\n\n近日,南湖大学与东信集团有限公司签署战略合作协议。南湖大学校长孙立、东信集团有限公司董事长吴刚出席签约仪式。';
    const first = await extractDraft(article, { db });
    const records = first.records.map((r) => r.record);
    await importAll(db, records);
    const before = await graphCounts(db);
    // The same article again: its source, event and agreement are the ones held, not -2 copies.
    const again = await extractDraft(article, { db });
    expect(again.records.map((r) => r.record.id).sort()).toEqual(records.map((r) => r.id).sort());
    await importAll(
      db,
      again.records.map((r) => r.record),
    );
    expect(await graphCounts(db)).toEqual(before);
    // Another undated article of the same kind: its event and agreement ids are its own.
    const other = await extractDraft(article.replace(/南湖大学/g, '北山大学'), { db });
    const undated = (d: typeof other) =>
      d.records
        .map((r) => r.record.id as string)
        .filter((id) => /^(event|agreement)-.*undated/.test(id));
    expect(undated(first)).toHaveLength(2);
    expect(undated(other)).toHaveLength(2);
    for (const id of undated(other)) expect(undated(first)).not.toContain(id);
    expect(undated(other).some((id) => /-2$/.test(id))).toBe(false);
  });

  it('gives events and agreements dated without a year ids of their own article, importable side by side', async () => {
    await resetGraph(db);
    const article = (a: string) =>
      `${a}与东信集团有限公司签署合作协议\n\n6月29日,${a}与东信集团有限公司签署战略合作协议。${a}校长孙立出席签约仪式。`;
    const first = await extractDraft(article('南湖大学'));
    const second = await extractDraft(article('北山大学'));
    const yearless = (d: typeof first) =>
      d.records
        .filter((r) => ['event', 'agreement'].includes(r.record.type as string))
        .map((r) => r.record.id as string);
    expect(yearless(first)).toHaveLength(2);
    for (const id of yearless(first)) {
      expect(id).toMatch(/-06-29-[0-9a-f]+$/);
      expect(yearless(second)).not.toContain(id);
    }
    await importAll(db, [
      ...first.records.map((r) => r.record),
      ...second.records.map((r) => r.record),
    ]);
    const gql = apiClient(db);
    const found = await gql<{ agreements: { nodes: { signedOn: string }[] } }>(
      '{ agreements { nodes { signedOn } } }',
    );
    expect(found.data?.agreements.nodes.map((n) => n.signedOn)).toEqual(['--06-29', '--06-29']);
  });

  it('extractDraft returns records importRecords accepts, with evidence, and refuses bad input', async (t) => {
    needsSeed(t);
    await resetGraph(db);
    const gql = apiClient(db);
    const seedText = seedCase().text;
    const result = await gql<{
      extractDraft: {
        language: string;
        sourceId: string;
        importRecords: unknown[];
        records: { span: number[]; evidence: string; confidence: number }[];
      };
    }>(
      `mutation ($text: String!) { extractDraft(text: $text, publishedOn: "2023-12-22", sourceUrl: "https://news.example/1") {
        language sourceId importRecords records { span evidence confidence } } }`,
      { text: seedText },
    );
    expect(result.errors).toBeUndefined();
    const draft = result.data?.extractDraft;
    expect(draft?.language).toBe('zh-CN');
    for (const r of draft?.records ?? [])
      expect(seedText.slice(r.span[0], r.span[1])).toBe(r.evidence);
    const imported = await gql<{ importRecords: { ok: boolean; errorCount: number } }>(
      'mutation ($r: [JSON!]!) { importRecords(records: $r) { ok errorCount } }',
      { r: draft?.importRecords },
    );
    expect(imported.data?.importRecords).toEqual({ ok: true, errorCount: 0 });
    const source = await gql<{ node: { url: string } }>(
      `{ node(id: "${draft?.sourceId}") { ... on Source { url } } }`,
    );
    expect(source.data?.node.url).toBe('https://news.example/1');

    const bad = await gql(
      'mutation { extractDraft(text: "x", publishedOn: "2023-12") { sourceId } }',
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await gql('mutation { extractDraft(text: "  ") { sourceId } }');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
