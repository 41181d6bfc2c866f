/**
 * The benchmark waits for what a load measurement left running in Neo4j before the next
 * (bench/lib/quiet.ts): at 1M, 32 of the peer's abandoned list statements, seconds of Neo4j CPU
 * each, ran on into Accord's measurement. A statement left running is waited for, or ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quiet, RUNNING } from '../../bench/lib/quiet.ts';
import type { Database } from '../../src/db/driver.ts';
import { freshDatabase } from '../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

/** A statement that runs until it is done or ended, its client not waiting for it. */
function leftRunning(rows: number) {
  const session = db.driver.session();
  const state = { settled: false, failed: false };
  const done = session
    .run('UNWIND range(1, $rows) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n', { rows })
    .then(
      () => undefined,
      () => {
        state.failed = true;
      },
    )
    .finally(() => {
      state.settled = true;
      return session.close();
    });
  return { state, done };
}

/** Until Neo4j shows the statement running (the driver sends it asynchronously). */
async function seenRunning() {
  while ((await db.read(RUNNING)).length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('quiet: Neo4j idle before a measurement', () => {
  it('waits for a statement left running', async () => {
    const left = leftRunning(30_000_000);
    await seenRunning();
    const result = await quiet(db);
    expect(left.state.settled).toBe(true);
    expect(left.state.failed).toBe(false);
    expect(result.terminated).toBe(0);
    await left.done;
  });

  it('ends a statement that outlasts the wait', async () => {
    const left = leftRunning(2_000_000_000);
    await seenRunning();
    const result = await quiet(db, { limitMs: 300 });
    expect(result.terminated).toBe(1);
    await left.done;
    expect(left.state.failed).toBe(true);
    expect(await quiet(db, { limitMs: 0 })).toEqual({
      waitedMs: expect.any(Number),
      terminated: 0,
    });
  });
});
