import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import type { Service } from '../../src/server/serve.ts';
import { seededService } from '../support/api.ts';
import { runFuzz } from './fuzz/run.ts';

/** The short run; `npm run fuzz` runs a long one. */
const COUNT = Number(process.env.ACCORD_FUZZ_COUNT ?? 600);
const SEED = Number(process.env.ACCORD_FUZZ_SEED ?? 6);

let db: Database;
let service: Service;

beforeAll(async () => {
  ({ db, service } = await seededService('silent'));
});
afterAll(async () => {
  await service.stop();
  await db.close();
});

describe('fuzz', () => {
  it(`${COUNT} generated operations, valid and invalid, queries and mutations: no 5xx, no internal error`, async () => {
    const report = await runFuzz({
      url: service.url,
      count: COUNT,
      seed: SEED,
      mutations: true,
    });
    const { findings, ...counts } = report;
    console.log(`fuzz (seed ${SEED}):`, JSON.stringify(counts));
    expect(
      findings.map(
        (f) => `${f.why}: ${f.operation.body.slice(0, 300)} -> ${f.response.slice(0, 300)}`,
      ),
    ).toEqual([]);
    expect(report.sent).toBe(COUNT);
    // The generator is useful only if a fair share of its valid operations get through.
    expect(report.clean).toBeGreaterThan(COUNT * 0.15);
    expect((await fetch(service.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});
