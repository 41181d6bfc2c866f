/** The errors the API returns on purpose, each with a stable `extensions.code`. */
import { GraphQLError } from 'graphql';
import type { NameCandidate } from '../import/records.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'AMBIGUOUS_NAME'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED';

export function userError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, argument?: string) =>
  userError('BAD_USER_INPUT', message, argument ? { argument } : {});

/**
 * A name that matches several entities: code AMBIGUOUS_NAME, the argument, and the entities
 * as `candidates` ({id, name, kind}) so that a client can offer the choice.
 */
export const ambiguousName = (message: string, argument: string, candidates: NameCandidate[]) =>
  userError('AMBIGUOUS_NAME', message, { argument, candidates });
