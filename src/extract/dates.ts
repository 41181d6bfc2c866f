/**
 * Dates as news writes them, resolved against the publication date: 2023年12月21日 as is;
 * 12月21日 in the year of publication, or the year before when that would put it after
 * publication (12月30日 in an article of 2025-01-03 is 2024-12-30); 昨日 the day before;
 * "14 May" and "April 11" likewise. Without a publication date a month and day stays
 * yearless, --12-21 (src/dates.ts): the day is kept, never placed in a guessed year.
 */
import { hasYear } from '../dates.ts';
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

/** A month and day placed in the publication's year, or the year before if that is later. */
export function monthDay(month: number, day: number, publishedOn: string): string | undefined {
  const year = Number(publishedOn.slice(0, 4));
  const same = calendarDate(year, month, day);
  if (same && same <= shift(publishedOn.slice(0, 10), 1)) return same;
  return calendarDate(year - 1, month, day);
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
    [
      /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
      (m) => [calendarDate(Number(m[1]), Number(m[2]), Number(m[3])), 1],
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
  // A month and day: in the publication's year (monthDay), else without a year (--12-21).
  const placed = (month: number, day: number): [string | undefined, number] =>
    publishedOn
      ? [monthDay(month, day, publishedOn), 0.9]
      : [calendarDate(2000, month, day)?.replace(/^2000/, '-'), 0.7]; // 2000: --02-29 exists
  patterns.push(
    [/(?<!\d|年\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (m) => placed(Number(m[1]), Number(m[2]))],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}\\b(?!,? \\d{4})`, 'g'),
      (m) => placed(monthNumber(m[2] as string), Number(m[1])),
    ],
    [
      new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})`, 'g'),
      (m) => placed(monthNumber(m[1] as string), Number(m[2])),
    ],
  );
  if (publishedOn) {
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
      const [date, confidence] = read(m as RegExpExecArray);
      add([m.index, m.index + m[0].length], date, confidence);
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** The publication date a header line states (来源:… 时间:2023-12-22, Published: 15 May 2024). */
export function headerDate(lines: string[]): string | undefined {
  for (const line of lines) {
    const found = findDates(line, undefined).find((d) => hasYear(d.date));
    if (found) return found.date;
  }
  return undefined;
}
