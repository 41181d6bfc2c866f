/**
 * search(text, kinds, first) over the seeded graph: Chinese substrings, English words, case,
 * width and Chinese variants, pinyin; kinds and limits; search syntax in the text taken as
 * text; and the searchTerms behind it, written at import and left unchanged by a re-import.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { escapeLucene, luceneQuery } from '../../src/graph/search.ts';
import { mergedProperties } from '../../src/model/merge.ts';
import { pinyinForms, searchTerms } from '../../src/names.ts';
import { seed, seedFiles } from '../../src/seed.ts';
import { type apiClient, seededApi } from '../support/api.ts';
import { graphCounts } from '../support/db.ts';

interface Hit {
  kind: string;
  entity: { id: string; name: string; __typename: string };
  score: number;
  matched: string;
  matchedBy: string;
}

const SEARCH = `query Search($text: String!, $kinds: [Kind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) {
    kind score matched matchedBy
    entity { __typename id name }
  }
}`;

let db: Database;
let gql: ReturnType<typeof apiClient>;
beforeAll(async () => {
  ({ db, gql } = await seededApi());
});
afterAll(() => db.close());

async function search(text: string, extra: { kinds?: string[]; first?: number } = {}) {
  const response = await gql<{ search: Hit[] }>(SEARCH, { text, ...extra });
  expect(response.errors).toBeUndefined();
  return response.data?.search ?? [];
}
const ids = (hits: Hit[]) => hits.map((h) => h.entity.id);

describe('search finds names', () => {
  it('by a Chinese substring: 工业大学 finds 北京工业大学 first', async () => {
    const hits = await search('工业大学');
    expect(hits[0]).toMatchObject({
      kind: 'ORGANISATION',
      entity: { id: 'org-bjut', name: '北京工业大学', __typename: 'Organisation' },
      matched: '北京工业大学',
      matchedBy: 'NAME',
    });
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it('ranks by score', async () => {
    const hits = await search('北京工业大学');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids(hits)).toContain('region-bjut-pingleyuan-campus');
    expect(ids(hits)[0]).toBe('org-bjut');
  });

  it('by an alias: 北工大', async () => {
    const [hit] = await search('北工大');
    expect(hit).toMatchObject({
      entity: { id: 'org-bjut' },
      matched: '北工大',
      matchedBy: 'ALIAS',
    });
  });

  it('ignoring case and full-width forms: BJUT, bjut, ＢＪＵＴ', async () => {
    for (const text of ['BJUT', 'bjut', 'ＢＪＵＴ', ' Bjut ']) {
      const [hit] = await search(text);
      expect(hit, text).toMatchObject({
        entity: { id: 'org-bjut' },
        matched: 'BJUT',
        matchedBy: 'ALIAS',
      });
    }
  });

  it('ignoring traditional and simplified variants: 北京工業大學', async () => {
    const [hit] = await search('北京工業大學');
    expect(hit).toMatchObject({ entity: { id: 'org-bjut' }, matched: '北京工业大学' });
  });

  it('by English words: university of technology', async () => {
    const [hit] = await search('university of technology');
    expect(hit).toMatchObject({
      entity: { id: 'org-bjut' },
      matched: 'Beijing University of Technology',
      matchedBy: 'ENGLISH_NAME',
    });
    expect(ids(await search('University Of TECHNOLOGY'))[0]).toBe('org-bjut');
  });

  it('by pinyin: jiang zeting, jiangzeting, nie zuoren, tone-less and in any case', async () => {
    expect(ids(await search('jiang zeting'))[0]).toBe('person-jiang-zeting');
    expect(ids(await search('JIANG Zeting'))[0]).toBe('person-jiang-zeting');
    expect(ids(await search('jiang ze ting'))[0]).toBe('person-jiang-zeting');
    expect(ids(await search('nie zuoren'))[0]).toBe('person-nie-zuoren');
    const [joined] = await search('jiangzeting');
    expect(joined).toMatchObject({
      kind: 'PERSON',
      entity: { id: 'person-jiang-zeting', name: '姜泽廷' },
      matched: '姜泽廷',
      matchedBy: 'PINYIN',
    });
    expect(await search('NieZuoren')).toMatchObject([
      { entity: { id: 'person-nie-zuoren' }, matched: '聂祚仁', matchedBy: 'PINYIN' },
    ]);
  });

  it('by the pinyin of a Chinese name that has no English one', async () => {
    // 焦奥中心 has no English name: only pinyin can find it by Latin letters.
    const [hit] = await search('jiao ao zhong xin');
    expect(hit).toMatchObject({
      entity: { id: 'org-jiaoao-centre' },
      matched: '焦奥中心',
      matchedBy: 'PINYIN',
    });
  });

  it('keeps only the kinds asked for', async () => {
    const all = await search('BJUT');
    expect(new Set(all.map((h) => h.kind))).toEqual(
      new Set(['ORGANISATION', 'REGION', 'INITIATIVE']),
    );
    const regions = await search('BJUT', { kinds: ['REGION'] });
    expect(ids(regions)).toEqual(['region-bjut-pingleyuan-campus']);
    const some = await search('BJUT', { kinds: ['REGION', 'INITIATIVE'] });
    expect(new Set(some.map((h) => h.kind))).toEqual(new Set(['REGION', 'INITIATIVE']));
    expect(await search('BJUT', { kinds: ['PERSON'] })).toEqual([]);
    expect(await search('BJUT', { kinds: [] })).toEqual([]);
  });

  it('returns at most `first` hits', async () => {
    expect((await search('北京', { first: 50 })).length).toBeGreaterThan(2);
    expect(await search('北京', { first: 2 })).toHaveLength(2);
    expect(await search('北京', { first: 0 })).toEqual([]);
  });

  it('requires every word, each where it stands whole', async () => {
    expect(ids(await search('北京 工业大学'))[0]).toBe('org-bjut');
    expect(ids(await search('工业大学 北京'))[0]).toBe('org-bjut');
    expect(ids(await search('beijing technology'))).toEqual(['org-bjut']);
  });

  it('finds nothing for a name no entity holds', async () => {
    expect(await search('清华大学')).toEqual([]);
    expect(await search('Tsinghua University')).toEqual([]);
  });
});

describe('search refuses bad input', () => {
  const codeOf = async (text: string, extra: Record<string, unknown> = {}) => {
    const response = await gql(SEARCH, { text, ...extra });
    expect(response.data).toBeNull();
    return response.errors?.[0]?.extensions?.code;
  };

  it('first above 50 is an error, not a silent cut', async () => {
    expect(await codeOf('北京', { first: 51 })).toBe('BAD_USER_INPUT');
    expect(await codeOf('北京', { first: -1 })).toBe('BAD_USER_INPUT');
  });

  it('empty or blank text is an error', async () => {
    expect(await codeOf('')).toBe('BAD_USER_INPUT');
    expect(await codeOf('   ')).toBe('BAD_USER_INPUT');
    expect(await codeOf('\u3000\t\n')).toBe('BAD_USER_INPUT');
  });

  it('text longer than 100 characters is an error', async () => {
    expect(await codeOf('北'.repeat(101))).toBe('BAD_USER_INPUT');
    expect(await search('北京'.repeat(50))).toBeInstanceOf(Array);
  });
});

describe('search syntax in the text is taken as text', () => {
  const attacks = [
    '北京") OR *:*',
    '}) MATCH (n) DETACH DELETE n //',
    '*:*',
    '*',
    '?',
    'bjut~',
    'name:北京',
    'BJUT AND NOT 北京',
    '"unbalanced',
    '(((',
    '\\',
    '&& || ! ^ [ ] { } ~ * ? : / + -',
    "'; MATCH (n) DETACH DELETE n; //",
    'a'.repeat(100),
  ];

  it('answers without an error and leaves the graph unchanged', async () => {
    const before = await graphCounts(db);
    for (const text of attacks) {
      const response = await gql<{ search: Hit[] }>(SEARCH, { text });
      expect(response.errors, text).toBeUndefined();
      expect(response.data?.search, text).toBeInstanceOf(Array);
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it('a query that would match everything unescaped matches only what the text names', async () => {
    // Unescaped, `*:*` matches every node; escaped, nothing is named "*".
    expect(await search('*:*')).toEqual([]);
    const hits = await search('北京") OR *:*');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan((await graphCounts(db)).nodes);
  });

  it('escapes every Lucene special character', () => {
    const specials = '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /';
    expect(escapeLucene(specials)).toBe(
      '\\+ \\- \\&\\& \\|\\| \\! \\( \\) \\{ \\} \\[ \\] \\^ \\" \\~ \\* \\? \\: \\\\ \\/',
    );
    expect(luceneQuery('北京") or *:*')).toBe('+"北京" +"or" "北京\\"\\) or \\*\\:\\*"^2');
    expect(luceneQuery('bjut北京')).toBe('+"bjut" +"北京" "bjut北京"^2');
    expect(luceneQuery('*:*')).toBe('');
    expect(luceneQuery('  ')).toBe('');
  });
});

describe('searchTerms', () => {
  it('hold the keys of the names and the pinyin of the Chinese ones', () => {
    expect(searchTerms(['姜泽廷', 'Jiang Zeting'])).toEqual([
      '姜泽廷',
      'jiang zeting',
      'jiang ze ting',
      'jiangzeting',
    ]);
    expect(searchTerms(['北京工業大學', 'ＢＪＵＴ', undefined])).toEqual([
      '北京工业大学',
      'bjut',
      'bei jing gong ye da xue',
      'beijinggongyedaxue',
    ]);
    expect(pinyinForms('欧阳修')).toContain('ouyang xiu');
    expect(pinyinForms('曾国藩')).toContain('zeng guofan');
    expect(pinyinForms('吕布')).toEqual(
      expect.arrayContaining(['lü bu', 'lv bu', 'lu bu', 'lubu']),
    );
    expect(pinyinForms('BJUT')).toEqual([]);
  });

  it('are written at import on every named node, and a re-import leaves them unchanged', async () => {
    const seedIds = seedFiles()
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; type: string });
    const termsOf = async () => {
      const out: Record<string, unknown> = {};
      for (const { id } of seedIds) {
        const [row] = await db.read(cypher('test/import/node'), { id });
        out[id] = (row?.props as Record<string, unknown> | undefined)?.searchTerms ?? null;
      }
      return out;
    };
    const before = await termsOf();
    for (const { id, type } of seedIds) {
      if (type === 'role') expect(before[id], id).toBeNull();
      else expect(before[id], id).toEqual(expect.arrayContaining([expect.any(String)]));
    }
    expect(before['person-nie-zuoren']).toEqual(
      expect.arrayContaining(['niezuoren', 'nie zuoren']),
    );
    expect(before['org-bjut']).toEqual(expect.arrayContaining(['北京工业大学', 'bjut', '北工大']));

    const counts = await graphCounts(db);
    const summary = await seed(db);
    for (const [kind, counts] of Object.entries(summary.nodes))
      expect(counts, kind).toMatchObject({ created: 0, updated: 0 });
    expect(await termsOf()).toEqual(before);
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('are united when duplicates merge', () => {
    const props = mergedProperties(
      { id: 'a', name: '北京工业大学', searchTerms: ['北京工业大学', 'beijinggongyedaxue'] },
      [{ id: 'b', name: '北工大', searchTerms: ['北工大', 'beigongda'] }],
    );
    expect(props.searchTerms).toEqual([
      '北京工业大学',
      'beijinggongyedaxue',
      '北工大',
      'beigongda',
    ]);
  });
});
