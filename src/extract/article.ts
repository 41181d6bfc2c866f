/**
 * The article as the rules see it. Names and evidence are always cut from `text`, the article
 * as given; the rules read `view`, a copy of the same length in which full-width punctuation
 * is folded to one form and traditional characters to simplified ones, so that one rule reads
 * 簽署 and 签署, （ and (, ， and , alike, and every offset found in `view` is an offset in `text`.
 */
import { Converter } from 'opencc-js';

export type Span = [start: number, end: number];

export interface Article {
  /** The article's text as given (for HTML, the text of the page). Spans index into it. */
  text: string;
  /** `text` with punctuation folded and characters simplified: the same length. */
  view: string;
  language: 'zh' | 'en';
  /** Whether the text is written in traditional characters. */
  traditional: boolean;
  /** The headline, when one is found among the first lines. */
  title?: Span;
  /** Lines before the body: section labels, the headline, source and date lines. */
  header: Span[];
  /** The body's paragraphs (non-empty lines), page furniture left out. */
  paragraphs: Span[];
}

const FOLD: Record<string, string> = {
  '，': ',',
  '；': ';',
  '：': ':',
  '（': '(',
  '）': ')',
  '！': '!',
  '？': '?',
  '【': '[',
  '】': ']',
  '「': '“',
  '」': '”',
  '『': '“',
  '』': '”',
  '／': '/',
  '　': ' ',
  '\u00a0': ' ',
  '’': "'",
  '．': '.',
};

const toSimplified = [
  Converter({ from: 'tw', to: 'cn' }),
  Converter({ from: 'hk', to: 'cn' }),
  Converter({ from: 't', to: 'cn' }),
];
const simplify = (s: string) => toSimplified.reduce((text, convert) => convert(text), s);

/** Simplified characters, keeping every character where it stands (OpenCC may merge phrases). */
function simplifiedSameLength(text: string): string {
  const whole = simplify(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = simplify(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

export function foldText(text: string): string {
  let folded = '';
  for (const ch of text) folded += FOLD[ch] ?? ch;
  return simplifiedSameLength(folded);
}

const HAN = /\p{Script=Han}/gu;
const IS_HAN = /\p{Script=Han}/u;

/** Lines of page furniture: navigation, listings of related news, registration numbers. */
const FURNITURE =
  /^(相关新闻|相关阅读|上一篇|下一篇|返回列表|读取内容中|分享到|打印本页|关闭窗口)|ICP备|公网安备|版权所有|Copyright|All rights reserved/i;

/** A header line giving the source, the date or the author rather than the story. */
const METADATA =
  /^(来源|发布|时间|日期|作者|编辑|浏览|点击|阅读|Published|Posted|Source|By |Date)|^\d{4}[-/.年]\d{1,2}|^\d{1,2} [A-Z][a-z]+ \d{4}$|^[A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4}/;

function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s] as string)) s++;
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      if (e > s) out.push([s, e]);
      start = i + 1;
    }
  }
  return out;
}

/** Whether a line reads as running prose: it ends a sentence (a short one when it says when). */
const isProse = (line: string, language: 'zh' | 'en') =>
  language === 'zh'
    ? /[。!?”)]$/.test(line) &&
      (line.length > 30 || /\d{1,2}月\d{1,2}日|昨日|昨天|今日|今天/.test(line))
    : /[.!?"”]$/.test(line);

/** Reads an article: language, headline, header lines and body paragraphs. */
export function readArticle(text: string): Article {
  const view = foldText(text);
  const han = (text.match(HAN) ?? []).length;
  const letters = (text.match(/[A-Za-z]/g) ?? []).length;
  const language: 'zh' | 'en' = han >= letters / 4 ? 'zh' : 'en';
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    if (IS_HAN.test(text[i] as string) && text[i] !== view[i]) changed++;
  }
  const traditional = han > 0 && changed / han > 0.03;

  const all = lines(view).filter(([s, e]) => !FURNITURE.test(view.slice(s, e)));
  const firstProse = all.findIndex(([s, e]) => isProse(view.slice(s, e), language));
  const headerEnd = firstProse === -1 ? 0 : firstProse;
  const header = all.slice(0, headerEnd);
  const title = header.find(([s, e]) => {
    const line = view.slice(s, e);
    if (METADATA.test(line)) return false;
    return language === 'zh' ? (line.match(HAN) ?? []).length >= 8 : line.split(/\s+/).length >= 4;
  });
  const paragraphs = all.slice(headerEnd);
  return {
    text,
    view,
    language,
    traditional,
    ...(title ? { title } : {}),
    header,
    paragraphs,
  };
}

/** Turns an HTML page into text: scripts and styles dropped, blocks on lines, entities decoded. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = {
    nbsp: ' ',
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    ldquo: '“',
    rdquo: '”',
    middot: '·',
    mdash: '—',
    ndash: '–',
    hellip: '…',
  };
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|section|article|header|footer|title|td)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\r]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
