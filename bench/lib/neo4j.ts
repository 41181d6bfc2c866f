/**
 * Neo4j instances for the benchmark, through the project's launcher (scripts/neo4j-local.sh):
 * each in a folder of its own, started empty when asked, and stopped at the end. Also runs
 * neo4j-admin's offline importer from the launcher's Maven jars (org.neo4j.cli.AdminTool),
 * with the instance's configuration, as the launcher runs it to set the initial password.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import { timed } from './process.ts';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');
const LAUNCHER = join(ROOT, 'scripts/neo4j-local.sh');

export interface InstanceOptions {
  /** NEO4J_LOCAL_DIR: configuration, data and logs. */
  dir: string;
  port: number;
  heap: string;
  pagecache: string;
}

export interface Instance extends InstanceOptions {
  uri: string;
  user: string;
  password: string;
  /** Environment for a process that talks to this instance (the CLI, the servers). */
  env: NodeJS.ProcessEnv;
}

/** The launcher's environment for an instance. */
export const launcherEnv = (o: InstanceOptions): NodeJS.ProcessEnv => ({
  ...process.env,
  NEO4J_LOCAL_DIR: o.dir,
  NEO4J_BOLT_PORT: String(o.port),
  NEO4J_HEAP: o.heap,
  NEO4J_PAGECACHE: o.pagecache,
});

export function instance(o: InstanceOptions): Instance {
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'accord-dev-password';
  const uri = `bolt://127.0.0.1:${o.port}`;
  return {
    ...o,
    uri,
    user,
    password,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
  };
}

/**
 * A connection to an instance, configured as the service configures its own (but for
 * NEO4J_TX_TIMEOUT_MS when set: a cold Neo4j on a busy machine can take a count past 30 s).
 */
export function connect(db: Instance): Database {
  const timeout = process.env.NEO4J_TX_TIMEOUT_MS;
  return createDatabase({
    ...loadConfig(timeout ? { NEO4J_TX_TIMEOUT_MS: timeout } : {}).neo4j,
    uri: db.uri,
    user: db.user,
    password: db.password,
  });
}

export async function start(o: InstanceOptions): Promise<Instance> {
  await run('bash', [LAUNCHER, 'start'], { env: launcherEnv(o) });
  return instance(o);
}

export async function stop(o: InstanceOptions): Promise<void> {
  await run('bash', [LAUNCHER, 'stop'], { env: launcherEnv(o) });
}

/** Stops the instance if it runs, deletes its data, and starts it: an empty database. */
export async function startEmpty(o: InstanceOptions): Promise<Instance> {
  await stop(o);
  rmSync(join(o.dir, 'home/data'), { recursive: true, force: true });
  return start(o);
}

/** The JVM flags scripts/neo4j-local.sh gives Neo4j (without them it dies on java.nio). */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dfile.encoding=UTF-8',
];

export interface AdminImportResult {
  /** The importer's process, JVM start included. */
  elapsedMs: number;
  /** What the importer reports (IMPORT DONE in ...). */
  reportedMs: number;
  peakRssMb: number;
  /** The last lines of the importer's report. */
  report: string;
}

/**
 * `neo4j-admin database import full` of the given files into the instance's database `neo4j`,
 * which must be stopped; its store is replaced.
 */
export async function adminImport(
  o: InstanceOptions,
  importArguments: string[],
  { heap = '2g', version = process.env.NEO4J_VERSION ?? '5.26.30' } = {},
): Promise<AdminImportResult> {
  const home = join(o.dir, 'home');
  const command = [
    'java',
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    '-cp',
    `${join(ROOT, `.neo4j/lib-${version}`)}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    '--overwrite-destination=true',
    `--report-file=${join(o.dir, 'import.report')}`,
    ...importArguments,
  ];
  const result = await timed(command, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
  });
  if (result.code !== 0) {
    throw new Error(
      `neo4j-admin import failed (exit ${result.code}):\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`,
    );
  }
  // "IMPORT DONE in 6s 881ms.": the importer's own time, without the JVM's start.
  const done = /IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms/.exec(result.stdout);
  const reportedMs = done
    ? Number(done[1] ?? 0) * 60_000 + Number(done[2] ?? 0) * 1000 + Number(done[3])
    : Number.NaN;
  return {
    elapsedMs: result.elapsedMs,
    reportedMs,
    peakRssMb: result.peakRssMb,
    report: result.stdout.trim().split('\n').slice(-12).join('\n'),
  };
}
