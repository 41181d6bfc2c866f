/**
 * What the service learns about one HTTP request while serving it (its id, operation, role,
 * round trips to Neo4j, error codes), kept beside the request for the log line and the
 * metrics written when the response leaves.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/keys.ts';

export interface RequestInfo {
  id: string;
  /** performance.now() when the request arrived. */
  started: number;
  method: string;
  path: string;
  operationName?: string;
  operationType?: string;
  /** The context's counter of queries sent to Neo4j (read when the response leaves). */
  stats?: { roundTrips: number };
  principal?: Principal;
  /** `extensions.code` of every error in the response. */
  errorCodes: string[];
  /** Errors that were masked, with what the client saw, for the log. */
  internalErrors: { error: unknown; code: string; path?: readonly (string | number)[] }[];
}

const infos = new WeakMap<Request, RequestInfo>();

/** A client may pass its own request id (a load balancer's, say) when it is plain enough. */
const CLIENT_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export function startRequest(request: Request, url: URL): RequestInfo {
  const given = request.headers.get('x-request-id');
  const info: RequestInfo = {
    id: given && CLIENT_ID.test(given) ? given : randomUUID(),
    started: performance.now(),
    method: request.method,
    path: url.pathname,
    errorCodes: [],
    internalErrors: [],
  };
  infos.set(request, info);
  return info;
}

export const requestInfo = (request: Request | undefined): RequestInfo | undefined =>
  request ? infos.get(request) : undefined;
