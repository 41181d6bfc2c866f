/**
 * Access control, in one place. The context learns who the request is (its API key's role,
 * or ACCORD_ANONYMOUS_ROLE without a key); before anything executes, the operation's root
 * fields decide the role it needs (src/auth/roles.ts): reader for queries, editor for
 * mutations, admin for mergeEntities and deleteEntity. A request below that is answered
 * UNAUTHENTICATED (401: no key, or a key that is not valid) or FORBIDDEN (403: a valid key
 * with too small a role), and nothing runs, so nothing is written. Paths outside GraphQL
 * need a role likewise: the graph exports under /export/ `reader`, /metrics
 * ACCORD_METRICS_ROLE (`none`, open, unless set).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { KeyStore, Principal } from '../../auth/keys.ts';
import { allows, type Requirement, requiredRole } from '../../auth/roles.ts';
import type { Role } from '../../config.ts';
import type { Logger } from '../log.ts';
import { requestInfo } from '../request-info.ts';

const HOW = 'send an API key as `Authorization: Bearer KEY` or `X-API-Key: KEY`';

function refusal(principal: Principal, need: Requirement): GraphQLError | undefined {
  if (principal.invalidKey) {
    return new GraphQLError('The API key is not valid (unknown or revoked).', {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      },
    });
  }
  if (allows(principal.role, need.role)) return undefined;
  const what = need.fields.length > 0 ? need.fields.join(', ') : 'this operation';
  if (principal.keyName === undefined) {
    return new GraphQLError(`${what} needs the ${need.role} role: ${HOW}.`, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      },
    });
  }
  return new GraphQLError(
    `The key "${principal.keyName}" has the ${principal.role} role; ${what} needs the ${need.role} role.`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
  );
}

/** A path outside /graphql and the role it needs. */
export interface PathRole {
  path: RegExp;
  role: Role;
}

/** Paths outside /graphql: the data they serve, and what the service says about itself. */
export const pathRoles = (metricsRole: Role): PathRole[] => [
  { path: /^\/export\//, role: 'reader' },
  { path: /^\/metrics$/, role: metricsRole },
];

export function useAccessControl(
  keys: KeyStore,
  logger: Logger,
  paths: readonly PathRole[] = pathRoles('none'),
): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      const role = paths.find(({ path }) => path.test(url.pathname))?.role;
      if (role === undefined || role === 'none') return;
      const principal = keys.principal(request.headers);
      const error = refusal(principal, { role, operation: null, fields: [url.pathname] });
      if (!error) return;
      const info = requestInfo(request);
      if (info) info.principal = principal;
      logger.warn(
        { reqId: info?.id, role: principal.role, keyName: principal.keyName, path: url.pathname },
        'access denied',
      );
      const http = error.extensions.http as { status: number; headers?: Record<string, string> };
      endResponse(
        Response.json(
          { error: error.message, code: error.extensions.code },
          { status: http.status, headers: http.headers },
        ),
      );
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      const principal: Principal = request ? keys.principal(request.headers) : { role: 'none' };
      const info = requestInfo(request);
      if (info) info.principal = principal;
      extendContext({ principal } as never);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { principal?: Principal; request?: Request };
      const principal = context.principal ?? { role: 'none' };
      const need = requiredRole(args.document, args.operationName);
      const error = refusal(principal, need);
      if (!error) return;
      logger.warn(
        {
          reqId: requestInfo(context.request)?.id,
          role: principal.role,
          keyName: principal.keyName,
          needs: need.role,
          fields: need.fields,
          code: error.extensions.code,
        },
        'access denied',
      );
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
