/**
 * `npm run bench`: Accord's query and import benchmarks, from nothing to tables.
 *
 *   npm run bench -- [--sizes 10000,100000] [--duration 5] [--rounds 3] [--connections 1,32]
 *                    [--batch-sizes 10000] [--skip naive,admin,offline,query,filters,import] [--reuse]
 *
 * For each size: generates the synthetic graph (bench/generate.ts, cached in bench/data/),
 * imports it with Accord into an empty Neo4j (once per batch size), runs the query benchmark
 * against Accord and @neo4j/graphql over the database the last import left and the filter
 * scale curve (bench/query/filters.ts) over the same database, and imports the
 * same graph with neo4j-admin into a second, separate instance, then with Accord's offline route
 * (`accord import --offline`: its own conversion, neo4j-admin, start and migrations) into a
 * third, side by side with neo4j-admin's own time (its import and the same indexes). Once per run, the naive
 * baseline imports the 10k sample one record per transaction. Every Neo4j it starts it stops.
 * With --reuse, a database the last import of that graph left (the marker it keeps names the
 * size, the seed and the counts the import found, and the graph still holds those counts) is
 * measured as it is, without importing again: the 1M import takes several minutes; what a
 * run does not measure is kept from the size's previous results file. With --loader admin,
 * the graph the queries and filters run on is loaded by neo4j-admin (then migrated) into the
 * second instance and measured there, instead of Accord's import into the first: minutes
 * instead of an hour for 1M on a busy machine.
 * Results: bench/results/size-N.json, bench/results/naive.json, bench/results/machine.json,
 * plans under bench/results/plans/N/, and the tables in bench/results/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  type AdminImportBenchmark,
  accordImport,
  graphCounts,
  naiveImport,
  neo4jAdminImport,
  offlineRoute,
} from './import/benchmark.ts';
import { DATA_DIR as dataDir, generatedFile } from './lib/data.ts';
import { machine } from './lib/machine.ts';
import { connect, type Instance, type InstanceOptions, ROOT, start, stop } from './lib/neo4j.ts';
import { queryBenchmark } from './query/benchmark.ts';
import { filterCurve } from './query/filters.ts';
import { writeReport } from './report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,32' },
    pool: { type: 'string', default: '200' },
    'batch-sizes': { type: 'string', default: '10000' },
    'naive-sample': { type: 'string', default: '10000' },
    skip: { type: 'string', default: '' },
    heap: { type: 'string', default: process.env.NEO4J_HEAP ?? '2g' },
    pagecache: { type: 'string', default: process.env.NEO4J_PAGECACHE ?? '2g' },
    port: { type: 'string', default: '7704' },
    'admin-port': { type: 'string', default: '7705' },
    'offline-port': { type: 'string', default: '7706' },
    reuse: { type: 'boolean', default: false },
    loader: { type: 'string', default: 'accord' },
    out: { type: 'string', default: join(ROOT, 'bench/results') },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench -- [--sizes 10000,100000,1000000] [--duration S] [--rounds N] [--connections 1,32] [--batch-sizes 10000] [--skip naive,admin,query,filters,import] [--reuse] [--loader accord|admin]',
  );
  process.exit(0);
}

const numbers = (text: string) => text.split(',').filter(Boolean).map(Number);
const sizes = numbers(values.sizes);
const skip = new Set(values.skip.split(',').filter(Boolean));
const batchSizes = numbers(values['batch-sizes']);
const seed = Number(values.seed);
const out = values.out;
mkdirSync(out, { recursive: true });

const main: InstanceOptions = {
  dir: join(ROOT, '.neo4j/bench'),
  port: Number(values.port),
  heap: values.heap,
  pagecache: values.pagecache,
};
const admin: InstanceOptions = {
  ...main,
  dir: join(ROOT, '.neo4j/bench-admin'),
  port: Number(values['admin-port']),
};
const offline: InstanceOptions = {
  ...main,
  dir: join(ROOT, '.neo4j/bench-offline'),
  port: Number(values['offline-port']),
};

const started = new Date();
const log = (line: string) =>
  console.log(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(5)}s] ${line}`);
const save = (name: string, value: unknown) =>
  writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);

const dataFile = (entities: number) => generatedFile(entities, seed, log);

/** The instance measured: the main one, or with --loader admin the one neo4j-admin fills. */
const measured = values.loader === 'admin' ? admin : main;
/** What the measured database holds, as the import that loaded it left it. */
const marker = join(measured.dir, 'home/data/accord-bench.json');

interface Held {
  size: number;
  seed: number;
  counts: unknown;
  /** Which import loaded it: Accord's, or neo4j-admin's (--loader admin). */
  loadedBy: string;
}
const hold = (held: Held) => writeFileSync(marker, JSON.stringify(held));

/** The bench's database started as it is, when it holds exactly that generated graph. */
async function reused(size: number): Promise<(Instance & { loadedBy: string }) | undefined> {
  if (!existsSync(marker)) return undefined;
  const held = JSON.parse(readFileSync(marker, 'utf8')) as Held;
  if (held.size !== size || held.seed !== seed) return undefined;
  const db = await start(measured);
  // A cold Neo4j on a busy machine can take the first count past the 30 s client timeout.
  const counts = await graphCounts(db).catch(() => graphCounts(db));
  if (isDeepStrictEqual(counts, held.counts)) {
    return { ...db, loadedBy: held.loadedBy };
  }
  log(`${measured.dir} no longer holds what its import left: importing again`);
  await stop(measured);
  return undefined;
}

const atStart = await machine();
try {
  save('machine.json', { ...atStart, neo4j: { heap: main.heap, pagecache: main.pagecache } });

  if (!skip.has('naive') && !skip.has('import')) {
    const sample = Number(values['naive-sample']);
    const file = await dataFile(sample);
    log(`naive baseline: ${sample} records, one transaction per record`);
    const naive = await naiveImport(main, file);
    log(`  ${naive.recordsPerSecond} records/s (${naive.elapsedMs} ms)`);
    save('naive.json', { at: new Date().toISOString(), sample, result: naive });
  }

  for (const size of sizes) {
    const file = await dataFile(size);
    const resultFile = join(out, `size-${size}.json`);
    const previous = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : {};
    const result: Record<string, unknown> = {
      ...previous,
      size,
      seed,
      file,
      at: new Date().toISOString(),
    };
    const again = values.reuse ? await reused(size) : undefined;
    let db: Instance | undefined = again;
    delete result.reusedDatabase;
    if (again) {
      log(`reusing ${measured.dir}: it holds the ${size}-entity graph its last import left`);
      result.reusedDatabase = true;
      result.loadedBy = again.loadedBy;
    } else if (values.loader === 'admin') {
      // Offline and many times faster: for the large sizes on a busy machine.
      log(`neo4j-admin import: ${size} entities as CSV, into ${admin.dir}, measured there`);
      const csvDir = join(dataDir, `csv-${size}`);
      const adminResult = await neo4jAdminImport(admin, file, csvDir);
      rmSync(csvDir, { recursive: true, force: true });
      log(
        `  CSV ${adminResult.csv.elapsedMs} ms, import ${adminResult.import.elapsedMs} ms, indexes ${adminResult.indexes.elapsedMs} ms`,
      );
      result.neo4jAdmin = adminResult;
      result.loadedBy = 'neo4j-admin';
      db = await start(admin);
      hold({ size, seed, counts: adminResult.counts, loadedBy: 'neo4j-admin' });
    } else if (!skip.has('import')) {
      let imported: Awaited<ReturnType<typeof accordImport>> | undefined;
      const runs = [];
      for (const batchSize of batchSizes) {
        log(`Accord import: ${size} entities, batch size ${batchSize}, into an empty database`);
        imported = await accordImport(main, file, batchSize);
        const r = imported.result;
        log(
          `  ${r.recordsPerSecond} records/s (${r.elapsedMs} ms; nodes ${r.phases.nodes?.ms} ms, relationships ${r.phases.relationships?.ms} ms), peak RSS ${r.processPeakRssMb} MB`,
        );
        runs.push(r);
      }
      result.import = runs;
      db = imported?.db;
      result.loadedBy = 'accord';
      if (imported) hold({ size, seed, counts: imported.result.counts, loadedBy: 'accord' });
    }
    if (!skip.has('query')) {
      if (!db) throw new Error('the query benchmark needs an import (do not skip import)');
      log(`query benchmark: ${size} entities`);
      const plansDir = join(out, 'plans', String(size));
      // The questions' plans only: filters/ holds the filter curve's, perhaps from another run.
      for (const f of existsSync(plansDir) ? readdirSync(plansDir) : []) {
        if (f.endsWith('.txt')) rmSync(join(plansDir, f));
      }
      result.query = await queryBenchmark(db, {
        connections: numbers(values.connections),
        duration: Number(values.duration),
        rounds: Number(values.rounds),
        pool: Number(values.pool),
        seed,
        plansDir,
        log: (line) => log(`  ${line}`),
      });
    }
    if (!skip.has('filters')) {
      if (!db) throw new Error('the filter curve needs an import (do not skip import)');
      log(`filter scale curve: ${size} entities`);
      const database = connect(db);
      try {
        result.filters = await filterCurve(database, {
          plansDir: join(out, 'plans', String(size)),
        });
      } finally {
        await database.close();
      }
    }
    await stop(measured);
    // Saved now and again after neo4j-admin, so that a failure there loses nothing measured.
    save(`size-${size}.json`, result);
    if (!skip.has('admin') && !skip.has('import') && values.loader !== 'admin') {
      log(`neo4j-admin import: ${size} entities as CSV, into a separate instance`);
      const adminResult = await neo4jAdminImport(admin, file, join(dataDir, `csv-${size}`));
      log(
        `  CSV ${adminResult.csv.elapsedMs} ms, import ${adminResult.import.elapsedMs} ms, indexes ${adminResult.indexes.elapsedMs} ms`,
      );
      result.neo4jAdmin = adminResult;
      rmSync(join(dataDir, `csv-${size}`), { recursive: true, force: true });
    }
    if (!skip.has('offline')) {
      log(`offline route: accord import --offline, ${size} entities, into ${offline.dir}`);
      const before = (await machine()).loadAverage;
      const route = await offlineRoute(offline, file);
      const after = (await machine()).loadAverage;
      // neo4j-admin's own time, measured in this run: its import and the same indexes.
      const admin = result.neo4jAdmin as AdminImportBenchmark | undefined;
      const adminMs = admin && admin.import.elapsedMs + admin.indexes.elapsedMs;
      result.offline = {
        ...route,
        loadAverage: { before, after },
        ...(adminMs
          ? {
              neo4jAdminMs: adminMs,
              ratio: Math.round((route.processMs / adminMs) * 100) / 100,
              ratioWithoutStart:
                Math.round(((route.processMs - (route.steps.start ?? 0)) / adminMs) * 100) / 100,
            }
          : {}),
      };
      log(
        `  ${route.processMs} ms (${JSON.stringify(route.steps)}), ${route.recordsPerSecond} records/s, peak RSS ${route.peakRssMb} MB` +
          (adminMs
            ? `; neo4j-admin's own ${adminMs} ms: ${(route.processMs / adminMs).toFixed(2)}x`
            : ''),
      );
    }
    save(`size-${size}.json`, result);
  }
  save('machine.json', {
    ...atStart,
    loadAverageAtEnd: (await machine()).loadAverage,
    neo4j: { heap: main.heap, pagecache: main.pagecache },
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
  });
  writeReport(out);
  log(`done: ${join(out, 'README.md')}`);
} finally {
  await stop(main).catch(() => {});
  await stop(admin).catch(() => {});
  await stop(offline).catch(() => {});
}
