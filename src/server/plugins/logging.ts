/**
 * One log line per request when its response leaves: request id, operation, status,
 * duration, Neo4j round trips, role and key name (never the key), error codes. Masked errors
 * are logged whole just before, under the same request id. /health, /ready and /metrics are
 * logged at debug level.
 */
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log.ts';
import { requestInfo } from '../request-info.ts';

export function useLogging(logger: Logger, graphqlEndpoint = '/graphql'): Plugin {
  return {
    onResponse({ request, response }) {
      const info = requestInfo(request);
      if (!info) return;
      const base = {
        reqId: info.id,
        operation: info.operationName,
      };
      for (const internal of info.internalErrors) {
        logger.error(
          { ...base, err: internal.error, code: internal.code, path: internal.path?.join('.') },
          'masked error',
        );
      }
      const line = {
        ...base,
        type: info.operationType,
        method: info.method,
        path: info.path,
        status: response.status,
        ms: Math.round((performance.now() - info.started) * 10) / 10,
        roundTrips: info.stats?.roundTrips,
        role: info.principal?.role,
        keyName: info.principal?.keyName,
        errors: info.errorCodes.length > 0 ? info.errorCodes : undefined,
      };
      if (info.path === graphqlEndpoint) logger.info(line, 'request');
      else logger.debug(line, 'request');
    },
  };
}
