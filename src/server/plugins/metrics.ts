/**
 * Prometheus metrics at `/metrics` (see src/server/metrics.ts): per GraphQL request its
 * count and duration by operation, the codes of its errors and its Neo4j round trips; and
 * the records `importRecords` wrote, counted by wrapping that one resolver when the schema
 * is set.
 */
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';
import { requestInfo } from '../request-info.ts';

const wrapped = new WeakSet<GraphQLSchema>();

interface Summary {
  ok?: boolean;
  dryRun?: boolean;
  records?: number;
}

function countImports(schema: GraphQLSchema, metrics: Metrics) {
  if (wrapped.has(schema)) return;
  wrapped.add(schema);
  const field = schema.getMutationType()?.getFields().importRecords;
  if (!field) return;
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = async (...args) => {
    const summary = (await resolve(...args)) as Summary;
    const outcome = summary?.dryRun ? 'dry_run' : summary?.ok ? 'written' : 'invalid';
    metrics.importRecords.inc({ outcome }, summary?.records ?? 0);
    return summary;
  };
}

export function useMetrics(metrics: Metrics, graphqlEndpoint = '/graphql'): Plugin {
  return {
    onSchemaChange({ schema }) {
      countImports(schema, metrics);
    },
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      const { text, contentType } = await metrics.render();
      endResponse(new Response(text, { headers: { 'content-type': contentType } }));
    },
    onResponse({ request, response }) {
      const info = requestInfo(request);
      if (!info || info.path !== graphqlEndpoint) return;
      const operation = metrics.operationLabel(info.operationName);
      const type = info.operationType ?? 'unknown';
      metrics.requests.inc({ operation, type, status: String(response.status) });
      metrics.duration.observe({ operation, type }, (performance.now() - info.started) / 1000);
      for (const code of info.errorCodes) metrics.errors.inc({ code });
      if (info.stats) metrics.roundTrips.observe(info.stats.roundTrips);
    },
  };
}
