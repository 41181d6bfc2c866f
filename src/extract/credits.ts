/**
 * The source's own credits: 摄影:刘晓迟、刘东昆 编辑:刘潇 审核:余乙兵, (通讯员 白雪 编辑 程远),
 * 【記者陳怡君/臺中報導】. A label is read only where credits are written (after a bracket, a
 * space or the start of a line) and the names after it are read as names are.
 */
import type { Span } from './article.ts';
import { readName } from './officials.ts';

export type CreditRole = 'writing' | 'photography' | 'editing' | 'review' | 'translation' | 'other';

export interface Credit {
  name: string;
  key: string;
  span: Span;
  roles: CreditRole[];
}

const LABELS: [RegExp, CreditRole[]][] = [
  [/^(文\/图|图文|文图)/, ['writing', 'photography']],
  [/^(摄影|图片|摄像|图)/, ['photography']],
  [/^(责任编辑|责编|编辑|编校)/, ['editing']],
  [/^(审核|审校|终审|审稿|审定|复审|初审|校审)/, ['review']],
  [/^(撰稿|作者|记者|通讯员|供稿|文字|文)/, ['writing']],
  [/^(翻译|译)/, ['translation']],
];

export function findCredits(text: string, view: string, spans: Span[]): Credit[] {
  const credits: Credit[] = [];
  for (const [start, end] of spans) {
    for (let i = start; i < end; i++) {
      const before = i === start ? '' : (view[i - 1] as string);
      if (i !== start && !/[\s([【,]/.test(before)) continue;
      const label = LABELS.find(([p]) => p.test(view.slice(i, end)));
      if (!label) continue;
      const word = (label[0].exec(view.slice(i, end)) as RegExpExecArray)[0];
      let j = i + word.length;
      // 审核人:姜长泓, 供稿人: the label with 人.
      if (view[j] === '人' && /^[\s::]/.test(view.slice(j + 1))) j++;
      if (!/^[\s::/]/.test(view.slice(j)) && !/^(记者|通讯员)$/.test(word)) continue;
      while (/[\s::/]/.test(view[j] ?? '')) j++;
      let found = false;
      for (;;) {
        const length = creditName(view, j, end);
        if (length === 0) break;
        const key = view.slice(j, j + length);
        const known = credits.find((c) => c.key === key);
        if (known) {
          for (const r of label[1]) if (!known.roles.includes(r)) known.roles.push(r);
        } else {
          credits.push({
            name: text.slice(j, j + length),
            key,
            span: [j, j + length],
            roles: [...label[1]],
          });
        }
        found = true;
        j += length;
        if (view[j] !== '、') break;
        j += 1;
      }
      if (found) i = j - 1;
    }
  }
  // …贡献力量。(薛佳誉): a name alone in brackets closing the article is its writer's.
  const last = spans.at(-1);
  const closing = last ? /\((\p{Script=Han}{2,4})\)\s*$/u.exec(view.slice(...last)) : null;
  if (last && closing && credits.length === 0) {
    const at = last[0] + closing.index + 1;
    const length = readName(view, at, at + (closing[1] as string).length);
    if (length === (closing[1] as string).length) {
      credits.push({
        name: text.slice(at, at + length),
        key: view.slice(at, at + length),
        span: [at, at + length],
        roles: ['writing'],
      });
    }
  }
  return credits;
}

/** A credited name: followed by a space, a bracket, 、, / or the end. */
function creditName(view: string, at: number, end: number): number {
  for (const length of [3, 2, 4]) {
    const after = view[at + length] ?? '';
    if (
      at + length > end + 0 ||
      !(after === '' || /[\s、)\]】/,。]/.test(after) || at + length === end)
    )
      continue;
    const n = readName(view, at, at + length);
    if (n === length) return length;
  }
  return 0;
}
