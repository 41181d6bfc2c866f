/** The custom scalars: Date (a whole or partial calendar date) and JSON. */
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { badInput } from './errors.ts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `value` is YYYY, YYYY-MM or a real YYYY-MM-DD date (no 2023-02-30). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return date.getUTCDate() === Number(day);
  }
  return true;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isDate(value)) {
    throw badInput(`${JSON.stringify(value)} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY`);
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
