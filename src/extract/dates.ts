/**
 * Dates as news writes them: 2023年12月21日 as is. A month and day without a year takes the
 * year only from the text itself (issue 14): the year stated last before it (2018年,…9月13日, as
 * chronicles write; 2024年11月5日…次日11月6日; a dateline of the body such as 2024年3月5日电),
 * not one of a past milestone (2019年双方建立合作关系) nor of the page's publication line. The
 * publication date alone gives none: 12月21日 then stays as stated, `--12-21` (the partial-date
 * form), never a guessed year. 昨日 is the day before a full publication date; "14 May" and
 * "April 11" read like 5月14日.
 */
import type { Span } from './article.ts';

export interface DateMention {
  span: Span;
  /** YYYY-MM-DD, or --MM-DD when no year can be read. */
  date: string;
  /** How sure the reading is: a full date 1, a month and day 0.9 (0.7 without a year), a relative word 0.8. */
  confidence: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a real calendar day, or undefined (no 2023-02-30). */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A month and day in a year the text states, else the partial date --MM-DD. Against the page's
 * own dateline (YYYY-MM-DD), the year before when the day would fall after it (12月30日 on a
 * page dated 2025-01-03 is 2024-12-30).
 */
function monthDay(month: number, day: number, year: Year | undefined): string | undefined {
  if (!year) return calendarDate(2000, month, day) ? `--${pad(month)}-${pad(day)}` : undefined;
  const same = calendarDate(year.year, month, day);
  if (!year.dateline || (same && same <= shift(year.dateline, 1))) return same;
  return calendarDate(year.year - 1, month, day);
}

/** Whether a date is a whole calendar day (not YYYY-MM or --MM-DD). */
export const isFullDate = (date: string | undefined): date is string =>
  !!date && /^\d{4}-\d{2}-\d{2}$/.test(date);

/** A year the text states: 2024年, 2024-03-05, "June 23, 2025", "23 June 2025". */
const STATED_YEAR = new RegExp(
  `(?<!\\d)((?:19|20)\\d{2})(?=\\s*年|[-/.]\\d{1,2}[-/.]\\d)|(?<=\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? |\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? )((?:19|20)\\d{2})\\b`,
  'g',
);

/** A year the text states; `dateline` the full date when it is the page's own date line. */
interface Year {
  at: number;
  year: number;
  dateline?: string;
}

/**
 * The years the text states, in order, with the page's own date line in the body (发布时间:
 * 2024-03-05), but not in a sentence that tells a past milestone and no signing.
 */
function statedYears(view: string): Year[] {
  const out: Year[] = [];
  for (const m of view.matchAll(STATED_YEAR)) {
    const from = Math.max(...['。', '!', '?', '\n'].map((c) => view.lastIndexOf(c, m.index))) + 1;
    const ends = ['。', '!', '?', '\n'].map((c) => view.indexOf(c, m.index)).filter((i) => i >= 0);
    const said = view.slice(from, ends.length ? Math.min(...ends) : view.length);
    if (MILESTONE.test(said) && !SIGNING.test(said)) continue;
    const year: Year = { at: m.index, year: Number(m[1] ?? m.at(-1)) };
    const full = /^(\d{4})(?:\s*年\s*|[-/.])(\d{1,2})(?:\s*月\s*|[-/.])(\d{1,2})/.exec(
      view.slice(m.index),
    );
    const line = view.slice(view.lastIndexOf('\n', m.index) + 1, m.index);
    const dateline =
      full && PUBLICATION_LINE.test(line)
        ? calendarDate(Number(full[1]), Number(full[2]), Number(full[3]))
        : undefined;
    if (dateline) year.dateline = dateline;
    out.push(year);
  }
  return out;
}

const monthNumber = (name: string) =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;

/** Every date the view states, in order. */
export function findDates(view: string, publishedOn: string | undefined): DateMention[] {
  const out: DateMention[] = [];
  const taken: Span[] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (span: Span, date: string | undefined, confidence: number) => {
    if (!date || !free(span[0], span[1])) return;
    taken.push(span);
    out.push({ span, date, confidence });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => [string | undefined, number]][] = [
    [
      /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
      (m) => [calendarDate(Number(m[1]), Number(m[2]), Number(m[3])), 1],
    ],
    // 民国112年6月12日, 112年6月12日: a year of the Republic (Taiwan), 1911 after it.
    [
      /(?<!\d)(1[01]\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
      (m) => [calendarDate(Number(m[1]) + 1911, Number(m[2]), Number(m[3])), 0.9],
    ],
    [
      /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
      (m) => [calendarDate(Number(m[1]), Number(m[2]), Number(m[3])), 1],
    ],
    // 2023年6月: a year and month, kept so (YYYY-MM).
    [
      /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])/g,
      (m) => [calendarDate(Number(m[1]), Number(m[2]), 1)?.slice(0, 7), 0.9],
    ],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, 'g'),
      (m) => [calendarDate(Number(m[3]), monthNumber(m[2] as string), Number(m[1])), 1],
    ],
    [
      new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'g'),
      (m) => [calendarDate(Number(m[3]), monthNumber(m[1] as string), Number(m[2])), 1],
    ],
  ];
  // Month and day: in a year the text states, else --MM-DD.
  const years = statedYears(view);
  const yearless = (
    m: RegExpExecArray,
    month: number,
    day: number,
  ): [string | undefined, number] => {
    // The year stated last before it, else the page's own date line further on.
    const year = years.filter((y) => y.at < m.index).at(-1) ?? years.find((y) => y.dateline);
    return [monthDay(month, day, year), year ? 0.9 : 0.7];
  };
  patterns.push(
    [
      /(?<!\d|年\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
      (m) => yearless(m, Number(m[1]), Number(m[2])),
    ],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}\\b(?!,? \\d{4})`, 'g'),
      (m) => yearless(m, monthNumber(m[2] as string), Number(m[1])),
    ],
    [
      new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})`, 'g'),
      (m) => yearless(m, monthNumber(m[1] as string), Number(m[2])),
    ],
  );
  // 香港新闻网7月2日电 … 上月28至30日: a dateline of the month the page was published in
  // gives 上月 its month; a span of days keeps only the month (2023-06), one day the day.
  const dateline = /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:电|讯|消息)/.exec(view);
  if (
    publishedOn &&
    /^\d{4}-\d{2}/.test(publishedOn) &&
    dateline &&
    Number(dateline[1]) === Number(publishedOn.slice(5, 7))
  ) {
    const month = Number(dateline[1]) === 1 ? 12 : Number(dateline[1]) - 1;
    const year = Number(publishedOn.slice(0, 4)) - (month === 12 ? 1 : 0);
    patterns.unshift([
      /上月\s*(\d{1,2})\s*(?:日(?!\s*(?:至|到|~|－|-))|日?\s*(?:至|到|~|－|-)\s*(\d{1,2})\s*日)/g,
      (m) => [
        m[2]
          ? calendarDate(year, month, Number(m[2]))?.slice(0, 7)
          : calendarDate(year, month, Number(m[1])),
        0.8,
      ],
    ]);
  }
  if (isFullDate(publishedOn)) {
    patterns.push(
      [/昨日|昨天/g, () => [shift(publishedOn.slice(0, 10), -1), 0.8]],
      [/前日|前天/g, () => [shift(publishedOn.slice(0, 10), -2), 0.8]],
      [
        /今日|今天|\byesterday\b/gi,
        (m) => [shift(publishedOn.slice(0, 10), /yesterday/i.test(m[0]) ? -1 : 0), 0.8],
      ],
    );
  }
  for (const [pattern, read] of patterns) {
    for (const m of view.matchAll(pattern)) {
      // 1月16日消息, 31日電: a dateline says when the news was sent, not when anything happened.
      if (/^\s*(消息|电|讯|报道|报导)/.test(view.slice(m.index + m[0].length))) continue;
      // 成大今天宣布: the day news was announced, not the day anything was signed.
      if (
        /^(今|昨)/.test(m[0]) &&
        /^\s*(宣布|宣佈|表示|发布|公布|透露|指出)/.test(view.slice(m.index + m[0].length))
      )
        continue;
      // 8月26日至8月29日: a span of days, not the day anything was done.
      if (/^\s*(至|到|~|－)/.test(view.slice(m.index + m[0].length))) continue;
      if (/(至|到|~|－)\s*$/.test(view.slice(Math.max(0, m.index - 2), m.index))) continue;
      const [date, confidence] = read(m as RegExpExecArray);
      add([m.index, m.index + m[0].length], date, confidence);
    }
  }
  out.sort((a, b) => a.span[0] - b.span[0]);
  // 12月22日,筠连县2023年12月招商引资项目签约仪式: a year and month after a day in the same
  // sentence names a period (of the projects), not another day.
  return out.filter(
    (d, i) =>
      !/^\d{4}-\d{2}$/.test(d.date) ||
      // 上月28至30日 states no year and month of its own: no period.
      !view.slice(...d.span).includes('年') ||
      !out
        .slice(0, i)
        .some(
          (e) => /-\d{2}-\d{2}$/.test(e.date) && !/[。!?\n]/.test(view.slice(e.span[1], d.span[0])),
        ),
  );
}

/** The publication date a header line states (来源:… 时间:2023-12-22, Published: 15 May 2024). */
export function headerDate(lines: string[]): string | undefined {
  for (const line of lines) {
    const found = findDates(line, undefined).find((d) => isFullDate(d.date));
    if (found) return found.date;
  }
  return undefined;
}

/** A sentence about a past milestone (双方于2019年5月12日建立合作关系, 早在, 以来), not a signing. */
const MILESTONE = /建立|成立|以来|早在|始于|建交/;
const SIGNING = /签|簽|仪式|儀式/;
/** The start of a line that says when the page was published or who wrote it. */
const PUBLICATION_LINE =
  /^\s*\(?\s*(来源|发布|时间|日期|作者|编辑|浏览|点击|更新|Published|Posted|Updated|Source|Date)/i;

/**
 * The dates an event or agreement may take: not those of a sentence that tells a past milestone
 * and no signing, which would otherwise date the signing told before or after it.
 */
export function datesOfActs(view: string, sentences: Span[], dates: DateMention[]): DateMention[] {
  return dates.filter((d) => {
    // 发布日期:2024-03-05 in the body: when the page was published, not when anything was done.
    const line = view.slice(view.lastIndexOf('\n', d.span[0]) + 1, d.span[0]);
    if (PUBLICATION_LINE.test(line)) return false;
    // 2023-07-02 09:30 at the head of a line: a time stamp of the page, not a day of anything.
    if (/^\s*$/.test(line) && /^\s*\d{1,2}:\d{2}/.test(view.slice(d.span[1], d.span[1] + 8)))
      return false;
    const s = sentences.find(([a, b]) => a <= d.span[0] && d.span[1] <= b);
    if (!s) return true;
    const said = view.slice(...s);
    return !(MILESTONE.test(said) && !SIGNING.test(said));
  });
}
