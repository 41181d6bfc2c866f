/**
 * Where the rules decline to assert a fact, the draft lists it as `unplaced` with a reason code
 * a reviewer can act on and the words of the article it rests on. Articles written here
 * (names and bodies invented).
 */
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/extract/extract.ts';
import { UNPLACED_REASONS } from '../../src/extract/unplaced.ts';

const unplacedOf = async (text: string, publishedOn?: string) => {
  const draft = await extractDraft(text, publishedOn ? { publishedOn } : {});
  for (const u of draft.unplaced) {
    // Every entry: a known code, its words in the text, a reason in words.
    expect(Object.keys(UNPLACED_REASONS)).toContain(u.reason);
    expect(text.slice(u.span[0], u.span[1])).toBe(u.evidence);
    expect(u.detail).not.toBe('');
  }
  return { draft, unplaced: draft.unplaced.map((u) => `${u.kind} ${u.reason}: ${u.evidence}`) };
};

describe('unplaced findings carry a reason code and their evidence', () => {
  it('a signatory whose side the text does not give (titles at neither party)', async () => {
    const { draft, unplaced } = await unplacedOf(
      '6月2日,南湖大学与东信集团有限公司签署战略合作协议。北山研究所所长周立与西岭科技有限公司总经理郑华代表双方签署协议。',
      '2025-06-03',
    );
    expect(unplaced.filter((u) => u.startsWith('signatory'))).toHaveLength(2);
    expect(unplaced[0]).toMatch(/^signatory signatory-side-unclear: .*代表双方签署协议/);
    expect(draft.records.flatMap((r) => (r.record.signatories as unknown[]) ?? [])).toEqual([]);
  });

  it('signatories of a bare 签署协议 after two agreements signed together: which one is unclear', async () => {
    const text =
      '2025年6月2日,南湖大学与东信集团有限公司签署战略合作协议及人才培养协议。南湖大学副校长吴敏与东信集团有限公司总经理郑华代表双方签署协议。';
    const { draft, unplaced } = await unplacedOf(text);
    expect(unplaced.filter((u) => u.startsWith('signatory'))).toEqual([
      'signatory signatory-agreement-unclear: 南湖大学副校长吴敏与东信集团有限公司总经理郑华代表双方签署协议',
      'signatory signatory-agreement-unclear: 南湖大学副校长吴敏与东信集团有限公司总经理郑华代表双方签署协议',
    ]);
    expect(draft.records.flatMap((r) => (r.record.signatories as unknown[]) ?? [])).toEqual([]);
    // With one agreement at the event, the same clause names its signatories.
    const one = await extractDraft(text.replace('及人才培养协议', ''), {});
    expect(one.records.flatMap((r) => (r.record.signatories as unknown[]) ?? [])).toHaveLength(2);
  });

  it('a signatory of an English release whose title is at no party', async () => {
    const { unplaced } = await unplacedOf(
      'Eastbridge University signs MoU with Corvan Ltd\n\nOn June 23, 2025, Eastbridge University and Corvan Ltd signed a memorandum of understanding. Anna Lee, Dean of the Northfield Institute, and Tom Hart, CEO of Corvan Ltd, attended. The MoU was signed by Anna Lee.',
    );
    expect(unplaced).toContain('signatory signatory-side-unclear: The MoU was signed by Anna Lee.');
  });

  it('a title the text ties to no body it names', async () => {
    const { unplaced } = await unplacedOf(
      '5月6日,临江市人民政府与东信集团有限公司签署战略合作协议。临江市市长赵明,所长周立出席。',
      '2025-05-07',
    );
    expect(unplaced).toContain('role role-body-ambiguous: 所长周立');
  });

  it('a title after a body the rules do not read (English)', async () => {
    // A body in lower case (not a proper name such as "Eastbridge Faculty of Arts", which the
    // rules read as a body of its own).
    const { unplaced } = await unplacedOf(
      'Eastbridge University signs MoU with Corvan Ltd\n\nOn June 23, 2025, Eastbridge University and Corvan Ltd signed a memorandum of understanding. Mary Cole, Dean of the Eastbridge arts faculty, attended.',
    );
    expect(unplaced.some((u) => u.startsWith('role role-body-unknown: Mary Cole, Dean'))).toBe(
      true,
    );
  });

  it('a date without a year, at the words that state it (Chinese and English)', async () => {
    const chinese = await unplacedOf(
      '新闻网讯 7月4日,学校与东山生态研究所举行战略合作签约仪式。东山生态研究所所长刘强出席仪式。',
    );
    expect(chinese.unplaced).toContain('date date-without-year: 7月4日');
    expect(chinese.draft.unplaced.find((u) => u.kind === 'date')?.detail).toMatch(/^--07-04/);
    const english = await unplacedOf(
      'Eastbridge University signs MoU with Corvan Ltd\n\nOn June 23, Eastbridge University and Corvan Ltd signed a memorandum of understanding.',
    );
    expect(english.unplaced.filter((u) => u.startsWith('date'))).toEqual([
      'date date-without-year: June 23',
    ]);
    // The publication date alone gives no year: still listed. A year the text states does.
    const published = await unplacedOf(
      '新闻网讯 7月4日,学校与东山生态研究所举行战略合作签约仪式。东山生态研究所所长刘强出席仪式。',
      '2025-07-05',
    );
    expect(published.unplaced).toContain('date date-without-year: 7月4日');
    const dated = await unplacedOf(
      '新闻网讯 2025年夏,学校走访东山。7月4日,学校与东山生态研究所举行战略合作签约仪式。东山生态研究所所长刘强出席仪式。',
    );
    expect(dated.unplaced.filter((u) => u.startsWith('date'))).toEqual([]);
  });

  it('the page’s own body it never names, a body only mentioned, agreements without named parties or heads', async () => {
    const own = await unplacedOf(
      '新闻网讯 7月4日,学校与东山生态研究所举行战略合作签约仪式。东山生态研究所所长刘强、校长张华出席仪式。',
      '2025-07-05',
    );
    expect(own.unplaced).toContain('organisation own-body-unnamed: 学校');
    const heads = await unplacedOf(
      '5月6日,南湖大学与临江市人民政府签订战略合作协议。会上,南湖大学二级学院负责人分别与临江市人民政府相关部门负责人签订了具体的项目合作协议。',
      '2025-05-08',
    );
    expect(heads.unplaced).toContain('organisation organisation-not-placed: 南湖大学二级学院');
    expect(heads.unplaced.some((u) => u.startsWith('agreement agreement-heads-unnamed:'))).toBe(
      true,
    );
    const parties = await unplacedOf('6月2日,双方签署了合作备忘录。', '2025-06-03');
    expect(parties.unplaced).toEqual(['agreement agreement-parties-unnamed: 双方签署了合作备忘录']);
  });
});
