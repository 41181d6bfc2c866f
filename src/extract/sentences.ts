/**
 * Sentences and clauses. Chinese news lists officials across commas and parties across 、, so
 * the rules work on sentences (ended by 。!?; or a line's end) and on their clauses (parts
 * between commas outside brackets and quotes). Spans index into the article's text.
 */
import type { Article, Span } from './article.ts';

export interface Sentence {
  span: Span;
  /** The paragraph it belongs to (index into article.paragraphs; -1 for the headline). */
  paragraph: number;
  clauses: Span[];
}

const OPEN = '(“《[';
const CLOSE = ')”》]';

/** Splits `span` of `view` wherever `isBreak` holds outside brackets and quotes. */
function split(view: string, [start, end]: Span, isBreak: (ch: string) => boolean): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = view[i] as string;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isBreak(ch)) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  if (end > from) out.push([from, end]);
  return out.map(([s, e]) => trim(view, [s, e])).filter(([s, e]) => e > s);
}

function trim(view: string, [s, e]: Span): Span {
  while (s < e && /\s/.test(view[s] as string)) s++;
  while (e > s && /\s/.test(view[e - 1] as string)) e--;
  return [s, e];
}

const ZH_END = (ch: string) => '。!?;'.includes(ch);
const ZH_CLAUSE = (ch: string) => ch === ',';

/** The sentences of a Chinese article's headline and body, each with its clauses. */
export function chineseSentences(article: Article): Sentence[] {
  const { view } = article;
  const out: Sentence[] = [];
  const add = (span: Span, paragraph: number) => {
    for (const sentence of split(view, span, ZH_END)) {
      out.push({ span: sentence, paragraph, clauses: split(view, sentence, ZH_CLAUSE) });
    }
  };
  if (article.title) add(article.title, -1);
  article.paragraphs.forEach((p, i) => {
    add(p, i);
  });
  return out;
}

/** The sentences of an English article: ended by . ! ? before a space and a capital or quote. */
export function englishSentences(article: Article): Sentence[] {
  const { view } = article;
  const out: Sentence[] = [];
  const add = ([start, end]: Span, paragraph: number) => {
    let from = start;
    for (let i = start; i < end; i++) {
      const ch = view[i] as string;
      const next = view.slice(i + 1, i + 3);
      const abbreviation =
        /\b(Mr|Ms|Mrs|Dr|Prof|Ir|Ts|Assoc|St|Pvt|Ltd|Inc|Co|No|Jr|Sr|vs|etc|e\.g|i\.e|[A-Z])$/.test(
          view.slice(Math.max(start, i - 5), i),
        );
      if ('.!?'.includes(ch) && /^\s["“A-Z]/.test(next) && !abbreviation) {
        out.push({ span: trim(view, [from, i + 1]), paragraph, clauses: [] });
        from = i + 1;
      }
    }
    if (end > from) out.push({ span: trim(view, [from, end]), paragraph, clauses: [] });
  };
  if (article.title) add(article.title, -1);
  article.paragraphs.forEach((p, i) => {
    add(p, i);
  });
  return out.filter((s) => s.span[1] > s.span[0]);
}
