/**
 * Error masking: what a client may see of an error it did not cause. The API's own errors
 * (GraphQLErrors with a code: BAD_USER_INPUT, NOT_FOUND, ...) and GraphQL's validation errors
 * pass unchanged. Anything else — a Neo4j error, a bug — is replaced by a short message and a
 * code, never a stack trace or a query:
 *
 * - Neo4j unreachable or busy: DATABASE_UNAVAILABLE, HTTP 503;
 * - a transaction over NEO4J_TX_TIMEOUT_MS: TIMEOUT, HTTP 504;
 * - anything else: INTERNAL_SERVER_ERROR, "Unexpected error.".
 *
 * The original error is kept (out of the response) for the request's log line, which carries
 * the request id that the response shows in `extensions.requestId` and `x-request-id`.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../db/driver.ts';

const originals = new WeakMap<GraphQLError, unknown>();
const masked = new WeakSet<object>();

/** The error that `error` masks, when it is a masked error. */
export const originalOf = (error: GraphQLError): unknown => originals.get(error);

/** Whether `error` was masked (and so is logged with its request rather than alone). */
export const wasMasked = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && masked.has(error);

/** True for errors thrown on purpose as GraphQL errors, all the way down. */
function isOwnGraphQLError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isOwnGraphQLError(error.originalError);
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

export interface Classified {
  code: string;
  message: string;
  status?: number;
}

export function classify(error: unknown): Classified {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : '';
  if (error instanceof Neo4jError || (error instanceof Error && error.name === 'Neo4jError')) {
    if (typeof code === 'string' && code.includes('TransactionTimedOut')) {
      return {
        code: 'TIMEOUT',
        message: 'The query took longer than the configured transaction timeout.',
        status: 504,
      };
    }
    if (
      code === 'ServiceUnavailable' ||
      code === 'SessionExpired' ||
      (typeof code === 'string' && code.startsWith('Neo.TransientError')) ||
      /acquisition timed out|connection/i.test(message)
    ) {
      return unavailable;
    }
  }
  if (error instanceof DatabaseUnavailableError) return unavailable;
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' };
}

const unavailable: Classified = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is unavailable; try again shortly.',
  status: 503,
};

/**
 * The extensions a client sees of an error that passed the mask: yoga puts the JSON parser's
 * own error into `originalError` of "POST body sent invalid JSON."; the message says enough.
 */
export function clientExtensions(error: GraphQLError): Record<string, unknown> {
  const { originalError: _, ...extensions } = error.extensions ?? {};
  return extensions;
}

/** yoga's `maskedErrors.maskError`. */
export function maskError(error: unknown): Error {
  if (isOwnGraphQLError(error)) return error as GraphQLError;
  const cause = rootCause(error);
  const { code, message, status } = classify(cause);
  const located = error instanceof GraphQLError ? error : undefined;
  const result = new GraphQLError(message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: {
      code,
      ...(status
        ? { http: { status, headers: status === 503 ? { 'retry-after': '5' } : {} } }
        : {}),
    },
  });
  originals.set(result, cause);
  if (typeof cause === 'object' && cause !== null) masked.add(cause);
  if (typeof error === 'object' && error !== null) masked.add(error);
  return result;
}
