import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { migrate, migrationStatus } from '../../src/db/migrate.ts';
import { freshDatabase } from '../support/db.ts';

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
});
