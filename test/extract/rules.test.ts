/**
 * The extraction rules against the labelled set: every fact of the seed article and nothing
 * invented; the evaluation half within its targets; never a signatory the text does not state.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/extract/article.ts';
import { findDates } from '../../src/extract/dates.ts';
import { extractDraft } from '../../src/extract/extract.ts';
import { validateRecord } from '../../src/import/validate.ts';
import {
  FACT_TYPES,
  loadCases,
  precision,
  type Rec,
  recall,
  SEED_ARTICLE,
  score,
  seedCase,
  total,
} from './score.ts';

const draftOf = async (text: string, publishedOn?: string) =>
  extractDraft(text, publishedOn ? { publishedOn } : {});

describe.skipIf(!SEED_ARTICLE)('the seed article', () => {
  it('gives every fact the seed data holds, and nothing more, and no signatory', async () => {
    const seed = seedCase();
    const draft = await draftOf(seed.text, seed.publishedOn);
    const s = score(
      draft.records.map((r) => r.record as Rec),
      seed.expected,
    );
    for (const type of [...FACT_TYPES, 'witness', 'host', 'credit'] as const) {
      expect({ type, missed: s[type].missed, invented: s[type].invented }).toEqual({
        type,
        missed: [],
        invented: [],
      });
    }
    // The control: the facts compared are there to be found.
    expect(s.role.correct).toBe(18);
    expect(s.attendee.correct).toBe(9);
    expect(draft.records.some((r) => r.record.type === 'agreement' && r.record.signatories)).toBe(
      false,
    );
  });

  it('drafts only valid import records, each with evidence cut from the article', async () => {
    const seed = seedCase();
    const draft = await draftOf(seed.text, seed.publishedOn);
    expect(draft.records.length).toBeGreaterThan(40);
    for (const r of draft.records) {
      expect({ id: r.record.id, problems: validateRecord(r.record) }).toEqual({
        id: r.record.id,
        problems: [],
      });
      expect(seed.text.slice(r.span[0], r.span[1])).toBe(r.evidence);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    const ids = draft.records.map((r) => r.record.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bjut = draft.records.find((r) => r.record.name === '北京工业大学');
    expect(bjut?.record.aliases).toEqual(['北工大']);
    const nie = draft.records.find((r) => r.record.name === '聂祚仁');
    expect(nie?.record.nameEn).toBe('Nie Zuoren');
  });
});

describe('the evaluation half', () => {
  it('meets the targets: organisations, people, roles and parties at precision 0.9 and recall 0.8, no invented signatory', async () => {
    const cases = loadCases('eval');
    expect(cases.length).toBeGreaterThanOrEqual(7);
    const scores = [];
    for (const c of cases) {
      const draft = await draftOf(c.text, c.publishedOn);
      scores.push(
        score(
          draft.records.map((r) => r.record as Rec),
          c.expected,
        ),
      );
    }
    const sum = total(scores);
    for (const type of ['organisation', 'person', 'role', 'party'] as const) {
      expect({
        type,
        precision: precision(sum[type]) >= 0.9,
        recall: recall(sum[type]) >= 0.8,
      }).toEqual({
        type,
        precision: true,
        recall: true,
      });
    }
    expect(sum.signatory.invented).toEqual([]);
  });
});

describe('rules of the genre', () => {
  it('reads a month and day in the year the text states, never in the publication year alone', () => {
    const found = findDates('昨日,双方签约。2024年3月5日 and on 14 May', '2024-05-20');
    expect(found.map((d) => d.date)).toEqual(['2024-05-19', '2024-03-05', '2024-05-14']);
    const dates = (text: string) => findDates(text, '2025-01-03').map((d) => d.date);
    expect(dates('12月30日,双方签约。')).toEqual(['--12-30']);
    expect(dates('2024年11月5日,双方签约。11月6日,双方座谈。')).toEqual([
      '2024-11-05',
      '2024-11-06',
    ]);
    // The year of a past milestone is not the signing's; the page's own date line gives one.
    expect(dates('2019年,双方建立合作关系。11月6日,双方签约。')).toEqual(['--11-06']);
    expect(dates('11月6日,双方签约。\n发布时间:2024-11-08')).toEqual(['2024-11-06', '2024-11-08']);
    expect(dates('On June 23, 2025, they signed. On June 24 they met.')).toEqual([
      '2025-06-23',
      '2025-06-24',
    ]);
  });

  it('keeps a month and day without a year as --MM-DD when no publication date is known', async () => {
    const found = findDates('10月14日,双方签约。2月30日 2月29日 and on 14 May', undefined);
    expect(found.map((d) => d.date)).toEqual(['--10-14', '--02-29', '--05-14']);
    const draft = await draftOf(
      '北京工业大学与北京控股集团有限公司签署战略合作协议\n\n10月14日,北京工业大学与北京控股集团有限公司签署战略合作协议。',
    );
    const agreement = draft.records.find((r) => r.record.type === 'agreement')?.record;
    expect(agreement?.signedOn).toBe('--10-14');
    for (const { record } of draft.records) expect(validateRecord(record)).toEqual([]);
  });

  it('never names a signatory the text does not state', async () => {
    const draft = await draftOf(
      '甲大学与乙集团有限公司签约\n\n5月8日,甲大学与乙集团有限公司签署战略合作协议。甲大学校长王明,乙集团有限公司董事长李强出席签约仪式。双方代表签署协议。',
      '2024-05-09',
    );
    const agreement = draft.records.find((r) => r.record.type === 'agreement')?.record;
    expect(agreement?.parties).toHaveLength(2);
    expect(agreement?.signatories).toBeUndefined();
  });

  it('gives X代表Y与Z签署 one signatory, for Y only', async () => {
    const draft = await draftOf(
      '6月3日,副校长赵军代表甲大学与丙科技有限公司签署技术合作协议。丙科技有限公司总经理钱进出席。',
      '2024-06-04',
    );
    const agreement = draft.records.find((r) => r.record.type === 'agreement')?.record;
    const id = (name: string) => draft.records.find((r) => r.record.name === name)?.record.id;
    expect(agreement?.signatories).toEqual([{ person: id('赵军'), onBehalfOf: id('甲大学') }]);
  });

  it('reads traditional characters and keeps names as written', async () => {
    const c = loadCases('tune').find((x) => x.name.endsWith('03-traditional-mou')) as ReturnType<
      typeof loadCases
    >[number];
    const draft = await draftOf(c.text, c.publishedOn);
    const names = draft.records.filter((r) => r.record.type === 'person').map((r) => r.record.name);
    expect(names).toContain('黃志強');
    expect(draft.language).toBe('zh-Hant');
  });

  it('reads an HTML page as its text', async () => {
    const html =
      '<html><head><title>x</title><script>var a=1;</script></head><body><h1>甲大学与乙集团有限公司签署合作协议</h1><p>5月8日,甲大学与乙集团有限公司签署合作协议。甲大学校长王明出席签约仪式。</p></body></html>';
    expect(htmlToText(html)).not.toMatch(/var a|<p>/);
    const draft = await extractDraft(html, { html: true, publishedOn: '2024-05-09' });
    expect(draft.records.find((r) => r.record.type === 'agreement')?.record.signedOn).toBe(
      '--05-08',
    );
  });
});
