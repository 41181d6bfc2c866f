import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { freshDatabase, graphCounts, resetGraph, testConfig, testEnv } from '../support/db.ts';
import { type CuttableLink, startCuttableLink } from '../support/link.ts';
import { importRecords, ndjsonFile, person, type Rec, SRC, source } from '../support/records.ts';
import { type App, post, raw, testApp } from './support.ts';

const run = promisify(execFile);

let db: Database;
let link: CuttableLink;
let linked: Database;
let app: App;
let logs: ReturnType<typeof testApp>['logs'];

beforeAll(async () => {
  db = await freshDatabase();
  await seed(db);
  link = await startCuttableLink(testConfig().neo4j.uri);
  linked = createDatabase(testConfig({ uri: link.uri, connectTimeoutMs: 1500 }).neo4j);
  ({ app, logs } = testApp(linked));
});
afterAll(async () => {
  await linked.close();
  await link.close();
  await db.close();
});

const READ = 'query Read { organisation(id: "org-bjut") { name agreements { name } } }';

describe('Neo4j going away while the API serves', () => {
  it('reads and writes fail fast with a masked error and write nothing; all serve again once Neo4j is back, without a restart', async () => {
    expect((await post(app, READ)).body.data.organisation.name).toBe('北京工业大学');
    const before = await graphCounts(db);
    await link.cut();
    try {
      const started = performance.now();
      const answers = await Promise.all([
        ...Array.from({ length: 8 }, () => post(app, READ)),
        post(app, 'mutation Load($r: [JSON!]!) { importRecords(records: $r) { ok } }', {
          r: [{ type: 'organisation', id: 'org-during-outage', name: '断线', sources: [SRC] }],
        }),
      ]);
      // The configured connect timeout is 1.5 s; the driver's retries stop at the same bound.
      expect(performance.now() - started).toBeLessThan(8_000);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('5');
        const [error] = answer.body.errors;
        expect(error.message).toBe('The database is unavailable; try again shortly.');
        expect(error.extensions.code).toBe('DATABASE_UNAVAILABLE');
        expect(error.extensions.requestId).toBe(answer.headers.get('x-request-id'));
        expect(answer.text).not.toMatch(/127\.0\.0\.1|bolt:|ServiceUnavailable|at .*\.js/);
        const logged = logs
          .lines()
          .find((l) => l.reqId === error.extensions.requestId && l.msg === 'masked error');
        expect(logged?.err).toBeDefined();
      }
      expect((await raw(app, '/ready', {})).status).toBe(503);
      expect((await raw(app, '/health', {})).status).toBe(200);
    } finally {
      await link.restore();
    }
    await expect
      .poll(async () => (await post(app, READ)).body.data?.organisation?.name, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe('北京工业大学');
    await expect
      .poll(async () => (await raw(app, '/ready', {})).status, { timeout: 15_000 })
      .toBe(200);
    expect(await graphCounts(db)).toEqual(before);
    const write = await post(
      app,
      'mutation { importRecords(records: [{type: "organisation", id: "org-after", name: "恢复", sources: ["src-bjut-news-2023-12-22"]}]) { ok } }',
    );
    expect(write.body.data.importRecords.ok).toBe(true);
  });

  it('once Neo4j is known to be away every request gets its 503 within 1 s, /ready says only that, and all serve again by themselves', async () => {
    // A link of its own and the default connect timeout (10 s): failing fast must not lean on it.
    const own = await startCuttableLink(testConfig().neo4j.uri);
    const away = createDatabase(testConfig({ uri: own.uri, connectTimeoutMs: 10_000 }).neo4j);
    const served = testApp(away);
    const timed = async <T>(request: Promise<T>) => {
      const started = performance.now();
      const answer = await request;
      return { answer, ms: performance.now() - started };
    };
    try {
      expect((await post(served.app, READ)).body.data.organisation.name).toBe('北京工业大学');
      await own.cut();
      for (let i = 0; i < 4; i++) {
        const answers = await Promise.all([
          timed(post(served.app, READ)),
          timed(
            post(
              served.app,
              'mutation { addAlias(id: "org-bjut", alias: "断线", source: "src-bjut-news-2023-12-22") { id } }',
            ),
          ),
        ]);
        for (const { answer, ms } of answers) {
          expect(ms).toBeLessThan(1000);
          expect(answer.status).toBe(503);
          expect(answer.headers.get('retry-after')).toBe('5');
          expect(answer.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
        }
      }
      const { answer: ready, ms } = await timed(raw(served.app, '/ready', {}));
      expect(ms).toBeLessThan(1000);
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ ready: false, reason: 'database unavailable' });
      // The details are for the log, not for whoever asks.
      const logged = served.logs.lines().find((l) => l.msg === 'not ready');
      expect(JSON.stringify(logged)).toContain(own.uri);
      await own.restore();
      await expect
        .poll(async () => (await post(served.app, READ)).body.data?.organisation?.name, {
          timeout: 5_000,
          interval: 100,
        })
        .toBe('北京工业大学');
      expect((await raw(served.app, '/ready', {})).status).toBe(200);
    } finally {
      await away.close();
      await own.close();
    }
  });

  it('every transaction stops at NEO4J_TX_TIMEOUT_MS', async () => {
    const quick = createDatabase(testConfig({ transactionTimeoutMs: 300 }).neo4j);
    try {
      const started = performance.now();
      const failed = await quick.read(cypher('test/slow')).catch((error) => error);
      expect(failed.code).toMatch(/TransactionTimedOut/);
      expect(performance.now() - started).toBeLessThan(5_000);
      const written = await quick.write(cypher('test/slow')).catch((error) => error);
      expect(written.code).toMatch(/TransactionTimedOut/);
    } finally {
      await quick.close();
    }
  });
});

/** About 2000 records: 50 organisations, 1000 people with a role each. */
function records(): Rec[] {
  const out: Rec[] = [source()];
  for (let i = 0; i < 50; i++)
    out.push({ type: 'organisation', id: `o-${i}`, name: `机构${i}`, sources: [SRC] });
  for (let i = 0; i < 1000; i++) {
    out.push(person(`p-${i}`, `人物${i}`));
    out.push({
      type: 'role',
      id: `r-${i}`,
      person: `p-${i}`,
      organisation: `o-${i % 50}`,
      title: '研究员',
      sources: [SRC],
    });
  }
  return out;
}

describe('Neo4j going away during `accord import`', () => {
  it('the import exits 1 naming the rolled-back batch; a rerun gives exactly the counts of a clean import', async () => {
    const file = ndjsonFile(records());
    await resetGraph(db);
    await importRecords(db, records());
    const clean = await graphCounts(db);
    await resetGraph(db);

    const env = testEnv({ NEO4J_URI: link.uri, NEO4J_CONNECT_TIMEOUT_MS: '1500' });
    const importing = run('node', ['src/cli.ts', 'import', file, '--batch-size', '25'], {
      env,
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error) => ({ code: error.code as number, stderr: String(error.stderr) }),
    );
    let cut = false;
    const watch = (async () => {
      while (!cut) {
        if ((await graphCounts(db)).nodes > 0) {
          await link.cut();
          cut = true;
        } else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const failed = await importing;
    cut = true;
    await watch;
    await link.restore();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/failed in batch(es)? \d+(-\d+)? .*rolled back/);
    const partial = await graphCounts(db);
    expect(partial.nodes).toBeLessThan(clean.nodes);

    const rerun = await run('node', ['src/cli.ts', 'import', file, '--batch-size', '25'], { env });
    expect(rerun.stdout).toMatch(/imported/);
    expect(await graphCounts(db)).toEqual(clean);
    // Three imports and two CLI starts: near a minute on a loaded machine.
  }, 150_000);
});
