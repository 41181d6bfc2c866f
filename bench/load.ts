#!/usr/bin/env node
/**
 * `npm run load -- [--url URL] [--connections 50] [--duration 60] [--warmup 60] [--key KEY]
 * [--out bench/results/load.json]`: a mixed read workload (look-ups, lists, search, paths,
 * neighbourhoods, timelines over the seed's entities) against a running Accord on loopback,
 * with autocannon. Warm-up first; then the process RSS (from the server's /metrics) before
 * and after the measured run, p50/p99 latency and throughput go to the results file. Exits 1
 * on any error, non-2xx answer or GraphQL error, or RSS growth over 10%.
 *
 * `--entities N` (0: the seed alone) runs it on a graph of a real size instead: a Neo4j of its
 * own (`--dir`, `--port`) holding the seed and N generated entities (bench/generate.ts,
 * `--seed`), loaded once and reused while it holds that graph, and Accord started over it as
 * it ships; both are stopped at the end.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuMs, pidFrom } from './lib/cpu.ts';
import { generatedFile } from './lib/data.ts';
import { type Instance, type InstanceOptions, ROOT, start, startEmpty, stop } from './lib/neo4j.ts';
import { timed } from './lib/process.ts';
import { startAccord } from './query/servers.ts';

/** The mixed read workload: each connection cycles through these. */
export const WORKLOAD: { name: string; query: string }[] = [
  { name: 'Version', query: 'query Version { version }' },
  {
    name: 'Organisation',
    query:
      'query Organisation { organisation(name: "北工大") { name nameEn aliases region { name } agreements { name signedOn parties { organisation { name } } } } }',
  },
  {
    name: 'Agreements',
    query:
      'query Agreements { agreements(party: "北京工业大学", first: 20) { totalCount nodes { name signedOn parties { organisation { name } } event { name date attendees { person { name } roles { title } } } sources { name } } } }',
  },
  {
    name: 'Search',
    query: 'query Search { search(text: "工业大学") { kind score matched entity { id name } } }',
  },
  {
    name: 'People',
    query:
      'query People { people(organisation: "org-bjut", first: 20) { totalCount nodes { name roles { title organisation { name } } } } }',
  },
  {
    name: 'Partners',
    query: 'query Partners { partners(of: "org-bjut") { partner { name } firstSignedOn } }',
  },
  {
    name: 'Connections',
    query:
      'query Connections { connections(from: "person-nie-zuoren", to: "org-bei-group") { length text } }',
  },
  {
    name: 'Neighbourhood',
    query:
      'query Neighbourhood { neighbourhood(ids: ["org-bjut"], depth: 1) { nodes { id kind label } edges { id type } truncated } }',
  },
  {
    name: 'Timeline',
    query: 'query Timeline { timeline(of: "org-bjut") { date kind summary } }',
  },
];

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  warmup: number;
  key?: string;
  /** The server's and Neo4j's processes, when on this machine: CPU ms per request. */
  pids?: { server?: number; neo4j?: number };
}

export interface LoadResult {
  url: string;
  connections: number;
  durationSeconds: number;
  startedAt: string;
  requests: { total: number; perSecond: number };
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  throughputBytesPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  rssBytes: { before: number; after: number; growthPercent: number };
  /** 1, 5 and 15 minute load averages before and after the measured run: the machine is shared. */
  loadAverage: { before: number[]; after: number[] };
  /** Steadier than throughput on a shared machine; NaN without the pids. */
  cpuMsPerRequest: { server: number; neo4j: number };
  operations: string[];
}

/** The graph of a run with `--entities`: the seed and this many generated entities. */
/**
 * Failed requests of a run: autocannon counts a timeout among its errors too (`timeouts` is a
 * subset of `errors`), so the two are not added.
 */
export const failures = (result: LoadResult): number =>
  result.errors + result.non2xx + result.graphqlErrors;

export interface Graph {
  entities: number;
  seed: number;
}

const loadAverage = () => loadavg().map((x) => Math.round(x * 10) / 10);

async function rss(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(text);
  if (!match) throw new Error(`no process_resident_memory_bytes at ${url} /metrics`);
  return Number(match[1]);
}

function run(options: LoadOptions, duration: number, counters: { graphqlErrors: number }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration,
    requests: WORKLOAD.map(({ query }) => ({
      method: 'POST',
      headers,
      body: JSON.stringify({ query }),
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) counters.graphqlErrors += 1;
      },
    })),
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(options.url)) {
    throw new Error(`load runs against loopback only, not ${options.url}`);
  }
  if (options.warmup > 0) await run(options, options.warmup, { graphqlErrors: 0 });
  const before = await rss(options.url);
  const loadBefore = loadAverage();
  const pids = options.pids ?? {};
  const cpuBefore = { server: cpuMs(pids.server), neo4j: cpuMs(pids.neo4j) };
  const counters = { graphqlErrors: 0 };
  const startedAt = new Date().toISOString();
  const result = await run(options, options.duration, counters);
  const perRequest = (before: number, pid: number | undefined) =>
    Math.round(((cpuMs(pid) - before) / result.requests.total) * 100) / 100;
  const after = await rss(options.url);
  return {
    url: options.url,
    connections: options.connections,
    durationSeconds: options.duration,
    startedAt,
    requests: { total: result.requests.total, perSecond: result.requests.average },
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    throughputBytesPerSecond: result.throughput.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: counters.graphqlErrors,
    rssBytes: {
      before,
      after,
      growthPercent: Math.round(((after - before) / before) * 1000) / 10,
    },
    loadAverage: { before: loadBefore, after: loadAverage() },
    cpuMsPerRequest: {
      server: perRequest(cpuBefore.server, pids.server),
      neo4j: perRequest(cpuBefore.neo4j, pids.neo4j),
    },
    operations: WORKLOAD.map((w) => w.name),
  };
}

/**
 * A Neo4j holding the seed and `graph.entities` generated entities, started. It is loaded
 * (emptied, migrated, seeded, the generated file imported) only when the marker its data
 * folder keeps names another graph: a 100k graph takes minutes to import on 2 cores.
 */
export async function loadedInstance(
  o: InstanceOptions,
  graph: Graph,
  log: (line: string) => void,
): Promise<Instance> {
  const marker = join(o.dir, 'home/data/accord-load.json');
  const wanted = JSON.stringify(graph);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) {
    log(`${o.dir} holds the seed and ${graph.entities} generated entities`);
    return start(o);
  }
  const db = await startEmpty(o);
  const file = graph.entities > 0 ? await generatedFile(graph.entities, graph.seed, log) : null;
  // A 10,000-record batch can take longer than the service's 30 s on a busy machine.
  const env = { ...db.env, NEO4J_TX_TIMEOUT_MS: '600000' };
  for (const args of [['migrate'], ['seed'], ...(file ? [['import', file]] : [])]) {
    log(`accord ${args.join(' ')}`);
    const run = await timed([process.execPath, join(ROOT, 'src/cli.ts'), ...args], { env });
    if (run.code !== 0) throw new Error(`accord ${args.join(' ')} failed:\n${run.stderr}`);
  }
  writeFileSync(marker, wanted);
  return db;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.ACCORD_URL ?? 'http://127.0.0.1:4000/graphql' },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '60' },
      key: { type: 'string', default: process.env.ACCORD_KEY },
      out: { type: 'string', default: 'bench/results/load.json' },
      entities: { type: 'string' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string', default: join(ROOT, '.neo4j/load') },
      port: { type: 'string', default: '7706' },
      heap: { type: 'string', default: process.env.NEO4J_HEAP ?? '2g' },
      pagecache: { type: 'string', default: process.env.NEO4J_PAGECACHE ?? '1g' },
    },
  });
  const log = (line: string) => console.error(`load: ${line}`);
  const graph =
    values.entities === undefined
      ? undefined
      : { entities: Number(values.entities), seed: Number(values.seed) };
  const instance: InstanceOptions = {
    dir: values.dir,
    port: Number(values.port),
    heap: values.heap,
    pagecache: values.pagecache,
  };
  const db = graph ? await loadedInstance(instance, graph, log) : undefined;
  // Started inside the try: a server that never answers must not leave Neo4j running.
  let server: Awaited<ReturnType<typeof startAccord>> | undefined;
  try {
    server = db ? await startAccord(db) : undefined;
    const result = await runLoad({
      url: server?.url ?? values.url,
      connections: Number(values.connections),
      duration: Number(values.duration),
      warmup: Number(values.warmup),
      key: values.key,
      pids: server && { server: server.pid, neo4j: pidFrom(join(instance.dir, 'neo4j.pid')) },
    });
    const saved = { ...result, graph: graph ?? 'the server at --url' };
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(saved, null, 2)}\n`);
    console.log(JSON.stringify(saved, null, 2));
    const failed = failures(result) > 0 || result.rssBytes.growthPercent > 10;
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server?.stop();
    if (db) await stop(instance);
  }
}
