/** The custom scalars: Date (a whole or partial calendar date, src/dates.ts) and JSON. */
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DATE_FORMS, hasYear, isDate, lastDay } from '../dates.ts';
import { badInput } from './errors.ts';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isDate(value)) {
    throw badInput(`${JSON.stringify(value)} is not a date: use ${DATE_FORMS}, a day that exists`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) =>
    parseDate(ast.kind === Kind.STRING ? ast.value : (ast as { value?: unknown }).value),
});

export const JSONScalar = GraphQLJSON;

/**
 * An argument that places something on the time line (`asOf`, `from`, `to`): a Date with a
 * year. A yearless date (--10-14) falls on no particular day, so it is refused, not guessed.
 */
export function onTimeLine(value: unknown, argument: string): string | null {
  if (value == null) return null;
  if (!hasYear(value as string)) {
    throw badInput(
      `${argument}: ${JSON.stringify(value)} has no year; give YYYY, YYYY-MM or YYYY-MM-DD`,
      argument,
    );
  }
  return value as string;
}

/** `from` and `to` of a date-range filter, each with a year, `from` not after `to`'s span. */
export function dateRange(args: Record<string, unknown>): {
  from: string | null;
  to: string | null;
} {
  const from = onTimeLine(args.from, 'from');
  const to = onTimeLine(args.to, 'to');
  if (from && to && from > lastDay(to))
    throw badInput(`from (${from}) is after to (${to})`, 'from');
  return { from, to };
}
