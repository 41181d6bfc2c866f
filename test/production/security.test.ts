import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/auth/keys.ts';
import type { Database } from '../../src/db/driver.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { seed } from '../../src/seed.ts';
import { freshDatabase, graphCounts } from '../support/db.ts';
import { type App, codes, type Keys, keysFile, post, raw, testApp } from './support.ts';

const SRC = 'src-bjut-news-2023-12-22';

/** A mutation call that would write, were it allowed: every Mutation field has one here. */
const WRITES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  importRecords: {
    query: 'mutation ($r: [JSON!]!) { importRecords(records: $r) { ok } }',
    variables: { r: [{ type: 'organisation', id: 'org-x1', name: '某甲', sources: [SRC] }] },
  },
  createEntity: {
    query: 'mutation ($r: JSON!) { createEntity(record: $r) { id } }',
    variables: { r: { type: 'organisation', id: 'org-x2', name: '某乙', sources: [SRC] } },
  },
  updateEntity: {
    query: `mutation { updateEntity(id: "org-bjut", set: {nameEn: "changed"}, source: "${SRC}") { id } }`,
  },
  deleteEntity: { query: 'mutation { deleteEntity(id: "person-liu-xiao") { id } }' },
  addAlias: {
    query: `mutation { addAlias(id: "org-bjut", alias: "新别名", source: "${SRC}") { id } }`,
  },
  link: {
    query: `mutation { link(from: "person-wang-jian", type: "WITNESSED", to: "agreement-strategic-2023-12-21", source: "${SRC}") { status } }`,
  },
  unlink: {
    query: `mutation { unlink(from: "org-bjut", type: "PARTY_TO", to: "agreement-strategic-2023-12-21") }`,
  },
  recordAgreement: {
    query: 'mutation ($a: JSON!) { recordAgreement(agreement: $a) { id } }',
    variables: {
      a: { id: 'a-x3', name: '某协议', parties: ['org-bjut', 'org-bei-group'], sources: [SRC] },
    },
  },
  mergeEntities: {
    query:
      'mutation { mergeEntities(keep: "org-chaoyang-stib", duplicates: ["org-zgc-chaoyang-park"]) { id } }',
  },
};

const ADMIN_ONLY = ['mergeEntities', 'deleteEntity'];

/** A value of `type` that passes validation (for Mutation fields this file has no call for). */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  const name = (type as GraphQLScalarType).name;
  return (
    { Int: 1, Float: 1, Boolean: false, JSON: {}, Date: '2023', ID: 'x', String: 'x' }[name] ?? 'x'
  );
}

/** Every Mutation field of the schema, with a call: ours above, or one built from its arguments. */
function everyMutation() {
  const fields = createSchema().getMutationType()?.getFields() ?? {};
  return Object.values(fields).map((field) => {
    const known = WRITES[field.name];
    if (known) return { name: field.name, ...known };
    const required = field.args.filter((a) => a.type instanceof GraphQLNonNull);
    const declared = required.map((a) => `$${a.name}: ${a.type}`).join(', ');
    const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
    return {
      name: field.name,
      query: `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }`,
      variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type)])),
    };
  });
}

let db: Database;
let keys: Keys;
let app: App;
let logs: ReturnType<typeof testApp>['logs'];

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
  keys = keysFile();
  ({ app, logs } = testApp(db, { ACCORD_KEYS_FILE: keys.file, ACCORD_ANONYMOUS_ROLE: 'none' }));
});
afterAll(() => db.close());

describe('access control', () => {
  it('has a call for every Mutation field of the schema', () => {
    const names = everyMutation().map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(WRITES)));
  });

  it('refuses every mutation without a key, with a reader key and with a bad key, writing nothing', async () => {
    const before = await graphCounts(db);
    for (const m of everyMutation()) {
      const anonymous = await post(app, m.query, m.variables);
      expect(anonymous.status, m.name).toBe(401);
      expect(codes(anonymous), m.name).toEqual(['UNAUTHENTICATED']);
      expect(anonymous.body.data, m.name).toBeUndefined();
      expect(anonymous.body.errors[0].message).toMatch(
        /needs the (editor|admin) role: send an API key/,
      );

      const reader = await post(app, m.query, m.variables, { key: keys.reader });
      expect(reader.status, m.name).toBe(403);
      expect(codes(reader), m.name).toEqual(['FORBIDDEN']);
      expect(reader.body.errors[0].message).toMatch(/"test-reader" has the reader role/);

      const forged = await post(app, m.query, m.variables, { key: `${keys.admin}x` });
      expect(forged.status, m.name).toBe(401);
      expect(codes(forged), m.name).toEqual(['UNAUTHENTICATED']);
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it('refuses mergeEntities and deleteEntity to an editor key, writing nothing', async () => {
    const before = await graphCounts(db);
    for (const name of ADMIN_ONLY) {
      const m = WRITES[name] as { query: string };
      const editor = await post(app, m.query, {}, { key: keys.editor });
      expect(editor.status, name).toBe(403);
      expect(codes(editor), name).toEqual(['FORBIDDEN']);
      expect(editor.body.errors[0].message).toContain(`${name} needs the admin role`);
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it('sees admin fields behind aliases, fragments and a chosen operation', async () => {
    const before = await graphCounts(db);
    const hidden = [
      'mutation { x: deleteEntity(id: "person-liu-xiao") { id } }',
      'mutation { ...F } fragment F on Mutation { deleteEntity(id: "person-liu-xiao") { id } }',
      'mutation { ... on Mutation { ... on Mutation { deleteEntity(id: "person-liu-xiao") { id } } } }',
      `mutation { addAlias(id: "org-bjut", alias: "y", source: "${SRC}") { id } deleteEntity(id: "person-liu-xiao") { id } }`,
    ];
    for (const query of hidden) {
      const editor = await post(app, query, {}, { key: keys.editor });
      expect(codes(editor), query).toEqual(['FORBIDDEN']);
    }
    const two = 'query Q { version } mutation M { deleteEntity(id: "person-liu-xiao") { id } }';
    const read = await post(app, two, {}, { key: keys.reader, operationName: 'Q' });
    expect(read.body).toMatchObject({ data: { version: expect.any(String) } });
    const write = await post(app, two, {}, { key: keys.reader, operationName: 'M' });
    expect(codes(write)).toEqual(['FORBIDDEN']);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('lets readers read, and nobody without a key when the anonymous role is none', async () => {
    const query = '{ organisation(id: "org-bjut") { name } }';
    expect((await post(app, query, {}, { key: keys.reader })).body).toEqual({
      data: { organisation: { name: '北京工业大学' } },
    });
    const anonymous = await post(app, query);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const viaHeader = await post(app, query, {}, { headers: { 'x-api-key': keys.reader } });
    expect(viaHeader.body.data).toEqual({ organisation: { name: '北京工业大学' } });
  });

  it('an editor key writes, an admin key merges and deletes', async () => {
    const before = await graphCounts(db);
    for (const name of Object.keys(WRITES)) {
      const m = WRITES[name] as { query: string; variables?: Record<string, unknown> };
      const key = ADMIN_ONLY.includes(name) ? keys.admin : keys.editor;
      const result = await post(app, m.query, m.variables, { key });
      expect(result.body.errors, name).toBeUndefined();
    }
    // importRecords, createEntity and recordAgreement created 3 nodes; delete and merge removed 2.
    expect((await graphCounts(db)).nodes).toBe(before.nodes + 1);
  });

  it('the default anonymous role lets local use read, not write, without a key', async () => {
    const local = testApp(db, { ACCORD_ANONYMOUS_ROLE: '' }).app;
    const read = await post(local, '{ organisation(id: "org-bjut") { name } }');
    expect(read.body).toEqual({ data: { organisation: { name: '北京工业大学' } } });
    const before = await graphCounts(db);
    const write = await post(
      local,
      `mutation { addAlias(id: "org-bjut", alias: "本地", source: "${SRC}") { id } }`,
    );
    expect(codes(write)).toEqual(['UNAUTHENTICATED']);
    expect(write.body.errors[0].message).toMatch(/addAlias needs the editor role/);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('a revoked key stops working without a restart', async () => {
    const query = '{ version }';
    const extra = keysFile();
    const { app: own } = testApp(db, {
      ACCORD_KEYS_FILE: extra.file,
      ACCORD_ANONYMOUS_ROLE: 'none',
    });
    expect((await post(own, query, {}, { key: extra.reader })).status).toBe(200);
    revokeKey(extra.file, 'test-reader');
    await expect
      .poll(async () => (await post(own, query, {}, { key: extra.reader })).status, {
        timeout: 10_000,
        interval: 500,
      })
      .toBe(401);
    expect((await post(own, query, {}, { key: extra.editor })).status).toBe(200);
  });

  it('the graph exports need a reader too', async () => {
    const path = 'http://accord.test/export/graph.json';
    const anonymous = await app.fetch(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await app.fetch(path, { headers: { authorization: 'Bearer nope' } });
    expect(forged.status).toBe(401);
    const reader = await app.fetch(path, { headers: { authorization: `Bearer ${keys.reader}` } });
    expect(reader.status).toBe(200);
    expect(await reader.text()).toContain('org-bjut');
  });

  it('logs key names and roles, never keys', async () => {
    await post(app, '{ version }', {}, { key: keys.admin });
    const text = logs.raw.join('\n');
    for (const key of [keys.reader, keys.editor, keys.admin]) expect(text).not.toContain(key);
    expect(logs.lines().some((l) => l.keyName === 'test-admin' && l.role === 'admin')).toBe(true);
    expect(logs.lines().some((l) => l.msg === 'access denied' && l.keyName === 'test-reader')).toBe(
      true,
    );
  });
});

/** Strings that would do harm if any code pasted them into Cypher or Lucene syntax. */
const HOSTILE = [
  '}) MATCH (n) DETACH DELETE n //',
  "' }) MATCH (n) DETACH DELETE n //",
  '" }) MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  'x` DETACH DELETE n //',
  "\\' OR 1=1 //",
  '\u0027) CALL db.labels() YIELD label RETURN label //',
  '\\u0027}) MATCH (n) DETACH DELETE n //',
  'a\nMATCH (n) DETACH DELETE n',
  '$param {x} [y] *:* name:x~ AND OR NOT -z +w "q" /r/ \\',
  '/* comment */ RETURN 1;',
  '💥\u202eevil\u200b',
];

describe('CSRF', () => {
  it('bodies a web page can send cross-site without a preflight run nothing, even for a writing anonymous role; JSON does', async () => {
    const open = testApp(db, { ACCORD_ANONYMOUS_ROLE: 'editor' }).app;
    const write = `mutation { addAlias(id: "org-bjut", alias: "跨站", source: "${SRC}") { id } }`;
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: write }));
    form.set('map', '{}');
    const simple: [string, RequestInit][] = [
      [
        'form',
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query: write }).toString(),
        },
      ],
      ['multipart', { body: form }],
      [
        'text',
        { headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: write }) },
      ],
      ['none', { body: JSON.stringify({ query: write }) }],
    ];
    const before = await graphCounts(db);
    for (const [name, init] of simple) {
      const answer = await raw(open, '/graphql', { method: 'POST', ...init });
      expect(answer.status, name).toBe(415);
      expect(codes(answer), name).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    }
    expect(await graphCounts(db)).toEqual(before);
    // What GraphiQL and the explorer send: a JSON body, which a browser preflights cross-site.
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const read = await raw(open, '/graphql', {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ query: '{ organisation(id: "org-bjut") { name } }' }),
      });
      expect(read.body, type).toEqual({ data: { organisation: { name: '北京工业大学' } } });
    }
  });
});

describe('Cypher injection', () => {
  const lookups = (s: string) => ({
    query: `query ($s: String!, $id: ID!) {
      node(id: $id) { id }
      organisation(name: $s) { id }
      person(name: $s) { id }
      agreement(name: $s) { id }
      event(name: $s) { id }
      region(name: $s) { id }
      initiative(name: $s) { id }
      source(id: $id) { id }
      role(id: $id) { id }
      organisations(kind: $s, region: $s) { totalCount }
      people(organisation: $s, title: $s) { totalCount }
      agreements(party: $s, signatory: $s, attendee: $s, kind: $s, region: $s) { totalCount }
      partners(of: $id) { partner { id } }
      connections(from: $id, to: $id) { length }
      neighbourhood(ids: [$id]) { nodes { id } }
      timeline(of: $id) { date }
      search(text: $s) { entity { id } }
    }`,
    variables: { s, id: s },
  });

  it('every string argument of every query takes hostile text as plain text', async () => {
    const before = await graphCounts(db);
    for (const s of HOSTILE) {
      const { query, variables } = lookups(s);
      const result = await post(app, query, variables, { key: keys.reader });
      expect(result.status, s).toBe(200);
      for (const error of result.body.errors ?? []) {
        expect(error.extensions.code, `${s}: ${error.message}`).toBe('BAD_USER_INPUT');
      }
      expect(result.body.data.organisation, s).toBeNull();
      expect(result.body.data.node, s).toBeNull();
      // The same as literals in the document, escaped as GraphQL strings.
      const literal = await post(
        app,
        `{ organisation(name: ${JSON.stringify(s)}) { id } search(text: ${JSON.stringify(s)}) { entity { id } } }`,
        {},
        { key: keys.reader },
      );
      expect(literal.status, s).toBe(200);
      expect(literal.body.data?.organisation ?? null, s).toBeNull();
      // Relationship types are checked against the model's list.
      const types = await post(
        app,
        'query ($s: String!) { neighbourhood(ids: ["org-bjut"], relationTypes: [$s]) { nodes { id } } }',
        { s },
        { key: keys.reader },
      );
      expect(codes(types), s).toEqual(['BAD_USER_INPUT']);
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it('hostile text in every string field of imported and written records is stored as written', async () => {
    const before = await graphCounts(db);
    const records = HOSTILE.map((s, i) => ({
      type: 'organisation',
      id: `org-hostile-${i}`,
      name: `名${i} ${s}`,
      nameEn: s,
      aliases: [s, `${s} 2`],
      kind: 'other',
      sources: [SRC],
    }));
    const imported = await post(
      app,
      'mutation ($r: [JSON!]!) { importRecords(records: $r) { ok errorCount errors { message } } }',
      { r: records },
      { key: keys.editor },
    );
    expect(imported.body.data.importRecords).toMatchObject({ ok: true, errorCount: 0 });
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes + HOSTILE.length,
      relationships: before.relationships,
    });
    for (const [i, s] of HOSTILE.entries()) {
      const id = `org-hostile-${i}`;
      const read = await post(
        app,
        'query ($id: ID!) { organisation(id: $id) { name nameEn aliases } }',
        { id },
        { key: keys.reader },
      );
      expect(read.body.data.organisation, s).toEqual({
        name: `名${i} ${s}`,
        nameEn: s,
        aliases: [s, `${s} 2`],
      });
      // Written through the other mutations too.
      const written = await post(
        app,
        `mutation ($id: ID!, $s: String!, $set: JSON) {
          updateEntity(id: $id, set: $set, source: "${SRC}") { nameEn }
          addAlias(id: $id, alias: $s, source: "${SRC}") { aliases }
        }`,
        { id, s: `${s} 3`, set: { nameEn: `${s} 4` } },
        { key: keys.editor },
      );
      expect(written.body.errors, s).toBeUndefined();
      expect(written.body.data.updateEntity.nameEn).toBe(`${s} 4`);
      expect(written.body.data.addAlias.aliases).toContain(`${s} 3`);
      // And found by search as text (search needs a word character to match).
      const found = await post(
        app,
        'query ($s: String!) { search(text: $s, kinds: [ORGANISATION]) { entity { id } } }',
        { s: `名${i}` },
        { key: keys.reader },
      );
      expect(
        found.body.data.search.map((h: { entity: { id: string } }) => h.entity.id),
        s,
      ).toContain(id);
    }
    // Relationship types and ids are checked, never spliced into a query.
    for (const s of HOSTILE) {
      const link = await post(
        app,
        `mutation ($s: String!) { link(from: "org-bjut", type: $s, to: "org-hostile-0", source: "${SRC}") { status } }`,
        { s },
        { key: keys.editor },
      );
      expect(codes(link), s).toEqual(['BAD_USER_INPUT']);
      const del = await post(
        app,
        'mutation ($s: ID!) { deleteEntity(id: $s) { id } }',
        { s },
        { key: keys.admin },
      );
      expect(codes(del), s).toEqual(['NOT_FOUND']);
    }
    expect(await graphCounts(db)).toEqual({
      nodes: before.nodes + HOSTILE.length,
      relationships: before.relationships,
    });
  });
});
