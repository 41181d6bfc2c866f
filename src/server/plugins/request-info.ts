/**
 * Gives every request an id (the client's `x-request-id` when it sends a plain one, else a
 * UUID), returned in the `x-request-id` header and in `extensions.requestId` of every error,
 * and gathers what the log line and the metrics report: operation, role, round trips, errors.
 */
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.ts';
import { clientExtensions, originalOf } from '../errors.ts';
import { type RequestInfo, requestInfo, startRequest } from '../request-info.ts';

type Result = { errors?: readonly unknown[]; [key: string]: unknown };

function withRequestId(result: Result, info: RequestInfo): Result {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    if (!(error instanceof GraphQLError)) return error;
    const code = String(error.extensions?.code ?? 'GRAPHQL_ERROR');
    info.errorCodes.push(code);
    const original = originalOf(error);
    if (original !== undefined)
      info.internalErrors.push({ error: original, code, path: error.path });
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: { ...clientExtensions(error), requestId: info.id },
    });
  });
  return { ...result, errors };
}

export function useRequestInfo(): Plugin {
  return {
    onRequest({ request, url }) {
      startRequest(request, url);
    },
    onParams({ request, params }) {
      const info = requestInfo(request);
      if (info && typeof params.operationName === 'string')
        info.operationName = params.operationName;
    },
    onExecute({ args }) {
      const context = args.contextValue as Partial<Context> & { request?: Request };
      const info = requestInfo(context.request);
      if (!info) return;
      const operation = getOperationAST(args.document, args.operationName);
      info.operationName = operation?.name?.value ?? info.operationName;
      info.operationType = operation?.operation;
      info.stats = context.stats;
    },
    onResultProcess({ request, result, setResult }) {
      const info = requestInfo(request);
      if (!info || Symbol.asyncIterator in result) return;
      if (Array.isArray(result))
        setResult(result.map((r) => withRequestId(r as Result, info)) as never);
      else setResult(withRequestId(result as Result, info) as never);
    },
    onResponse({ request, response }) {
      const info = requestInfo(request);
      if (info) response.headers.set('x-request-id', info.id);
    },
  };
}
