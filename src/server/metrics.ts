/**
 * Prometheus metrics (prom-client). Each app has its own registry of Accord's metrics (two
 * apps in one process, as in the tests, count apart); the Node process metrics (memory, CPU,
 * event loop, GC) are collected once per process. `/metrics` serves both.
 */
import client from 'prom-client';
import type { QueryObserver } from '../db/driver.ts';

let processRegistry: client.Registry | undefined;

function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Operation names are chosen by clients: keep label values few and tame. */
const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export interface Metrics {
  registry: client.Registry;
  requests: client.Counter<'operation' | 'type' | 'status'>;
  duration: client.Histogram<'operation' | 'type'>;
  errors: client.Counter<'code'>;
  roundTrips: client.Histogram;
  queries: client.Counter<'query'>;
  queryDuration: client.Histogram<'query'>;
  importRecords: client.Counter<'outcome'>;
  /** Feeds the Neo4j query metrics; give it to `db.observed`. */
  observeQuery: QueryObserver;
  /** The label for an operation name. */
  operationLabel(name: string | undefined): string;
  /** The text `/metrics` answers with. */
  render(): Promise<{ text: string; contentType: string }>;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  const registers = [registry];
  const requests = new client.Counter({
    name: 'accord_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name, operation type and HTTP status',
    labelNames: ['operation', 'type', 'status'] as const,
    registers,
  });
  const duration = new client.Histogram({
    name: 'accord_graphql_request_duration_seconds',
    help: 'Time from request to response, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const errors = new client.Counter({
    name: 'accord_graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'] as const,
    registers,
  });
  const roundTrips = new client.Histogram({
    name: 'accord_neo4j_round_trips_per_request',
    help: 'Queries sent to Neo4j while answering one GraphQL request',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50, 100],
    registers,
  });
  const queries = new client.Counter({
    name: 'accord_neo4j_queries_total',
    help: 'Queries sent to Neo4j by the API, by query file',
    labelNames: ['query'] as const,
    registers,
  });
  const queryDuration = new client.Histogram({
    name: 'accord_neo4j_query_duration_seconds',
    help: 'Time Neo4j took to answer a query, by query file',
    labelNames: ['query'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
    registers,
  });
  const importRecords = new client.Counter({
    name: 'accord_import_records_total',
    help: 'Records received by importRecords: written, invalid (nothing written) or dry_run',
    labelNames: ['outcome'] as const,
    registers,
  });
  const names = new Set<string>();
  return {
    registry,
    requests,
    duration,
    errors,
    roundTrips,
    queries,
    queryDuration,
    importRecords,
    observeQuery(query, ms) {
      queries.inc({ query: query.name });
      queryDuration.observe({ query: query.name }, ms / 1000);
    },
    operationLabel(name) {
      if (name === undefined || name === '') return 'anonymous';
      if (!NAME.test(name)) return 'invalid';
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES) return 'other';
      names.add(name);
      return name;
    },
    async render() {
      const merged = client.Registry.merge([processMetrics(), registry]);
      return { text: await merged.metrics(), contentType: merged.contentType };
    },
  };
}
