/**
 * Dates as sources state them: the one date format of the import format, its JSON Schema, the
 * API's Date scalar, sorting and filtering. A date is `YYYY-MM-DD`, or as much of it as the
 * source gives: `YYYY-MM`, `YYYY`, or `--MM-DD` (a month and day stated without a year, ISO
 * 8601's form: articles often give 10月14日 and no year anywhere). A date must exist:
 * 2023-02-30 and --02-30 are refused; --02-29 exists (in leap years).
 *
 * A partial date stands for its whole span (2023-12 is some day of December 2023). A yearless
 * date is never placed on a time line: it never falls in a year-bounded range nor on an
 * `asOf` date, and it sorts after the dated ones.
 */

const DATE = /^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$/;

/** The forms a date may take, for error messages. */
export const DATE_FORMS = 'YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD';

/** Whether `value` is a date of one of the four forms that exists (no 2023-02-30, no --02-30). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [, year, month = '01', day = '01', yearlessMonth, yearlessDay] = match;
  // A yearless day exists when it exists in some year: 2000 was a leap year.
  const [y, m, d] = year
    ? [Number(year), Number(month), Number(day)]
    : [2000, Number(yearlessMonth), Number(yearlessDay)];
  if (m < 1 || m > 12 || d < 1) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** Whether a date has a year, and so a place on the time line. */
export const hasYear = (date: string): boolean => !date.startsWith('--');

/**
 * The last day of a dated date's span, as a bound to compare dates with as strings (2023-02
 * gives 2023-02-31, after every real day of that month). The first day needs none: a partial
 * date already sorts before every fuller date it covers (2023-02 < 2023-02-01).
 */
export const lastDay = (date: string): string => date + '-12-31'.slice(date.length - 4);

/** Whether the spans of two dated dates share a day. */
export const overlaps = (
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean => a.start <= lastDay(b.end) && b.start <= lastDay(a.end);

/** The sort order of dates: dated ones in time order (a partial date before those it covers), then yearless ones by month and day. */
export function compareDates(a: string, b: string): number {
  if (hasYear(a) !== hasYear(b)) return hasYear(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct dates in sort order. */
export const sortedDates = (dates: Iterable<string>): string[] =>
  [...new Set(dates)].sort(compareDates);
