/**
 * One load measurement with autocannon: POSTs GraphQL requests to a server on loopback from a
 * fixed number of connections for a fixed time, each request the next body of a list (so the
 * ids asked about rotate), and reports throughput and latency percentiles. Responses are
 * checked: a GraphQL `errors` member or a non-2xx status counts as a failed request.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuMs } from '../lib/cpu.ts';

export interface LoadOptions {
  url: string;
  /** The request bodies, used in turn. */
  bodies: readonly string[];
  connections: number;
  /** Seconds. */
  duration: number;
  headers?: Record<string, string>;
  /** Processes whose CPU time per request to report: the server, and Neo4j. */
  pids?: { server?: number; neo4j?: number };
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  /** Completed requests per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Non-2xx responses, connection errors (autocannon counts timeouts among them), and answers carrying GraphQL errors. */
  failed: number;
  /** CPU milliseconds per completed request: the GraphQL server's process, and Neo4j's. */
  cpuMsPerRequest: { server: number; neo4j: number };
  /** The machine's 1-minute load average as the measurement ended: it is shared. */
  loadAverage: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const cpuBefore = { server: cpuMs(options.pids?.server), neo4j: cpuMs(options.pids?.neo4j) };
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    timeout: 30,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          const body = options.bodies[next % options.bodies.length] as string;
          next += 1;
          return { ...request, body };
        },
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors += 1;
        },
      },
    ],
  });
  const seconds = result.duration;
  const completed = result['2xx'];
  const perRequest = (before: number, pid: number | undefined) =>
    Math.round(((cpuMs(pid) - before) / completed) * 100) / 100;
  return {
    connections: options.connections,
    durationS: Math.round(seconds * 10) / 10,
    requests: completed,
    rps: Math.round((completed / seconds) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.mean * 100) / 100,
    failed: result.non2xx + result.errors + graphqlErrors,
    cpuMsPerRequest: {
      server: perRequest(cpuBefore.server, options.pids?.server),
      neo4j: perRequest(cpuBefore.neo4j, options.pids?.neo4j),
    },
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}
