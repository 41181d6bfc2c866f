/**
 * Readable, stable ids for drafted records: `person-jiang-zeting`, `org-beijing-gongye-daxue`,
 * `agreement-strategic-2023-12-21`. Chinese is spelt in toneless pinyin, word by word.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { COMPOUND_SURNAMES } from './lexicon.ts';
import { cutWords } from './segmenter.ts';

const HAN = /\p{Script=Han}/u;

/** The toneless pinyin syllables of Chinese text; other words as they are, lower-case. */
function syllables(text: string, surname = false): string[] {
  return pinyin(text, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
    ...(surname ? { mode: 'surname' as const } : {}),
  })
    .flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
}

const slugify = (words: string[], max = 48) => {
  const slug = words.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '');
};

/** Surname and given name of a Chinese personal name, in pinyin: [jiang, zeting]. */
export function personalPinyin(name: string): [string, string] {
  const surnameLength = COMPOUND_SURNAMES.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
  const surname = syllables(name.slice(0, surnameLength), true).join('');
  const given = syllables(name.slice(surnameLength)).join('');
  return [surname, given];
}

/** An English name from pinyin when the text gives none: 姜泽廷 → Jiang Zeting. */
export function englishName(name: string): string | undefined {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return undefined;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const [surname, given] = personalPinyin(name);
  return `${cap(surname)} ${cap(given)}`.replace(/v/g, 'ü').trim();
}

/** A slug of a name: people as surname-given, others word by word. */
export function slugOf(name: string, personal = false): string {
  if (!HAN.test(name)) return slugify(name.toLowerCase().split(/[^a-z0-9]+/)) || hash(name);
  if (personal && /^\p{Script=Han}{2,4}$/u.test(name)) return slugify(personalPinyin(name));
  const words = cutWords(name).map((w) => syllables(w).join(''));
  return slugify(words) || hash(name);
}

export const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** Hands out ids, adding -2, -3 ... when one is taken. */
export class IdMaker {
  private readonly taken = new Set<string>();

  reserve(id: string) {
    this.taken.add(id);
  }

  make(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
