import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import type { Database } from '../../src/db/driver.ts';
import { persistOperations } from '../../src/graphql/persisted.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { seed } from '../../src/seed.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';
import { type App, codes, type Keys, keysFile, post, raw, testApp } from './support.ts';

/** What a frontend was built with: two operations sharing a fragment, and one mutation. */
const CLIENT = `
fragment OrgName on Organisation { name nameEn }
query Organisation($id: ID!) { organisation(id: $id) { ...OrgName } }
query Partners($id: ID!) { organisation(id: $id) { ...OrgName partners { partner { ...OrgName } } } }
mutation AddAlias($id: ID!, $alias: String!) {
  addAlias(id: $id, alias: $alias, source: "src-bjut-news-2023-12-22") { id }
}
`;

const dir = mkdtempSync(join(tmpdir(), 'accord-persisted-'));
const schema = createSchema();
const { manifest, operations } = persistOperations(
  [{ name: 'client.graphql', text: CLIENT }],
  schema,
);
const id = (name: string) => operations.find((o) => o.name === name)?.id as string;

function manifestFile(content: unknown): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

/** POSTs a body of our own making. */
const send = (app: App, body: unknown, key?: string) =>
  raw(app, '/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });

let db: Database;
let keys: Keys;
let app: App;

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
  keys = keysFile();
  ({ app } = testApp(db, {
    ACCORD_KEYS_FILE: keys.file,
    ACCORD_ANONYMOUS_ROLE: 'reader',
    ACCORD_PERSISTED_OPERATIONS: manifestFile(manifest),
  }));
});
afterAll(() => db.close());

describe('accord persist', () => {
  it('keys each named operation, with the fragments it uses, by the SHA-256 of its text', () => {
    expect(operations.map((o) => o.name)).toEqual(['Organisation', 'Partners', 'AddAlias']);
    const text = manifest[id('Partners')] as string;
    expect(text).toContain('query Partners');
    expect(text).toContain('fragment OrgName on Organisation');
    expect(text).not.toContain('query Organisation(');
    expect(manifest[id('AddAlias')]).not.toContain('fragment');
    expect(Object.keys(manifest)).toHaveLength(3);
    for (const key of Object.keys(manifest)) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an operation that does not fit the schema, or has no name, naming it', () => {
    const build = (text: string) => () => persistOperations([{ name: 'x.graphql', text }], schema);
    expect(build('query Old { organisation(id: "x") { founded } }')).toThrow(
      /operation Old does not fit the schema: Cannot query field "founded"/,
    );
    expect(build('{ organisations { totalCount } }')).toThrow(/needs a name/);
    expect(build('query Q { organisations { nodes { ...Missing } } }')).toThrow(
      /fragment Missing is not defined/,
    );
    expect(build('query {')).toThrow(/x.graphql: Syntax Error/);
  });
});

describe('an allow-list', () => {
  it('runs a persisted operation sent by documentId, Apollo hash or GET', async () => {
    const variables = { id: 'org-bjut' };
    const byId = await send(app, { documentId: `sha256:${id('Partners')}`, variables });
    expect(byId.status).toBe(200);
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data.organisation.name).toBe('北京工业大学');
    expect(byId.body.data.organisation.partners.length).toBeGreaterThan(0);

    const apollo = await send(app, {
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: id('Organisation') } },
    });
    expect(apollo.body.data.organisation).toEqual({
      name: '北京工业大学',
      nameEn: expect.any(String),
    });

    const query = new URLSearchParams({
      documentId: id('Organisation'),
      variables: JSON.stringify(variables),
    });
    const get = await raw(app, `/graphql?${query}`, { headers: { accept: 'application/json' } });
    expect(get.text).toContain('北京工业大学');
    expect(get.status).toBe(200);
    expect(get.body.data.organisation.name).toBe('北京工业大学');
  });

  it('refuses query text and unknown ids with a clear error, writing nothing', async () => {
    const before = await graphCounts(db);
    const text = await send(
      app,
      { query: 'mutation { deleteEntity(id: "org-bjut") { id } }' },
      keys.editor,
    );
    expect(text.status).toBe(400);
    expect(codes(text)).toEqual(['PERSISTED_QUERY_ONLY']);
    expect(text.body.errors[0].message).toMatch(/only persisted operations: send the documentId/);

    const unknown = await send(app, { documentId: 'f'.repeat(64) });
    expect(unknown.status).toBe(400);
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(unknown.body.errors[0].message).toContain('f'.repeat(64));

    const nothing = await send(app, { variables: {} });
    expect(nothing.status).toBe(400);
    expect(codes(nothing)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('still asks for the role a persisted mutation needs', async () => {
    const body = {
      documentId: id('AddAlias'),
      variables: { id: 'org-bjut', alias: '北京工大（测试别名）' },
    };
    const before = await graphCounts(db);
    const anonymous = await send(app, body);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await graphCounts(db)).toEqual(before);

    const editor = await send(app, body, keys.editor);
    expect(editor.body.errors).toBeUndefined();
    expect(editor.body.data.addAlias.id).toBe('org-bjut');
  });

  it('lets an admin key send any document', async () => {
    const admin = await post(
      app,
      '{ organisation(id: "org-bjut") { name } }',
      {},
      { key: keys.admin },
    );
    expect(admin.body.data.organisation.name).toBe('北京工业大学');
    const reader = await post(
      app,
      '{ organisation(id: "org-bjut") { name } }',
      {},
      { key: keys.reader },
    );
    expect(codes(reader)).toEqual(['PERSISTED_QUERY_ONLY']);
  });

  it('without one, documentId is an unexpected parameter', async () => {
    const { app: open } = testApp(db);
    const answer = await send(open, { documentId: id('Organisation') });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/Unexpected parameter "documentId"/);
  });

  it('refuses to start with a manifest that is unreadable or does not fit the schema', () => {
    const start = (file: string) => () =>
      testApp(db, { ACCORD_PERSISTED_OPERATIONS: file, ACCORD_ANONYMOUS_ROLE: 'none' });
    expect(start(join(dir, 'missing.json'))).toThrow(ConfigError);
    expect(start(manifestFile(['query A { x }']))).toThrow(/expected an object/);
    expect(start(manifestFile({ abc: 'query Old { organisation(id: "x") { founded } }' }))).toThrow(
      /operation abc does not fit the schema/,
    );
    expect(start(manifestFile({ abc: 42 }))).toThrow(
      /operation abc: the document must be a string/,
    );
  });
});
