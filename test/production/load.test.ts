import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load.ts';
import type { Database } from '../../src/db/driver.ts';
import type { Service } from '../../src/server/serve.ts';
import { seededService } from '../support/api.ts';

let db: Database;
let service: Service;

beforeAll(async () => {
  ({ db, service } = await seededService('warn'));
});
afterAll(async () => {
  await service.stop();
  await db.close();
});

describe('load (short form; npm run load for the full one)', () => {
  it('a mixed read workload at 10 connections for 4 s: no errors', async () => {
    const result = await runLoad({ url: service.url, connections: 10, duration: 4, warmup: 1 });
    console.log('load (short):', JSON.stringify({ ...result, operations: undefined }));
    // Speed is for the benchmark (npm run load) to report; here: it ran, and nothing failed.
    expect(result.requests.total).toBeGreaterThan(0);
    expect(result).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0, graphqlErrors: 0 });
  });
});
