import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { type Service, startService } from '../../src/server/serve.ts';
import { freshDatabase, testConfig } from '../support/db.ts';

const SRC = 'src-bjut-news-2023-12-22';
let db: Database;

async function gql(service: Service, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

/** A service of its own (own driver, own port) on the test database, quiet but for warnings. */
async function instance(uri?: string): Promise<Service> {
  const config = testConfig(uri ? { uri } : {});
  config.logLevel = 'warn';
  return startService(config);
}

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
});
afterAll(() => db.close());

describe('several instances on one database', () => {
  let a: Service;
  let b: Service;
  beforeAll(async () => {
    [a, b] = await Promise.all([instance(), instance()]);
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a write through either is read at once through the other', async () => {
    expect(a.url).not.toBe(b.url);
    const created = await gql(a, 'mutation ($r: JSON!) { createEntity(record: $r) { id } }', {
      r: { type: 'organisation', id: 'org-via-a', name: '甲实例', sources: [SRC] },
    });
    expect(created.errors).toBeUndefined();
    expect((await gql(b, '{ organisation(id: "org-via-a") { name } }')).data).toEqual({
      organisation: { name: '甲实例' },
    });
    const renamed = await gql(
      b,
      `mutation { updateEntity(id: "org-via-a", set: {nameEn: "Instance A"}, source: "${SRC}") { id } addAlias(id: "org-via-a", alias: "甲", source: "${SRC}") { id } }`,
    );
    expect(renamed.errors).toBeUndefined();
    const query = '{ organisation(name: "甲") { id nameEn aliases } organisations { totalCount } }';
    const [fromA, fromB] = await Promise.all([gql(a, query), gql(b, query)]);
    expect(fromA.data).toEqual(fromB.data);
    expect(fromA.data?.organisation).toEqual({
      id: 'org-via-a',
      nameEn: 'Instance A',
      aliases: ['甲'],
    });
    await gql(a, 'mutation { deleteEntity(id: "org-via-a") { id } }');
    expect((await gql(b, '{ organisation(id: "org-via-a") { id } }')).data).toEqual({
      organisation: null,
    });
  });

  it('interleaved writes through both leave one consistent graph', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(i % 2 ? a : b, 'mutation ($r: JSON!) { createEntity(record: $r) { id } }', {
          r: { type: 'person', id: `p-both-${i}`, name: `两边${i}`, sources: [SRC] },
        }),
      ),
    );
    const query =
      '{ a: search(text: "两边", first: 50) { entity { id } } people(first: 100) { totalCount } }';
    const [fromA, fromB] = await Promise.all([gql(a, query), gql(b, query)]);
    expect(fromA.data).toEqual(fromB.data);
    expect(fromA.data?.a).toHaveLength(20);
  });

  it('concurrent addAlias calls on one entity, through both instances, keep every alias', async () => {
    await gql(a, 'mutation ($r: JSON!) { createEntity(record: $r) { id } }', {
      r: { type: 'organisation', id: 'org-aliases', name: '别名单位', sources: [SRC] },
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gql(
          i % 2 ? a : b,
          `mutation { addAlias(id: "org-aliases", alias: "别名${i}", source: "${SRC}") { id } }`,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const stored = await gql(a, '{ organisation(id: "org-aliases") { aliases } }');
    const aliases = (stored.data as { organisation: { aliases: string[] } }).organisation.aliases;
    expect([...aliases].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `别名${i}`).sort());
  });
});

describe('routing URIs', () => {
  it('neo4j:// works against the single local server, for reads and writes', async () => {
    const uri = testConfig().neo4j.uri.replace(/^bolt:/, 'neo4j:');
    const service = await instance(uri);
    try {
      expect(service.db.uri).toMatch(/^neo4j:\/\//);
      const read = await gql(service, '{ organisation(id: "org-bjut") { name } }');
      expect(read.data).toEqual({ organisation: { name: '北京工业大学' } });
      const write = await gql(
        service,
        `mutation { addAlias(id: "org-bjut", alias: "路由", source: "${SRC}") { aliases } }`,
      );
      expect(write.data?.addAlias.aliases).toContain('路由');
      const ready = await fetch(service.url.replace('/graphql', '/ready'));
      expect(ready.status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});
