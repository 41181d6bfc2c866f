import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import type { Service } from '../../src/server/serve.ts';
import { seededService } from '../support/api.ts';
import { graphCounts } from '../support/db.ts';
import { post, raw, testApp } from './support.ts';

let db: Database;
let service: Service;

beforeAll(async () => {
  ({ db, service } = await seededService('warn'));
});
afterAll(async () => {
  await service.stop();
  await db.close();
});

interface Sent {
  status: number;
  text: string;
  ms: number;
}

async function send(
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const started = performance.now();
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body as BodyInit,
  });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}

const gql = (query: string, variables: Record<string, unknown> = {}) =>
  send(JSON.stringify({ query, variables }));

/** A 4xx, or a 200 whose errors say what is wrong; never a 5xx, never data where it failed. */
function refusedClearly(answer: Sent, message: RegExp) {
  expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
  expect(answer.status, answer.text).toBeLessThan(500);
  const body = JSON.parse(answer.text);
  expect(body.errors?.length, answer.text).toBeGreaterThan(0);
  expect(body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
  for (const error of body.errors) {
    expect(error.extensions?.code, answer.text).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions?.requestId, answer.text).toEqual(expect.any(String));
    // The parser's own error (JSON.parse's message, a SyntaxError's name) is not the client's business.
    expect(error.extensions?.originalError, answer.text).toBeUndefined();
  }
}

const nest = (depth: number) =>
  `{ organisation(id: "org-bjut") { ${'parent { '.repeat(depth)}name${' }'.repeat(depth)} } }`;

describe('bad input over HTTP', () => {
  it('malformed bodies get 400 with the reason', async () => {
    refusedClearly(await send('{"query": "{ version }"'), /POST body sent invalid JSON/);
    refusedClearly(await send('not json at all'), /invalid JSON/);
    refusedClearly(await send('null'), /expected to be object/);
    refusedClearly(await send('"{ version }"'), /expected to be object/);
    refusedClearly(await send('[{"query": "{ version }"}]'), /./);
    refusedClearly(await send('{}'), /Must provide query string/);
    refusedClearly(await send('{"query": 42}'), /query.*string/i);
    refusedClearly(await send('{"query": "{ version }", "variables": "x"}'), /variables/i);
    refusedClearly(await send(new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d])), /invalid JSON/);
    const text = await send('{ version }', { 'content-type': 'text/plain' });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });

  it('syntax errors, unknown fields, wrong variable types', async () => {
    refusedClearly(await gql('{ version '), /Syntax Error/);
    refusedClearly(await gql('{ nothingHere }'), /Cannot query field "nothingHere"/);
    refusedClearly(
      await gql('query ($f: Int) { agreements(first: $f) { totalCount } }', { f: 'many' }),
      /Variable "\$f" got invalid value "many"; Int cannot represent non-integer value/,
    );
    refusedClearly(
      await gql('query ($id: ID!) { node(id: $id) { id } }', { id: { $gt: '' } }),
      /Variable "\$id" got invalid value/,
    );
    refusedClearly(
      await gql('query ($id: ID!) { node(id: $id) { id } }'),
      /of required type "ID!" was not provided/,
    );
  });

  it('oversized bodies get 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ query: '{ version }', variables: { pad: 'x'.repeat(3_000_000) } });
    const sized = await send(big);
    expect(sized.status).toBe(413);
    refusedClearly(sized, /Request body too large/);
    // Chunked: no Content-Length, the limit counts the bytes as they arrive.
    const sendChunked = (body: string) =>
      new Promise<Sent>((resolve, reject) => {
        const started = performance.now();
        const url = new URL(service.url);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
            // A connection of its own: the refused one is not read to its end.
            agent: false,
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started }),
            );
          },
        );
        req.on('error', reject);
        // In pieces of 100 kB (an empty one would end a chunked body).
        for (let at = 0; at < body.length; at += 100_000) req.write(body.slice(at, at + 100_000));
        req.end();
      });
    const chunked = await sendChunked(big);
    expect(chunked.status).toBe(413);
    // Within the limit, a chunked body is read as any other.
    const small = await sendChunked(JSON.stringify({ query: '{ version }' }));
    expect(small.status).toBe(200);
    expect(JSON.parse(small.text).data.version).toEqual(expect.any(String));
  });

  it('oversized strings within the body limit are refused by the argument rules', async () => {
    refusedClearly(
      await gql('query ($t: String!) { search(text: $t) { kind } }', { t: '工'.repeat(200_000) }),
      /text/,
    );
    const before = await graphCounts(db);
    refusedClearly(
      await gql('mutation ($r: JSON!) { createEntity(record: $r) { id } }', {
        r: {
          type: 'organisation',
          id: 'org-long',
          name: 'x'.repeat(1_000_000),
          sources: ['src-bjut-news-2023-12-22'],
        },
      }),
      /name/,
    );
    expect(await graphCounts(db)).toEqual(before);
    const long = await gql('query ($n: String!) { organisation(name: $n) { id } }', {
      n: 'y'.repeat(1_000_000),
    });
    expect(long.status).toBe(200);
    expect(JSON.parse(long.text)).toMatchObject({ data: { organisation: null } });
  });

  it('hostile shapes are refused in milliseconds, before Neo4j: depth, aliases, tokens, directives, cost, fragment cycles', async () => {
    const cases: [string, RegExp][] = [
      [nest(11), /Query depth limit of 10 exceeded, found 13/],
      [`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: version`).join(' ')} }`, /aliases/i],
      [`{ version ${' __typename'.repeat(3000)} }`, /token/i],
      [`{ version ${'@include(if: true) '.repeat(60)} }`, /directives/i],
      [
        '{ agreements(first: 100) { nodes { parties { organisation { agreements { parties { organisation { agreements { name parties { order } } } } } } } } } }',
        /cost/i,
      ],
      [
        '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
        /Cannot spread fragment "A" within itself/,
      ],
    ];
    for (const [query, message] of cases) {
      const answer = await gql(query);
      refusedClearly(answer, message);
      expect(answer.ms, query).toBeLessThan(500);
    }
  });

  it('huge page sizes, hop counts and depths, bad cursors', async () => {
    refusedClearly(
      await gql('{ agreements(first: 1000000) { totalCount } }'),
      /Query Cost limit of 20000 exceeded/,
    );
    refusedClearly(
      await gql('{ agreements(first: 101) { totalCount } }'),
      /first must be at most 100, got 101/,
    );
    refusedClearly(
      await gql('{ agreements(first: 99999999999) { totalCount } }'),
      /Int cannot represent non 32-bit signed integer/,
    );
    refusedClearly(
      await gql('{ agreements(first: -1) { totalCount } }'),
      /first must not be negative/,
    );
    refusedClearly(await gql('{ agreements(after: "bm9wZQ") { totalCount } }'), /not a cursor/);
    refusedClearly(await gql('{ search(text: "x", first: 51) { kind } }'), /first/);
    refusedClearly(await gql('{ timeline(first: 1000000) { date } }'), /Cost limit/);
    refusedClearly(await gql('{ timeline(first: 1001) { date } }'), /first/);
    refusedClearly(
      await gql('{ connections(from: "org-bjut", to: "org-bei-group", maxHops: 100) { length } }'),
      /maxHops/,
    );
    refusedClearly(
      await gql('{ neighbourhood(ids: ["org-bjut"], depth: 50) { truncated } }'),
      /depth/,
    );
    const ids = JSON.stringify(Array.from({ length: 500 }, (_, i) => `x${i}`));
    refusedClearly(
      await send(
        JSON.stringify({
          query: 'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }',
          variables: { ids: JSON.parse(ids) },
        }),
      ),
      /ids/,
    );
  });

  it('invalid dates and unknown enum values', async () => {
    refusedClearly(
      await gql('{ agreements(from: "2023-02-30") { totalCount } }'),
      /"2023-02-30" is not a date/,
    );
    refusedClearly(await gql('{ agreements(from: "yesterday") { totalCount } }'), /not a date/);
    refusedClearly(await gql('{ timeline(from: 20231222) { date } }'), /not a date/);
    refusedClearly(
      await gql('query ($d: Date) { timeline(to: $d) { date } }', { d: '2023-13' }),
      /not a date/,
    );
    refusedClearly(
      await gql('{ search(text: "x", kinds: [DRAGON]) { kind } }'),
      /Value "DRAGON" does not exist in "Kind" enum/,
    );
    refusedClearly(
      await gql('query ($k: [Kind!]) { search(text: "x", kinds: $k) { kind } }', { k: ['person'] }),
      /Value "person" does not exist in "Kind" enum/,
    );
    refusedClearly(await gql('{ agreements(orderBy: RANDOM) { totalCount } }'), /RANDOM/);
  });

  it('lone surrogates in strings are BAD_USER_INPUT naming the argument and field, nothing written', async () => {
    const before = await graphCounts(db);
    const SRC = 'src-bjut-news-2023-12-22';
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [
        'mutation ($r: JSON!) { createEntity(record: $r) { id } }',
        { r: { type: 'person', id: 'p-lone', name: '甲\ud800', sources: [SRC] } },
        'record',
        /^record\.name: holds a lone surrogate \\ud800/,
      ],
      [
        'mutation ($r: [JSON!]!) { importRecords(records: $r) { ok } }',
        { r: [{ type: 'person', id: 'p-lone', name: '甲', aliases: ['\udc00'], sources: [SRC] }] },
        'records',
        /^records\[0\]\.aliases\[0\]: holds a lone surrogate \\udc00/,
      ],
      [
        `mutation ($a: String!) { addAlias(id: "org-bjut", alias: $a, source: "${SRC}") { id } }`,
        { a: '\ud83d' },
        'alias',
        /^alias: holds a lone surrogate \\ud83d/,
      ],
    ];
    for (const [query, variables, argument, message] of cases) {
      const answer = await gql(query, variables);
      refusedClearly(answer, message);
      const [error] = JSON.parse(answer.text).errors;
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    // In the document itself, GraphQL's lexer refuses it.
    refusedClearly(
      await gql(`mutation { addAlias(id: "org-bjut", alias: "\ud83d", source: "${SRC}") { id } }`),
      /Invalid character within String: U\+D83D/,
    );
    expect(await graphCounts(db)).toEqual(before);
    // A whole surrogate pair is a character, and passes.
    const pair = await gql('query ($t: String!) { search(text: $t) { kind } }', {
      t: '\ud83d\ude00',
    });
    expect(JSON.parse(pair.text).errors).toBeUndefined();
    // The same operation again (one parsed document, walked once): each request's values are checked.
    refusedClearly(
      await gql('query ($t: String!) { search(text: $t) { kind } }', { t: 'x\udfff' }),
      /^text: holds a lone surrogate \\udfff/,
    );
  });

  it('methods: mutations over GET and other verbs are refused', async () => {
    const get = await fetch(
      `${service.url}?query=${encodeURIComponent('mutation { deleteEntity(id: "org-bjut") { id } }')}`,
    );
    expect(get.status).toBe(405);
    const put = await fetch(service.url, { method: 'PUT', body: '{}' });
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(put.status).toBeLessThan(500);
  });

  it('the process is still up and serving', async () => {
    expect((await fetch(service.url.replace('/graphql', '/health'))).status).toBe(200);
    const answer = await gql('{ organisation(id: "org-bjut") { name } }');
    expect(JSON.parse(answer.text)).toEqual({ data: { organisation: { name: '北京工业大学' } } });
  });
});

describe('switches', () => {
  it('introspection and GraphiQL off', async () => {
    const { app } = testApp(db, { ACCORD_INTROSPECTION: 'false', ACCORD_GRAPHIQL: 'false' });
    const answer = await post(app, '{ __schema { types { name } } }');
    expect(answer.body.errors[0].message).toMatch(/introspection has been disabled/);
    expect((await post(app, '{ __typename version }')).body.data.__typename).toBe('Query');
    const page = await raw(app, '/graphql', { headers: { accept: 'text/html' } });
    expect(page.text).not.toContain('GraphiQL');
    const on = testApp(db).app;
    expect((await post(on, '{ __schema { queryType { name } } }')).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('CORS: listed origins only', async () => {
    const { app } = testApp(db, { ACCORD_CORS_ORIGINS: 'https://a.example, https://b.example' });
    const preflight = (origin: string) =>
      raw(app, '/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('https://a.example')).headers.get('access-control-allow-origin')).toBe(
      'https://a.example',
    );
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).not.toBe('https://evil.example');
    const none = testApp(db, { ACCORD_CORS_ORIGINS: 'none' }).app;
    const answer = await raw(none, '/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate limit: 429 with Retry-After past the limit, per key or per address', async () => {
    const { app } = testApp(db, { ACCORD_RATE_LIMIT: '5', ACCORD_TRUST_PROXY: 'true' });
    const from = (address: string) =>
      post(app, '{ version }', {}, { headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.1')).status).toBe(200);
    const limited = await from('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Rate limit exceeded: 5 requests a minute; retry after \d+ s/),
      extensions: { code: 'RATE_LIMITED' },
    });
    expect((await from('10.0.0.2')).status).toBe(200);
    expect((await raw(app, '/health', {})).status).toBe(200);
  });
});
