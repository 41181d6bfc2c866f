/**
 * The import benchmark, each run into an empty database started for it:
 * - Accord's import pipeline (bench/import/profile.ts: what `accord import` runs, timed per
 *   phase and per query), at a given batch size, with the process's peak memory;
 * - the naive baseline (bench/import/naive.ts): one transaction per record;
 * - neo4j-admin's offline importer on the same graph as CSV (bench/import/csv.ts, Accord's own
 *   offline writer), followed by Accord's migrations (the constraints and indexes the offline
 *   import does not build): neo4j-admin's own time, without the conversion;
 * - Accord's offline route (`accord import --offline`, src/import/offline/): the conversion,
 *   neo4j-admin, the start and the migrations, as one process.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, recordDataMigrations } from '../../src/db/migrate.ts';
import type { OfflineSummary } from '../../src/import/offline/import.ts';
import { benchCypher } from '../lib/cypher.ts';
import {
  type AdminImportResult,
  adminImport,
  connect,
  type Instance,
  type InstanceOptions,
  instance,
  launcherEnv,
  ROOT,
  start,
  startEmpty,
  stop,
} from '../lib/neo4j.ts';
import { timed, timedJson } from '../lib/process.ts';
import type { CsvSummary } from './csv.ts';
import type { NaiveResult } from './naive.ts';
import type { ImportProfile } from './profile.ts';

const node = (script: string, ...args: string[]) => [process.execPath, join(ROOT, script), ...args];

export interface Counts {
  nodes: number;
  relationships: number;
}

/**
 * An empty database on a warm server: a freshly started Neo4j runs its first big transactions
 * in a cold JVM (a 10k-node batch took 8 s instead of 2), which is not what an import into a
 * running server meets. So the instance starts empty, imports the seed (data/seed/, 20
 * records) and deletes it again.
 */
export async function startEmptyWarm(options: InstanceOptions): Promise<Instance> {
  const db = await startEmpty(options);
  const seed = await timed(node('src/cli.ts', 'seed'), { env: db.env });
  if (seed.code !== 0) throw new Error(`seed failed:\n${seed.stderr}`);
  const database = connect(db);
  try {
    await database.autoCommit(benchCypher('reset'));
  } finally {
    await database.close();
  }
  return db;
}

export async function graphCounts(db: Instance): Promise<Counts> {
  const database = connect(db);
  try {
    const [row] = await database.read(benchCypher('counts'));
    return { nodes: row?.nodes as number, relationships: row?.relationships as number };
  } finally {
    await database.close();
  }
}

export interface AccordImportResult extends ImportProfile {
  /** The whole process: start, connect, migrate, import, exit. */
  processMs: number;
  /** Peak resident memory of the importing process (/usr/bin/time -v). */
  processPeakRssMb: number;
  counts: Counts;
}

/** Accord's import of `file` into an empty database; the instance keeps running with the graph. */
export async function accordImport(
  options: InstanceOptions,
  file: string,
  batchSize: number,
): Promise<{ db: Instance; result: AccordImportResult }> {
  const db = await startEmptyWarm(options);
  const { value, run } = await timedJson<ImportProfile>(
    node('bench/import/profile.ts', file, '--batch-size', String(batchSize), '--json'),
    { env: db.env },
  );
  const counts = await graphCounts(db);
  return {
    db,
    result: { ...value, processMs: run.elapsedMs, processPeakRssMb: run.peakRssMb, counts },
  };
}

export interface NaiveImportResult extends NaiveResult {
  processPeakRssMb: number;
  counts: Counts;
}

/** The naive baseline into an empty database; the instance is stopped afterwards. */
export async function naiveImport(
  options: InstanceOptions,
  file: string,
): Promise<NaiveImportResult> {
  const db = await startEmpty(options);
  try {
    const { value, run } = await timedJson<NaiveResult>(
      node('bench/import/naive.ts', file, '--json'),
      {
        env: db.env,
      },
    );
    return { ...value, processPeakRssMb: run.peakRssMb, counts: await graphCounts(db) };
  } finally {
    await stop(options);
  }
}

export interface AdminImportBenchmark {
  csv: CsvSummary & { peakRssMb: number };
  /** `neo4j-admin database import full`, offline. */
  import: AdminImportResult;
  /** Starting the imported database and applying Accord's migrations (constraints, indexes). */
  indexes: { elapsedMs: number };
  counts: Counts;
}

/**
 * neo4j-admin's offline import of the graph of `file` (converted to CSV under `csvDir`) into
 * the database of a separate instance, which is left stopped.
 */
export async function neo4jAdminImport(
  options: InstanceOptions,
  file: string,
  csvDir: string,
): Promise<AdminImportBenchmark> {
  const { value: csv, run: csvRun } = await timedJson<CsvSummary>(
    node('bench/import/csv.ts', file, csvDir),
  );
  // A first start writes the configuration and the initial password; the importer needs the
  // database stopped, and replaces its store.
  await startEmpty(options);
  await stop(options);
  const imported = await adminImport(options, csv.adminArguments);
  const db = await start(options);
  const database = connect(db);
  try {
    // As the offline route does (src/import/offline/): the files hold the data migrations'
    // shape already, so only the schema is built.
    const started = performance.now();
    await recordDataMigrations(database);
    await migrate(database);
    const indexes = { elapsedMs: Math.round(performance.now() - started) };
    return {
      csv: { ...csv, peakRssMb: csvRun.peakRssMb },
      import: imported,
      indexes,
      counts: await graphCounts(db),
    };
  } finally {
    await database.close();
    await stop(options);
  }
}

export interface OfflineRouteResult {
  /** The whole `accord import --offline` process, Neo4j's start included. */
  processMs: number;
  /** Peak resident memory of the process and the children it waits for (neo4j-admin's JVM). */
  peakRssMb: number;
  /** The Node process's own peak (process.resourceUsage). */
  nodePeakRssMb: number;
  recordsPerSecond: number;
  /** Milliseconds of each step: check (validate, resolve), csv, admin, start, migrate. */
  steps: OfflineSummary['steps'];
  counts: Counts;
}

/**
 * `accord import --offline` of `file` into the instance's store, deleted first (as absent as on
 * a new machine: the launcher writes its configuration and password again); left stopped.
 */
export async function offlineRoute(
  options: InstanceOptions,
  file: string,
): Promise<OfflineRouteResult> {
  await stop(options);
  rmSync(join(options.dir, 'home/data'), { recursive: true, force: true });
  try {
    const { value, run } = await timedJson<OfflineSummary>(
      node('src/cli.ts', 'import', '--offline', '--json', file),
      { env: { ...instance(options).env, ...launcherEnv(options) } },
    );
    if (!value.ok) throw new Error(`the offline import failed: ${JSON.stringify(value.errors)}`);
    return {
      processMs: run.elapsedMs,
      peakRssMb: run.peakRssMb,
      nodePeakRssMb: value.peakRssMb ?? Number.NaN,
      recordsPerSecond: Math.round(value.records / (run.elapsedMs / 1000)),
      steps: value.steps,
      counts: await graphCounts(instance(options)),
    };
  } finally {
    await stop(options);
  }
}
