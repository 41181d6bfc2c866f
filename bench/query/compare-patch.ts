/**
 * Accord as it is against Accord with a patch applied, side by side over the same Neo4j: both
 * services run as processes (the patched one from a copy of src/, cypher/ and schema/ in a
 * temporary folder), and each question is loaded on both in turn, the order alternating.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7704 node bench/query/compare-patch.ts bench/patches/one-query-per-level.patch
 *   ... bench/patches/planner-off.patch partners,search   # only those questions
 *
 * Needs a database with a generated graph (what `npm run bench` leaves in .neo4j/bench).
 * Prints one JSON line per question and concurrency.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/driver.ts';
import { pidFrom } from '../lib/cpu.ts';
import { benchCypher } from '../lib/cypher.ts';
import { ROOT } from '../lib/neo4j.ts';
import { type Server, startServer } from '../lib/process.ts';
import { type LoadResult, load } from './load.ts';
import { QUESTIONS } from './questions.ts';
import { freePort } from './servers.ts';

const patch = process.argv[2];
if (!patch) throw new Error('usage: node bench/query/compare-patch.ts PATCH_FILE [KEY,...]');
/** The questions to ask (keys, comma-separated); all when not given. */
const only = process.argv[3]?.split(',');
const config = loadConfig();
const copy = mkdtempSync(join(tmpdir(), 'accord-patched-'));
for (const part of ['src', 'cypher', 'schema', 'data', 'package.json']) {
  cpSync(join(ROOT, part), join(copy, part), { recursive: true });
}
symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
execFileSync('git', ['apply', '--directory=.', '--unsafe-paths', resolve(patch)], { cwd: copy });

const answers = async (url: string) =>
  (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    })
  ).ok;
const start = async (root: string): Promise<Server> => {
  const port = await freePort();
  return startServer([process.execPath, join(root, 'src/main.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ACCORD_SEED: 'false' },
    url: `http://127.0.0.1:${port}/graphql`,
    ready: answers,
    // A start on a shared machine at a load average of 38 took over the default minute.
    timeoutMs: 300_000,
  });
};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const summary = (runs: LoadResult[]) => ({
  rps: median(runs.map((r) => r.rps)),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  cpuMsPerRequest: {
    server: median(runs.map((r) => r.cpuMsPerRequest.server)),
    neo4j: median(runs.map((r) => r.cpuMsPerRequest.neo4j)),
  },
});

const servers = { current: await start(ROOT), patched: await start(copy) };
const database = createDatabase(config.neo4j);
// The Neo4j measured: the bench's, or the one NEO4J_LOCAL_DIR names (scripts/neo4j-local.sh).
const neo4jPid = pidFrom(
  join(process.env.NEO4J_LOCAL_DIR ?? join(ROOT, '.neo4j/bench'), 'neo4j.pid'),
);
try {
  for (const question of QUESTIONS.filter((q) => !only || only.includes(q.key))) {
    // The picked values fill the question's variable (`id`, or search's `text`).
    const variable = question.variable ?? 'id';
    const ids = question.pick
      ? (await database.read(benchCypher(question.pick)))
          .map((r) => r[variable] as string)
          .slice(0, 200)
      : [undefined];
    const bodies = ids.map((id) =>
      JSON.stringify({
        query: question.accord,
        variables: id === undefined ? {} : { [variable]: id },
      }),
    );
    const roundTrips = async (server: Server) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-accord-debug': 'true' },
        body: bodies[0],
      });
      return ((await response.json()) as { extensions?: { roundTrips?: number } }).extensions
        ?.roundTrips;
    };
    const trips = {
      current: await roundTrips(servers.current),
      patched: await roundTrips(servers.patched),
    };
    for (const connections of [1, 32]) {
      const runs = { current: [] as LoadResult[], patched: [] as LoadResult[] };
      for (const side of ['current', 'patched'] as const) {
        await load({ url: servers[side].url, bodies, connections, duration: 2 });
      }
      for (let round = 0; round < 3; round++) {
        const order =
          round % 2 ? (['patched', 'current'] as const) : (['current', 'patched'] as const);
        for (const side of order) {
          runs[side].push(
            await load({
              url: servers[side].url,
              bodies,
              connections,
              duration: 5,
              pids: { server: servers[side].pid, neo4j: neo4jPid },
            }),
          );
        }
      }
      const current = summary(runs.current);
      const patched = summary(runs.patched);
      console.log(
        JSON.stringify({
          question: question.key,
          connections,
          roundTrips: trips,
          current,
          patched,
          throughputRatio: Math.round((patched.rps / current.rps) * 100) / 100,
        }),
      );
    }
  }
} finally {
  await database.close();
  await servers.current.stop();
  await servers.patched.stop();
  rmSync(copy, { recursive: true, force: true });
}
