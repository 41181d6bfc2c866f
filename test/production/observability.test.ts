import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { classify } from '../../src/server/errors.ts';
import { freshDatabase } from '../support/db.ts';
import { keysFile, post, raw, testApp } from './support.ts';

let db: Database;

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
});
afterAll(() => db.close());

/** A database whose every query fails the way a bug would: with Cypher in the message. */
function brokenDatabase(real: Database): Database {
  const fail = async () => {
    throw new Error(
      "Neo.ClientError.Statement.SyntaxError: Invalid input 'X' (line 1): MATCH (n:SecretLabel) RETURN n.password",
    );
  };
  const broken: Database = {
    ...real,
    read: fail,
    write: fail,
    writeTransaction: fail,
    autoCommit: fail,
    observed: () => broken,
  };
  return broken;
}

describe('logs', () => {
  it('one JSON line per request: request id, operation, status, duration, round trips, role', async () => {
    const { app, logs } = testApp(db);
    const answer = await post(
      app,
      'query Partners { organisation(id: "org-bjut") { name agreements { name parties { organisation { name } } } } }',
    );
    expect(answer.body.errors).toBeUndefined();
    const id = answer.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = logs.lines().find((l) => l.reqId === id && l.msg === 'request');
    expect(line).toMatchObject({
      level: 30,
      service: 'accord',
      operation: 'Partners',
      type: 'query',
      method: 'POST',
      path: '/graphql',
      status: 200,
      roundTrips: 1, // the organisation with its agreements and their parties, ahead (lookahead)
      role: 'admin',
    });
    expect(line?.ms).toEqual(expect.any(Number));
    expect(line?.time).toEqual(expect.any(String));
  });

  it("keeps a client's x-request-id", async () => {
    const { app, logs } = testApp(db);
    const answer = await post(
      app,
      '{ version }',
      {},
      { headers: { 'x-request-id': 'lb-1234-abcd' } },
    );
    expect(answer.headers.get('x-request-id')).toBe('lb-1234-abcd');
    expect(logs.lines().some((l) => l.reqId === 'lb-1234-abcd')).toBe(true);
    const odd = await post(app, '{ version }', {}, { headers: { 'x-request-id': 'no spaces {}' } });
    expect(odd.headers.get('x-request-id')).not.toBe('no spaces {}');
  });
});

describe('masked errors', () => {
  it('a failure shows no Cypher or stack, only a request id that finds the whole error in the log', async () => {
    const { app, logs } = testApp(brokenDatabase(db));
    const answer = await post(app, 'query Look { organisation(id: "org-bjut") { name } }');
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toMatch(/MATCH|SecretLabel|password|Neo\.ClientError|at .*\.ts/);
    const [error] = answer.body.errors;
    const id = answer.headers.get('x-request-id');
    expect(error).toMatchObject({
      message: 'Unexpected error.',
      path: ['organisation'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id },
    });
    const logged = logs.lines().find((l) => l.reqId === id && l.msg === 'masked error');
    expect(logged).toMatchObject({ level: 50, operation: 'Look', path: 'organisation' });
    const err = logged?.err as { message: string; stack: string };
    expect(err.message).toContain('MATCH (n:SecretLabel)');
    expect(err.stack).toContain('observability.test.ts');
    expect(logs.lines().find((l) => l.reqId === id && l.msg === 'request')).toMatchObject({
      errors: ['INTERNAL_SERVER_ERROR'],
    });
  });

  it('Neo4j being away or slow gets a code of its own', () => {
    expect(
      classify(
        new Neo4jError(
          'Could not connect',
          'ServiceUnavailable',
          '08000',
          'error: connection exception',
        ),
      ),
    ).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      status: 503,
    });
    expect(
      classify(
        new Neo4jError(
          'The transaction has been terminated',
          'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
          '25N05',
          'error: invalid transaction state',
        ),
      ),
    ).toMatchObject({ code: 'TIMEOUT', status: 504 });
    expect(classify(new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Unexpected error.',
    });
  });
});

describe('/metrics', () => {
  it('counts requests and durations by operation, errors by code, Neo4j queries, imported records, process metrics', async () => {
    const { app } = testApp(db);
    await post(app, 'query Named { organisation(id: "org-bjut") { name } }');
    await post(app, 'query Named { organisation(id: "org-bjut") { name } }');
    await post(app, '{ agreements(first: 101) { totalCount } }');
    await post(app, 'mutation Load($r: [JSON!]!) { importRecords(records: $r) { ok } }', {
      r: [
        { type: 'organisation', id: 'org-m1', name: '测一', sources: ['src-bjut-news-2023-12-22'] },
        { type: 'organisation', id: 'org-m2', name: '测二', sources: ['src-bjut-news-2023-12-22'] },
      ],
    });
    await post(app, 'mutation { importRecords(records: [{type: "organisation"}]) { ok } }');
    const metrics = await raw(app, '/metrics', {});
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = metrics.text;
    expect(text).toContain(
      'accord_graphql_requests_total{operation="Named",type="query",status="200"} 2',
    );
    expect(text).toMatch(
      /accord_graphql_request_duration_seconds_count\{operation="Named",type="query"\} 2/,
    );
    expect(text).toContain('accord_graphql_errors_total{code="BAD_USER_INPUT"} 1');
    expect(text).toMatch(/accord_neo4j_queries_total\{query="planner\/lookup"\} \d+/);
    expect(text).toMatch(
      /accord_neo4j_query_duration_seconds_bucket\{le="0.005",query="planner\/lookup"\}/,
    );
    expect(text).toMatch(/accord_neo4j_round_trips_per_request_count \d+/);
    expect(text).toContain('accord_import_records_total{outcome="written"} 2');
    expect(text).toContain('accord_import_records_total{outcome="invalid"} 1');
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
  });

  it('keeps operation-name labels few', async () => {
    const { app } = testApp(db);
    for (let i = 0; i < 210; i++) await post(app, `query Op${i} { version }`);
    const text = (await raw(app, '/metrics', {})).text;
    expect(text).toContain(
      'accord_graphql_requests_total{operation="other",type="query",status="200"} 10',
    );
  });

  it('ACCORD_METRICS_ROLE closes /metrics to requests without a key of that role', async () => {
    const keys = keysFile();
    const { app } = testApp(db, {
      ACCORD_KEYS_FILE: keys.file,
      ACCORD_ANONYMOUS_ROLE: 'none',
      ACCORD_METRICS_ROLE: 'admin',
    });
    const as = (key?: string) =>
      raw(app, '/metrics', key ? { headers: { authorization: `Bearer ${key}` } } : {});
    const anonymous = await as();
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain('accord_');
    expect((await as('not-a-key')).status).toBe(401);
    const reader = await as(keys.reader);
    expect(reader.status).toBe(403);
    expect(reader.text).not.toContain('accord_');
    const admin = await as(keys.admin);
    expect(admin.status).toBe(200);
    expect(admin.text).toMatch(/process_resident_memory_bytes \d+/);
    // Unset, it stays open, as a scraper on the internal network expects.
    expect(
      (await raw(testApp(db, { ACCORD_ANONYMOUS_ROLE: 'none' }).app, '/metrics', {})).status,
    ).toBe(200);
  });
});
