/**
 * The allow-list (ACCORD_PERSISTED_OPERATIONS): clients send the id of a persisted operation
 * instead of its text, as `documentId` (GraphQL over HTTP's persisted documents, with or
 * without the `sha256:` prefix) or as Apollo's `extensions.persistedQuery.sha256Hash`, and
 * anything else is refused before it is parsed. Admin keys may still send any document, so
 * operators keep GraphiQL; with the anonymous role `admin` (local use) everyone is one.
 */
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { KeyStore } from '../../auth/keys.ts';
import type { PersistedOperations } from '../../graphql/persisted.ts';

/** The body and query-string parameter that carries an operation's id. */
export const DOCUMENT_ID_PARAM = 'documentId';

/** The id a request names: yoga keeps `documentId` of a body, a GET's is in its URL. */
function operationId(params: GraphQLParams, request: Request): string | null {
  const documentId =
    (params as { documentId?: unknown }).documentId ??
    new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM);
  if (typeof documentId === 'string') return documentId.replace(/^sha256:/, '');
  const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)
    ?.sha256Hash;
  return typeof hash === 'string' ? hash : null;
}

const refused = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

export function useAllowList(operations: PersistedOperations, keys: KeyStore): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => operations.get(id) ?? null,
    extractPersistedOperationId: operationId,
    allowArbitraryOperations: (request) => keys.principal(request.headers).role === 'admin',
    customErrors: {
      persistedQueryOnly: () =>
        refused(
          `This service runs only persisted operations: send the ${DOCUMENT_ID_PARAM} of an operation in its allow-list instead of a query.`,
          'PERSISTED_QUERY_ONLY',
        ),
      keyNotFound: () =>
        refused(
          `Send a query's ${DOCUMENT_ID_PARAM} (or extensions.persistedQuery.sha256Hash).`,
          'PERSISTED_QUERY_ID_REQUIRED',
        ),
      notFound: ({ params, request }) =>
        refused(
          `No persisted operation has the id "${operationId(params, request)}".`,
          'PERSISTED_QUERY_NOT_FOUND',
        ),
    },
  }) as Plugin;
}
