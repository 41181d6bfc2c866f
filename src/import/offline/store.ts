/**
 * The local launcher's store (scripts/neo4j-local.sh) as the offline route sees it: whether its
 * Neo4j runs, whether its database `neo4j` exists and holds anything, and neo4j-admin run on it
 * through the launcher (`neo4j-local.sh admin`, with the launcher's configuration).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const LAUNCHER = join(ROOT, 'scripts/neo4j-local.sh');

/** The launcher's instance: its folder and port, as NEO4J_LOCAL_DIR and NEO4J_BOLT_PORT say. */
export interface LocalStore {
  dir: string;
  env: NodeJS.ProcessEnv;
}

export function localStore(env: NodeJS.ProcessEnv = process.env): LocalStore {
  const dir = resolve(env.NEO4J_LOCAL_DIR || join(ROOT, '.neo4j'));
  return { dir, env: { ...env, NEO4J_LOCAL_DIR: dir } };
}

/** Why the offline route will not write into the store. */
export class StoreRefusedError extends Error {
  override name = 'StoreRefusedError';
}

const databaseDir = (store: LocalStore) => join(store.dir, 'home/data/databases/neo4j');

/**
 * What the store is: `absent` (no database yet), `empty` (a database that has never held a
 * node or a relationship: its node and relationship store files are empty, as a database the
 * launcher created and stopped leaves them) or `used`. Refuses a running server.
 */
export async function storeState(store: LocalStore): Promise<'absent' | 'empty' | 'used'> {
  const status = await run('bash', [LAUNCHER, 'status'], { env: store.env }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  if (status.stdout.startsWith('running')) {
    throw new StoreRefusedError(
      `the launcher's Neo4j in ${store.dir} is ${status.stdout.trim()}: the offline import ` +
        `writes its store and needs it stopped (npm run db:stop, with the same NEO4J_LOCAL_DIR)`,
    );
  }
  const dir = databaseDir(store);
  if (!existsSync(dir)) return 'absent';
  const size = (file: string) => {
    const path = join(dir, file);
    return existsSync(path) ? statSync(path).size : 0;
  };
  // A database whose server stopped cleanly has every node and relationship it ever held in
  // these files; Accord's own migrations write nodes too (_Migration), so a migrated database
  // counts as used.
  return size('neostore.nodestore.db') + size('neostore.relationshipstore.db') === 0
    ? 'empty'
    : 'used';
}

export interface AdminRun {
  elapsedMs: number;
  /** The importer's report (its last lines). */
  report: string;
}

/**
 * `neo4j-admin database import full neo4j` through the launcher; the store's database is
 * replaced when `overwrite` (only ever an empty one, or one the user said to replace).
 */
export async function adminImport(
  store: LocalStore,
  importArguments: string[],
  overwrite: boolean,
): Promise<AdminRun> {
  const started = performance.now();
  const args = [
    LAUNCHER,
    'admin',
    'database',
    'import',
    'full',
    'neo4j',
    ...(overwrite ? ['--overwrite-destination=true'] : []),
    `--report-file=${join(store.dir, 'offline-import.report')}`,
    ...importArguments,
  ];
  const child = spawn('bash', args, { env: store.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const report = output.trim().split('\n').slice(-15).join('\n');
  if (code !== 0) throw new Error(`neo4j-admin import failed (exit ${code}):\n${report}`);
  return { elapsedMs: Math.round(performance.now() - started), report };
}

/** Starts the launcher's Neo4j; its Bolt URI. */
export async function startStore(store: LocalStore): Promise<string> {
  const { stdout } = await run('bash', [LAUNCHER, 'start'], { env: store.env });
  return stdout.trim();
}
