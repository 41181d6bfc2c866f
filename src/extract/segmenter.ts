/**
 * Word segmentation with part-of-speech tags (jieba, through @node-rs/jieba's prebuilt
 * binaries). The rules use it only where a word boundary decides something: trimming a verb
 * off the front of an organisation's name, telling a place (ns) from other words, and the
 * word starts an abbreviation may be built from.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export interface Word {
  word: string;
  /** jieba's tag: ns place, nt organisation, nr person, v verb, p preposition, ... */
  tag: string;
  start: number;
}

let jieba: Jieba | undefined;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

/** The words of `text` with their tags and offsets. */
export function tagWords(text: string): Word[] {
  let start = 0;
  return segmenter()
    .tag(text, true)
    .map(({ word, tag }) => {
      const w = { word, tag, start };
      start += word.length;
      return w;
    });
}

/** The words of `text` (no tags). */
export const cutWords = (text: string): string[] => segmenter().cut(text, true);
