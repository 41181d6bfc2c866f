/**
 * Schema migrations: `cypher/migrations/NNNN_name.cypher`, applied in order and recorded as
 * `(:_Migration {name, checksum})` nodes (unique by name) so that each runs once. Several
 * processes may migrate at once (instances starting together, `accord migrate` beside a
 * running start): statements use IF NOT EXISTS, a deadlock or other transient error is
 * retried (src/db/driver.ts), and so is a statement that lost the race to create the same
 * index or constraint, which then finds it and does nothing. Data migrations cannot be made
 * safe that way (each re-reads what it changes in many small transactions), so one process at
 * a time applies migrations, under a lock node (cypher/migrate/lock.cypher); the others wait
 * and then find them applied.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { CYPHER_DIR, cypher, listCypherFiles, type Query, statements } from './cypher.ts';
import type { Database } from './driver.ts';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function migrationFiles() {
  return listCypherFiles('migrations').map(({ name, path }) => {
    const text = readFileSync(join(CYPHER_DIR, path), 'utf8');
    return { name, text, checksum: checksum(text) };
  });
}

export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const done = new Map(
    (await db.read(cypher('migrate/applied'))).map((r) => [r.name as string, r.checksum]),
  );
  const files = migrationFiles();
  for (const file of files) {
    const recorded = done.get(file.name);
    if (recorded !== undefined && recorded !== file.checksum) {
      throw new MigrationError(
        `migration ${file.name} was changed after it was applied; add a new migration instead`,
      );
    }
  }
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
  };
}

/**
 * Waits until every index is online. On a large graph building one takes minutes, longer than
 * NEO4J_TX_TIMEOUT_MS allows any one statement, so this asks again and again, briefly.
 */
async function indexesOnline(db: Database): Promise<void> {
  for (let wait = 50; ; wait = Math.min(wait * 2, 2000)) {
    const building = await db.read(cypher('migrate/indexes-not-online'));
    const failed = building.find((index) => index.state === 'FAILED');
    if (failed) {
      throw new MigrationError(`index ${failed.name} failed to build: ${failed.failureMessage}`);
    }
    if (building.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Another process created the same index or constraint while this one did: IF NOT EXISTS
 * checks before the creation commits, so the loser is told it already exists.
 */
const lostRace = (error: unknown) =>
  error instanceof Neo4jError && /^Neo\.ClientError\.Schema\.\w*AlreadyExists$/.test(error.code);

/** Runs one schema statement; once more each time it lost a race, when it finds the winner's work. */
async function applySchema(db: Database, query: Query): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.autoCommit(query);
      return;
    } catch (error) {
      if (!lostRace(error) || attempt >= 5) throw error;
    }
  }
}

/** How often the lock's holder says it is alive, and how long a silent lock is left alone. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 60_000;

/** Waits until this process holds the migration lock; returns its release. */
async function lock(db: Database): Promise<() => Promise<void>> {
  const owner = randomUUID();
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    const [row] = await db.write(cypher('migrate/lock'), { owner, staleMs: STALE_MS });
    if (row?.held) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  // A failed heartbeat is retried at the next beat; only a long silence loses the lock.
  const beat = setInterval(() => {
    db.write(cypher('migrate/heartbeat'), { owner }).catch(() => {});
  }, HEARTBEAT_MS);
  return async () => {
    clearInterval(beat);
    await db.write(cypher('migrate/unlock'), { owner });
  };
}

/** A statement that changes the schema (a constraint or an index), not the data. */
const SCHEMA_STATEMENT = /^(CREATE|DROP)\b[^(]*\b(CONSTRAINT|INDEX)\b/i;

/**
 * Records the pending data migrations (those with a statement that is not a schema command) as
 * applied without running them, and returns their names: for a graph written whole in the shape
 * they produce, as the offline import (src/import/offline/) writes one before `migrate` builds
 * the schema. A transactional import into an empty database meets them done, on nothing, too.
 */
export async function recordDataMigrations(db: Database): Promise<string[]> {
  const { pending } = await migrationStatus(db);
  const data = migrationFiles().filter(
    (f) => pending.includes(f.name) && statements(f.text).some((s) => !SCHEMA_STATEMENT.test(s)),
  );
  for (const file of data) {
    await db.write(cypher('migrate/record'), { name: file.name, checksum: file.checksum });
  }
  return data.map((f) => f.name);
}

/** Applies the pending migrations and returns their names. */
export async function migrate(db: Database): Promise<string[]> {
  await db.write(cypher('migrate/deduplicate'));
  await applySchema(db, cypher('migrate/constraint'));
  await applySchema(db, cypher('migrate/lock-constraint'));
  // Nothing to do, as at most starts: no lock to write.
  if ((await migrationStatus(db)).pending.length === 0) return [];
  const unlock = await lock(db);
  try {
    return await applyPending(db);
  } finally {
    await unlock();
  }
}

async function applyPending(db: Database): Promise<string[]> {
  const { pending } = await migrationStatus(db);
  const files = migrationFiles().filter((f) => pending.includes(f.name));
  for (const file of files) {
    for (const statement of statements(file.text)) {
      try {
        await applySchema(db, { name: file.name, text: statement });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`migration ${file.name} failed: ${reason}`);
      }
    }
    await indexesOnline(db);
    await db.write(cypher('migrate/record'), { name: file.name, checksum: file.checksum });
  }
  return files.map((f) => f.name);
}
