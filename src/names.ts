/**
 * Name normalisation: the one rule by which names and aliases are matched. Case, full-width
 * and half-width forms (NFKC) and traditional/simplified Chinese variants (OpenCC) are
 * ignored, and runs of white space count as one space. Search adds pinyin: the Latin-letter
 * spellings of Chinese names, without tone marks, under which `jiang zeting` finds 姜泽廷.
 */
import { Converter, Locale, Trie } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { Recent } from './recent.ts';

const toSimplified = Converter({ from: 't', to: 'cn' });
const hongKongToSimplified = Converter({ from: 'hk', to: 'cn' });
const taiwanToSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * Every text the three conversions above replace (their configurations t2s, hk2s, tw2s: the
 * normalisation and conversion dictionaries), in one trie. A name in which none of them occurs
 * comes out of the conversions unchanged, and most names are such: the test is one trie walk
 * where converting is nine (three converters of up to three dictionaries each), which was a
 * third of an import's name work (bench/README.md, "Import: where the time goes").
 */
const converted = (() => {
  const trie = new Trie();
  // Their dictionaries are texts, `source replacement|...`, in nested lists.
  const load = (dicts: unknown): void => {
    if (typeof dicts === 'string') trie.loadDict(dicts);
    else if (Array.isArray(dicts)) for (const d of dicts) load(d);
  };
  const configs = Locale.configs as Record<string, Record<string, unknown>>;
  for (const name of ['t2s', 'hk2s', 'tw2s']) {
    const { segmentation: _, ...chains } = configs[name] ?? {};
    if (Object.keys(chains).length === 0) throw new Error(`OpenCC has no configuration ${name}`);
    load(Object.values(chains));
  }
  return trie;
})();

/** Whether the conversions to simplified Chinese would change anything in `text`. */
function convertible(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    if (text.charCodeAt(at) < 0x2e80) continue; // below CJK: no dictionary holds it
    if (converted.matchPrefix(text, at)) return true;
  }
  return false;
}

/**
 * A function of one string remembered for recent distinct strings (src/recent.ts): OpenCC and
 * pinyin cost tens of microseconds each. Callers must not change what it returns.
 */
function remembered<T>(compute: (text: string) => T, size = 50_000): (text: string) => T {
  const recent = new Recent<T>(size);
  return (text) => {
    let value = recent.get(text);
    if (value === undefined) {
      value = compute(text);
      recent.set(text, value);
    }
    return value;
  };
}

/** The form under which a name is matched: 北京工業大學 and 北京工业大学 give the same key. */
export const nameKey = remembered((name: string): string => {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const simplified = convertible(folded)
    ? toSimplified(hongKongToSimplified(taiwanToSimplified(folded)))
    : folded;
  // '|' delimits keys in the stored nameKeys string, so it never appears inside one.
  return simplified.replaceAll('|', ' ').trim();
});

/** The distinct keys of a set of names, in order. */
export function nameKeys(names: Iterable<string | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) if (name) keys.add(nameKey(name));
  return [...keys].filter((k) => k.length > 0);
}

const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;

/** Whether a text holds Chinese characters (and so has pinyin forms). */
export const hasHan = (text: string): boolean => HAN.test(text);

/** Two-character surnames, so that 欧阳修 reads `ouyang xiu` rather than `ou yangxiu`. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 轩辕 端木 独孤 ' +
    '南宫 西门 百里 呼延 万俟 澹台 公冶 宗政 濮阳 太史 申屠 钟离 闻人 赫连 拓跋 第五 左丘 ' +
    '东郭 公羊 仲孙 单于 闾丘 亓官 司寇 子车 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 梁丘 谷梁'
  ).split(' '),
);

/** The words of a key in Latin letters: one toneless syllable per Chinese character. */
function syllables(key: string, surname: boolean): string[] {
  const parts = pinyin(key, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    ...(surname ? { mode: 'surname' as const } : {}),
  });
  return parts.flatMap((part) => part.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
}

/**
 * The pinyin forms of one name or alias, lower-case and without tone marks: the syllables
 * space-separated (`jiang ze ting`) and joined (`jiangzeting`); for a name that looks like a
 * person's (two to four Chinese characters), also surname and given name (`jiang zeting`),
 * with the surname's own reading where it differs (曾 zeng, 单 shan). ü is also spelt v and
 * u (吕: `lü`, `lv`, `lu`). A name without Chinese characters has none.
 */
export const pinyinForms = remembered((name: string): string[] => {
  const key = nameKey(name);
  if (!hasHan(key)) return [];
  const readings = [syllables(key, false)];
  const personal = ALL_HAN.test(key) && [...key].length >= 2 && [...key].length <= 4;
  if (personal) {
    // The surname reading applies to the surname only; pinyin-pro's surname mode would
    // also re-read later characters (区 as ou).
    const surnameLength = COMPOUND_SURNAMES.has([...key].slice(0, 2).join('')) ? 2 : 1;
    const asSurname = syllables(key, true).slice(0, surnameLength);
    const given = (readings[0] as string[]).slice(surnameLength);
    const alternative = [...asSurname, ...given];
    if (alternative.join(' ') !== readings[0]?.join(' ')) readings.push(alternative);
    const forms = new Set<string>();
    for (const words of readings) {
      forms.add(words.join(' '));
      forms.add(words.join(''));
      forms.add(`${words.slice(0, surnameLength).join('')} ${words.slice(surnameLength).join('')}`);
    }
    return withUmlautSpellings(forms);
  }
  const words = readings[0] as string[];
  return withUmlautSpellings(new Set([words.join(' '), words.join('')]));
});

function withUmlautSpellings(forms: Set<string>): string[] {
  const out = new Set<string>();
  for (const form of forms) {
    out.add(form);
    if (form.includes('ü')) {
      out.add(form.replaceAll('ü', 'v'));
      out.add(form.replaceAll('ü', 'u'));
    }
  }
  return [...out];
}

/**
 * The terms under which full-text search finds an entity (its `searchTerms` property): the
 * keys of its names, English name and aliases, and the pinyin forms of those in Chinese.
 * Distinct, in order.
 */
export function searchTerms(names: Iterable<string | undefined>): string[] {
  const terms = new Set<string>();
  const list = [...names].filter((n): n is string => typeof n === 'string' && n.length > 0);
  for (const key of nameKeys(list)) terms.add(key);
  for (const name of list) for (const form of pinyinForms(name)) terms.add(form);
  return [...terms];
}
