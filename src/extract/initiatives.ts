/**
 * Initiatives: the zones, parks and bases an agreement is about (北工大山河湾谷创新区, its
 * 先导区). A name ending in 创新区, 先导区, 示范区, 产业园 ... that is not a body; a shorter name
 * that ends one (先导区) is another name of it; one that begins with another is part of it.
 * An agreement concerns an initiative its title names (先导区合同) or that a sentence about
 * the agreement names.
 */
import type { Agreement } from './agreements.ts';
import type { Initiative, Region } from './findings.ts';
import { leftEdge, wordsOf } from './organisations.ts';
import type { Sentence } from './sentences.ts';

const ENDING = /(创新区|先导区|示范区|产业园|先行区|试验区|合作区|功能区)/g;
const STOP = /[\s,、。;:!?()“”《》的在将与和及为对是等建设打造推动围绕加快]/;

export function findInitiatives(
  text: string,
  view: string,
  sentences: Sentence[],
  agreements: Agreement[],
  regions: Region[],
): { initiatives: Initiative[]; concerns: Map<Agreement, Initiative[]> } {
  const found: Initiative[] = [];
  for (const sentence of sentences) {
    const part = view.slice(...sentence.span);
    for (const m of part.matchAll(ENDING)) {
      const end = sentence.span[0] + m.index + m[0].length;
      if (/^(合同|协议)/.test(view.slice(end))) continue;
      const words = wordsOf(view, sentence.span);
      let start = leftEdge(view, words, sentence.span[0] + m.index, sentence.span[0]);
      // Read back no further than a verb: 共同谋划北工大… is 北工大….
      const inside = words.filter((w) => w.start >= start && w.start < sentence.span[0] + m.index);
      const verb = inside
        .filter(
          (w) =>
            (w.tag === 'v' || /^(建设|打造|共建|建成|推进)$/.test(w.word)) &&
            !/^(创新区|先导区|示范区|先行区|试验区|合作区)/.test(view.slice(w.start)),
        )
        .at(-1);
      if (verb) start = verb.start + verb.word.length;
      const key = view.slice(start, end);
      if (key.length <= m[0].length + 1 || STOP.test(key)) continue;
      // A proper name begins it (北工大, 浙东工大), not a common word (环高校, 数字经济).
      const first = words.find((w) => w.start === start);
      if (!first || !/^(ns|nz|nt|j|x|nr|nrt|eng)$/.test(first.tag)) continue;
      if (found.some((i) => i.key === key)) continue;
      found.push({
        name: text.slice(start, end),
        key,
        span: [start, end],
        aliases: [],
        regions: [],
        confidence: 0.7,
      });
    }
  }
  // One that begins with another is part of it.
  for (const i of found) {
    const parent = found
      .filter((o) => o !== i && i.key.startsWith(o.key))
      .sort((a, b) => b.key.length - a.key.length)[0];
    if (parent) i.parent = parent;
  }
  // 先导区 alone: the initiative whose name ends so (one only).
  for (const ending of ['先导区', '创新区', '示范区', '产业园']) {
    const owners = found.filter(
      (i) => i.key.endsWith(ending) && !found.some((c) => c.parent === i && c.key.endsWith(ending)),
    );
    if (owners.length === 1 && view.includes(`${ending}`)) {
      const owner = owners[0] as Initiative;
      const bare = new RegExp(`(?<![\\p{Script=Han}])${ending}|[将在的和]${ending}`, 'u');
      if (bare.test(view) && ending === '先导区' && !owner.aliases.includes(ending))
        owner.aliases.push(ending);
    }
  }
  const concerns = new Map<Agreement, Initiative[]>();
  for (const a of agreements) {
    const list: Initiative[] = [];
    for (const i of found) {
      const named = [i.key, ...i.aliases].some((n) => a.key.includes(n));
      // A sentence that names both the agreement (by its title) and the initiative.
      const together = sentences.some((s) => {
        const words = view.slice(...s.span);
        return s.paragraph >= 0 && words.includes(a.key) && words.includes(i.key);
      });
      if (named || together) list.push(i);
    }
    // The most specific only: 先导区 rather than both it and the zone it belongs to.
    const specific = list.filter((i) => !list.some((c) => c.parent === i));
    if (specific.length) concerns.set(a, specific);
  }
  void regions;
  return { initiatives: found, concerns };
}
