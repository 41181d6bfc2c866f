import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { freshDatabase } from '../support/db.ts';

describe('full-text index over names (cjk analyzer)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.write(cypher('test/put-named'), {
      id: 'org-bjut',
      name: '北京工业大学',
      aliases: ['北工大', 'BJUT'],
    });
    await db.write(cypher('test/put-named'), {
      id: 'org-bei',
      name: '北京控股集团有限公司',
      aliases: ['北控集团'],
    });
  });
  afterAll(() => db.close());

  const find = async (text: string) =>
    (await db.read(cypher('test/fulltext'), { text })).map((r) => r.id);

  it('finds a name by an inner Chinese substring', async () => {
    expect(await find('工业大学')).toEqual(['org-bjut']);
  });

  it('finds an alias, case-insensitively', async () => {
    expect(await find('bjut')).toEqual(['org-bjut']);
    expect(await find('北控')).toEqual(['org-bei']);
  });

  it('finds nothing for text that no name holds', async () => {
    expect(await find('清华')).toEqual([]);
  });
});
