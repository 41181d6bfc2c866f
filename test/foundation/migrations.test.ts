import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { migrate, migrationStatus } from '../../src/db/migrate.ts';
import { startService } from '../../src/server/serve.ts';
import { freshDatabase, testConfig, testEnv } from '../support/db.ts';

const run = promisify(execFile);

/** Drops every constraint and index the migrations made, and their records: an empty database. */
async function emptySchema(db: Database) {
  await db.write(cypher('test/forget-migrations'));
  for (const { name } of await db.read(cypher('test/constraint-names')))
    await db.autoCommit(cypher('test/drop-constraint'), { name });
  for (const { name } of await db.read(cypher('test/index-names')))
    await db.autoCommit(cypher('test/drop-index'), { name });
}

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.close());

  it('are all applied and recorded', async () => {
    const status = await migrationStatus(db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toContain('0001_entity_constraints');
    expect(status.applied).toContain('0002_name_search');
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('can be re-run from scratch without error or new schema objects', async () => {
    const before = await db.read(cypher('test/schema-objects'));
    await db.write(cypher('test/forget-migrations'));
    const reapplied = await migrate(db);
    expect(reapplied).toEqual((await migrationStatus(db)).applied);
    const after = await db.read(cypher('test/schema-objects'));
    expect(after).toEqual(before);
    expect(before.map((i) => i.name)).toEqual(
      expect.arrayContaining(['entity_id', 'entity_names', 'entity_name_keys']),
    );
    expect(before.every((i) => i.state === 'ONLINE')).toBe(true);
  });

  it("upgrade a role's single statedOn, as the previous release wrote it, to a list", async () => {
    await db.write(cypher('test/previous-role-shape'));
    await db.write(cypher('test/forget-migrations'));
    await migrate(db);
    const [row] = await db.read(cypher('test/role-stated-on'), { id: 'role-old-shape' });
    expect(row?.statedOn).toEqual(['2019-05-10']);
    // Again: a list stays as it is.
    await db.write(cypher('test/forget-migrations'));
    await migrate(db);
    const [again] = await db.read(cypher('test/role-stated-on'), { id: 'role-old-shape' });
    expect(again?.statedOn).toEqual(['2019-05-10']);
  });

  it('take over the lock of a process that died while migrating, and release it', async () => {
    await db.write(cypher('test/stale-migration-lock'));
    await db.write(cypher('test/forget-migrations'));
    expect(await migrate(db)).toEqual((await migrationStatus(db)).applied);
    expect(await db.read(cypher('test/migration-locks'))).toEqual([]);
  });

  it('run from several processes at once on an empty database: all succeed, each applied once', async () => {
    const before = await db.read(cypher('test/schema-objects'));
    await emptySchema(db);
    expect(await db.read(cypher('test/constraint-names'))).toEqual([]);
    // Three `accord migrate` runs and two services starting, all at the same moment.
    const migrating = Array.from({ length: 3 }, () =>
      run('node', ['src/cli.ts', 'migrate'], { env: testEnv(), timeout: 120_000 }).then(
        () => 'ok',
        (error) => `exit ${error.code}: ${error.stderr}`,
      ),
    );
    const starting = Array.from({ length: 2 }, () =>
      startService(testConfig()).then(
        async (service) => {
          await service.stop();
          return 'ok';
        },
        (error) => `failed: ${error.message}`,
      ),
    );
    expect(await Promise.all([...migrating, ...starting])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect((await migrationStatus(db)).pending).toEqual([]);
    expect(await db.read(cypher('test/schema-objects'))).toEqual(before);
    const recorded = (await db.read(cypher('migrate/applied'))).map((r) => r.name);
    expect(recorded).toEqual([...new Set(recorded)]);
  }, 180_000);
});
