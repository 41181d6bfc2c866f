/**
 * Full-text search over names and aliases: the query text normalised as names are (case,
 * width, Chinese variants: src/names.ts), turned into a Lucene query with every special
 * character escaped, run against the index entity_names, and each hit explained by the name,
 * English name, alias or pinyin form of a Chinese name that best matches the text.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type Kind, LABELS } from '../model/kinds.ts';
import { nameKey, pinyinForms } from '../names.ts';
import { type EntityNode, toEntity } from './entity.ts';

/** Which of an entity's names a search text matched. */
export type MatchedBy = 'NAME' | 'ENGLISH_NAME' | 'ALIAS' | 'PINYIN';

export interface SearchHit {
  entity: EntityNode;
  score: number;
  /** The name or alias that matched (for PINYIN, the Chinese name whose pinyin matched). */
  matched: string;
  matchedBy: MatchedBy;
}

export interface SearchOptions {
  /** Kinds to keep; null for every kind. */
  kinds: readonly Kind[] | null;
  first: number;
}

/** The characters Lucene's query syntax gives a meaning (`&&` and `||` escape char by char). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** `text` with every Lucene special character escaped, so that it only ever means itself. */
export const escapeLucene = (text: string): string => text.replace(LUCENE_SPECIAL, '\\$&');

/** The words of a key: runs of Chinese characters, and runs of other letters and digits. */
const WORDS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

/**
 * The Lucene query for a normalised search key: every word of the key is required, each as a
 * phrase, so that a run of Chinese characters matches where it stands whole (工业大学 finds
 * 北京工业大学, 清华大学 does not); the whole key as a phrase, boosted, ranks names that hold
 * the text as it stands first. Empty when the key has no words.
 */
export function luceneQuery(key: string): string {
  const words = key.match(WORDS) ?? [];
  if (words.length === 0) return '';
  const required = words.map((word) => `+"${escapeLucene(word)}"`).join(' ');
  return `${required} "${escapeLucene(key)}"^2`;
}

/** Latin words and digit runs whole; Chinese as the character pairs the index holds. */
function tokens(key: string): string[] {
  const out: string[] = [];
  for (const run of key.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run) || run.length < 2) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * How well a candidate form (a name's key or a pinyin form) matches the search key: 5 the
 * same, 4 the same but for spaces (`jiangzeting`), 3 it holds the key, 2.5 it holds it but
 * for spaces, otherwise between 1 and 2 by the share of the key's words it holds; 0 none.
 */
function closeness(key: string, keyTokens: string[], form: string): number {
  if (form === key) return 5;
  if (compact(form) === compact(key)) return 4;
  if (form.includes(key)) return 3;
  if (compact(form).includes(compact(key))) return 2.5;
  const held = keyTokens.filter((t) => form.includes(t)).length;
  return held === 0 ? 0 : 1 + held / keyTokens.length;
}

/**
 * The name, English name, alias or pinyin form of a Chinese name or alias that best matches
 * `key`; on a tie, in that order. An entity the index found by none of them (by a search term
 * of a name since replaced) is reported by its name.
 */
export function bestMatch(
  entity: EntityNode,
  key: string,
): Pick<SearchHit, 'matched' | 'matchedBy'> {
  const keyTokens = tokens(key);
  const candidates: { matched: string; matchedBy: MatchedBy; forms: string[] }[] = [];
  const name = entity.name;
  const aliases = entity.aliases ?? [];
  if (name) candidates.push({ matched: name, matchedBy: 'NAME', forms: [nameKey(name)] });
  if (entity.nameEn)
    candidates.push({
      matched: entity.nameEn,
      matchedBy: 'ENGLISH_NAME',
      forms: [nameKey(entity.nameEn)],
    });
  for (const alias of aliases)
    candidates.push({ matched: alias, matchedBy: 'ALIAS', forms: [nameKey(alias)] });
  for (const chinese of [name, ...aliases]) {
    if (!chinese) continue;
    const forms = pinyinForms(chinese);
    if (forms.length > 0) candidates.push({ matched: chinese, matchedBy: 'PINYIN', forms });
  }
  let best: Pick<SearchHit, 'matched' | 'matchedBy'> = {
    matched: name ?? aliases[0] ?? entity.id,
    matchedBy: 'NAME',
  };
  let bestCloseness = 0;
  for (const candidate of candidates) {
    const c = Math.max(...candidate.forms.map((form) => closeness(key, keyTokens, form)));
    if (c > bestCloseness) {
      bestCloseness = c;
      best = { matched: candidate.matched, matchedBy: candidate.matchedBy };
    }
  }
  return best;
}

/** Entities whose names match `text`, best first. `text` must hold more than white space. */
export async function search(
  db: Database,
  text: string,
  options: SearchOptions,
): Promise<SearchHit[]> {
  const key = nameKey(text);
  const query = luceneQuery(key);
  if (query === '' || options.first <= 0 || options.kinds?.length === 0) return [];
  const rows = await db.read(cypher('search/names'), {
    query,
    labels: options.kinds ? options.kinds.map((k) => LABELS[k]) : null,
    first: options.first,
  });
  return rows.map((row) => {
    const entity = toEntity(row.labels, row.props);
    return { entity, score: row.score as number, ...bestMatch(entity, key) };
  });
}
