import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, DatabaseUnavailableError } from '../../src/db/driver.ts';
import { startService } from '../../src/server/serve.ts';
import { testConfig, testEnv } from '../support/db.ts';
import { type CuttableLink, startCuttableLink } from '../support/link.ts';

const run = promisify(execFile);

describe('connecting to Neo4j', () => {
  it('names the URI when nothing listens there', async () => {
    const db = createDatabase(testConfig({ uri: 'bolt://127.0.0.1:1' }).neo4j);
    const started = Date.now();
    await expect(db.verify()).rejects.toThrow(DatabaseUnavailableError);
    await expect(db.verify()).rejects.toThrow(/unreachable at bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await db.close();
  });

  it('says the password is wrong when it is', async () => {
    const db = createDatabase(testConfig({ password: 'not-the-password' }).neo4j);
    await expect(db.verify()).rejects.toThrow(
      /refused user "neo4j": wrong NEO4J_USER or NEO4J_PASSWORD/,
    );
    await db.close();
  });

  it("names the query that failed, read or written, and keeps Neo4j's code", async () => {
    const db = createDatabase(testConfig().neo4j);
    const broken = { name: 'test/broken', text: 'RETURN 1 / $zero AS x' };
    for (const attempt of [
      () => db.read(broken, { zero: 0 }),
      () => db.write(broken, { zero: 0 }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({
        query: 'test/broken',
        code: 'Neo.ClientError.Statement.ArithmeticError',
      });
    }
    // the stack trace capture is off only while a statement is handed over
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
    await db.close();
  });

  it('the service exits within 10 s with the URI when Neo4j is down', async () => {
    const started = Date.now();
    const failed = await run('node', ['src/main.ts'], {
      env: testEnv({ NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' }),
      timeout: 20_000,
    }).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Neo4j is unreachable at bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('/health and /ready', () => {
  let proxy: CuttableLink;
  let service: Awaited<ReturnType<typeof startService>>;
  let base: string;

  beforeAll(async () => {
    proxy = await startCuttableLink(testConfig().neo4j.uri);
    service = await startService(testConfig({ uri: proxy.uri }));
    base = service.url.replace('/graphql', '');
  });
  afterAll(async () => {
    await service.stop();
    await proxy.close();
  });

  it('GraphiQL answers { __typename }', async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    const page = await fetch(service.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('GraphiQL');
  });

  it('/ready flips to 503 while Neo4j is away and back to 200 when it returns', async () => {
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    await proxy.cut();
    const down = await fetch(`${base}/ready`);
    expect(down.status).toBe(503);
    const reason = await down.text();
    expect(reason).toMatch(/database unavailable/);
    expect(reason).not.toContain(proxy.uri);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await proxy.restore();
    await expect
      .poll(async () => (await fetch(`${base}/ready`)).status, { timeout: 15_000 })
      .toBe(200);
  });
});
