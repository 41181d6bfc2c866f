/**
 * The query benchmark: the seven questions asked of Accord and of @neo4j/graphql over the same
 * Neo4j database, side by side. For each question it first checks that both servers give the
 * same answer, counts Neo4j round trips per request, saves the PROFILE plans of the Cypher each
 * server runs; then it loads both servers in turn (the order alternating between rounds) at each
 * concurrency and reports the medians over the rounds and the ratios Accord / @neo4j/graphql.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import type { Query } from '../../src/db/cypher.ts';
import type { Database, Params } from '../../src/db/driver.ts';
import { createApp } from '../../src/server/app.ts';
import { pidFrom } from '../lib/cpu.ts';
import { benchCypher, type Plan, profile } from '../lib/cypher.ts';
import { connect, type Instance } from '../lib/neo4j.ts';
import type { Server } from '../lib/process.ts';
import { quiet } from '../lib/quiet.ts';
import { type LoadResult, load } from './load.ts';
import { nestingDepth, QUESTIONS, type Question } from './questions.ts';
import { startAccord, startNeo4jGraphql } from './servers.ts';

export interface QueryOptions {
  connections: number[];
  /** Seconds per measurement. */
  duration: number;
  rounds: number;
  /** How many different ids each question rotates through. */
  pool: number;
  seed: number;
  /** Where the query plans go. */
  plansDir: string;
  log: (line: string) => void;
}

export interface Side {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU milliseconds per request (median over the rounds): the server's process, and Neo4j's. */
  cpuMsPerRequest: { server: number; neo4j: number };
  failed: number;
  rounds: LoadResult[];
}

export interface QuestionResult {
  key: string;
  title: string;
  nestingDepth: number;
  roundTrips: { accord: number; neo4jGraphql: number };
  /** Ids checked, and how many gave the same answer on both servers. */
  sameAnswer: { checked: number; same: number; example?: unknown };
  plans: {
    accord: { file: string; query: string; seeks: number; scans: string[]; dbHits: number }[];
    neo4jGraphql: { file: string; seeks: number; scans: string[]; dbHits: number }[];
  };
  byConcurrency: Record<
    string,
    {
      accord: Side;
      neo4jGraphql: Side;
      /** Accord / @neo4j/graphql, of the medians: above 1 Accord serves more; below 1 its latency is lower. */
      ratio: { rps: number; p50: number; p99: number };
    }
  >;
}

export interface QueryBenchmarkResult {
  questions: QuestionResult[];
  settings: Omit<QueryOptions, 'log' | 'plansDir'>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A deterministic sample of `n` of `list` (mulberry32 shuffle). */
function sample<T>(list: T[], n: number, seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...list].sort();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-accord-debug': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: unknown[];
    extensions?: { roundTrips?: number };
  };
  if (!response.ok || body.errors)
    throw new Error(`${url}: ${JSON.stringify(body.errors ?? response.status)}`);
  return body;
}

const sentQueries = async (server: Server, reset: boolean) => {
  const response = await fetch(server.url.replace(/\/graphql$/, '/bench/queries'), {
    method: reset ? 'POST' : 'GET',
  });
  return (await response.json()) as { count: number; recent: { text: string; params: Params }[] };
};

export async function queryBenchmark(
  db: Instance,
  options: QueryOptions,
): Promise<QueryBenchmarkResult> {
  const database = connect(db);
  const servers: Server[] = [];
  try {
    await database.verify();
    const accord = await startAccord(db);
    servers.push(accord);
    const ng = await startNeo4jGraphql(db);
    servers.push(ng);
    options.log(`servers: Accord ${accord.url}, @neo4j/graphql ${ng.url}`);
    const neo4jPid = pidFrom(join(db.dir, 'neo4j.pid'));
    mkdirSync(options.plansDir, { recursive: true });

    const results: QuestionResult[] = [];
    for (const question of QUESTIONS) {
      const variable = question.variable ?? 'id';
      const ids = question.pick
        ? sample(
            (await database.read(benchCypher(question.pick))).map((r) => r[variable] as string),
            options.pool,
            options.seed,
          )
        : [undefined];
      if (ids.length === 0) throw new Error(`${question.key}: no ids to ask about`);
      const variables = (id: string | undefined) => (id === undefined ? {} : { [variable]: id });

      // Same answers, round trips (after a first request each: @neo4j/graphql checks the
      // server's version on its first).
      await post(accord.url, question.accord, variables(ids[0]));
      await post(ng.url, question.neo4jGraphql, variables(ids[0]));
      const checked = ids.slice(0, 5);
      let same = 0;
      let example: unknown;
      let accordTrips = 0;
      let ngTrips = 0;
      for (const id of checked) {
        const a = await post(accord.url, question.accord, variables(id));
        await sentQueries(ng, true);
        const n = await post(ng.url, question.neo4jGraphql, variables(id));
        ngTrips = Math.max(ngTrips, (await sentQueries(ng, false)).count);
        accordTrips = Math.max(accordTrips, a.extensions?.roundTrips ?? Number.NaN);
        const ca = question.canonical.accord(a.data);
        const cn = question.canonical.neo4jGraphql(n.data);
        if (isDeepStrictEqual(ca, cn)) same += 1;
        else example ??= { id, accord: ca, neo4jGraphql: cn };
      }

      const plans = await questionPlans(
        database,
        question,
        variables(ids[0]),
        ng,
        options.plansDir,
      );

      const result: QuestionResult = {
        key: question.key,
        title: question.title,
        nestingDepth: nestingDepth(question.accord),
        roundTrips: { accord: accordTrips, neo4jGraphql: ngTrips },
        sameAnswer: { checked: checked.length, same, ...(example ? { example } : {}) },
        plans,
        byConcurrency: {},
      };
      options.log(
        `${question.key}: same answer ${same}/${checked.length}, round trips Accord ${accordTrips} (depth ${result.nestingDepth}), @neo4j/graphql ${ngTrips}`,
      );

      const bodies = {
        accord: ids.map((id) =>
          JSON.stringify({ query: question.accord, variables: variables(id) }),
        ),
        neo4jGraphql: ids.map((id) =>
          JSON.stringify({ query: question.neo4jGraphql, variables: variables(id) }),
        ),
      };
      for (const connections of options.connections) {
        const sides = { accord: [] as LoadResult[], neo4jGraphql: [] as LoadResult[] };
        const targets = { accord: accord.url, neo4jGraphql: ng.url } as const;
        const pids = { accord: accord.pid, neo4jGraphql: ng.pid } as const;
        // Warm-up: JIT, plan caches, page cache; not recorded.
        for (const side of ['accord', 'neo4jGraphql'] as const) {
          await quiet(database);
          await load({ url: targets[side], bodies: bodies[side], connections, duration: 2 });
        }
        for (let round = 0; round < options.rounds; round++) {
          const order =
            round % 2 === 0
              ? (['accord', 'neo4jGraphql'] as const)
              : (['neo4jGraphql', 'accord'] as const);
          for (const side of order) {
            // What the last measurement left running in Neo4j is not this one's to pay for.
            const { waitedMs, terminated } = await quiet(database);
            if (waitedMs > 1000 || terminated > 0) {
              options.log(`    waited ${waitedMs} ms for Neo4j (${terminated} statements ended)`);
            }
            sides[side].push(
              await load({
                url: targets[side],
                bodies: bodies[side],
                connections,
                duration: options.duration,
                pids: { server: pids[side], neo4j: neo4jPid },
              }),
            );
          }
        }
        const summarise = (runs: LoadResult[]): Side => ({
          rps: round2(median(runs.map((r) => r.rps))),
          p50Ms: median(runs.map((r) => r.p50Ms)),
          p99Ms: median(runs.map((r) => r.p99Ms)),
          cpuMsPerRequest: {
            server: median(runs.map((r) => r.cpuMsPerRequest.server)),
            neo4j: median(runs.map((r) => r.cpuMsPerRequest.neo4j)),
          },
          failed: runs.reduce((n, r) => n + r.failed, 0),
          rounds: runs,
        });
        const a = summarise(sides.accord);
        const n = summarise(sides.neo4jGraphql);
        result.byConcurrency[String(connections)] = {
          accord: a,
          neo4jGraphql: n,
          ratio: {
            rps: round2(a.rps / n.rps),
            p50: round2(a.p50Ms / n.p50Ms),
            p99: round2(a.p99Ms / n.p99Ms),
          },
        };
        options.log(
          `  c=${connections}: Accord ${a.rps} req/s p50 ${a.p50Ms} p99 ${a.p99Ms} cpu ${a.cpuMsPerRequest.server}+${a.cpuMsPerRequest.neo4j} ms | @neo4j/graphql ${n.rps} req/s p50 ${n.p50Ms} p99 ${n.p99Ms} cpu ${n.cpuMsPerRequest.server}+${n.cpuMsPerRequest.neo4j} ms | throughput ratio ${round2(a.rps / n.rps)}`,
        );
      }
      results.push(result);
    }
    const { log: _log, plansDir: _plans, ...settings } = options;
    return { questions: results, settings };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await database.close();
  }
}

/**
 * The Cypher each server runs for one request, PROFILEd with its parameters and saved as
 * text: Accord's queries are caught through Database.observed in an app built in this process
 * over the same database; @neo4j/graphql's through its server's query log.
 */
async function questionPlans(
  database: Database,
  question: Question,
  variables: Record<string, unknown>,
  ng: Server,
  dir: string,
): Promise<QuestionResult['plans']> {
  const sent: { query: Query<unknown>; params: Params }[] = [];
  // The app reads through views of the database (Database.observed), so every view is watched.
  const watch = (view: Database): Database => ({
    ...view,
    read: <R>(query: Query<R>, params: Params = {}) => {
      sent.push({ query, params });
      return view.read(query, params);
    },
    observed: (observer) => watch(view.observed(observer)),
  });
  const app = createApp({ db: watch(database), config: loadConfig({ ACCORD_SEED: 'false' }) });
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: question.accord, variables }),
  });
  await response.json();
  const plans: QuestionResult['plans'] = { accord: [], neo4jGraphql: [] };
  const save = (file: string, header: string, plan: Plan) =>
    writeFileSync(join(dir, file), `${header}\n\n${plan.text}\n`);
  for (const [i, { query, params }] of sent.entries()) {
    const plan = await profile(database.driver, undefined, query.text, params);
    const file = `${question.key}-accord-${i + 1}-${query.name.replaceAll('/', '-')}.txt`;
    save(
      file,
      `// Accord, ${question.key}, round trip ${i + 1}: ${query.name}\n// parameters: ${JSON.stringify(params)}\n\n${query.text}`,
      plan,
    );
    plans.accord.push({
      file,
      query: query.name,
      seeks: plan.seeks,
      scans: plan.scans,
      dbHits: plan.dbHits,
    });
  }
  await sentQueries(ng, true);
  await post(ng.url, question.neo4jGraphql, variables);
  const { recent } = await sentQueries(ng, false);
  for (const [i, { text, params }] of recent.entries()) {
    const plan = await profile(database.driver, undefined, text, params);
    const file = `${question.key}-neo4j-graphql-${i + 1}.txt`;
    save(
      file,
      `// @neo4j/graphql, ${question.key}, statement ${i + 1}\n// parameters: ${JSON.stringify(params)}\n${text
        .split('\n')
        .map((l) => `// ${l}`)
        .join('\n')}`,
      plan,
    );
    plans.neo4jGraphql.push({ file, seeks: plan.seeks, scans: plan.scans, dbHits: plan.dbHits });
  }
  return plans;
}
