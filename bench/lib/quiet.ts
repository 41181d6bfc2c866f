/**
 * Waiting for Neo4j to finish what a load measurement left running. autocannon stops at its
 * duration with requests in flight; their servers' statements keep running in Neo4j (at 1M a
 * question of the peer's costs seconds of Neo4j CPU, and 32 of them were left), so the next
 * measurement, of the other server, paid for them in throughput and in Neo4j CPU a request.
 */
import { withoutComments } from '../../src/db/cypher.ts';
import type { Database } from '../../src/db/driver.ts';
import { benchCypher } from './cypher.ts';

/** Sent without its comments: the statement it leaves out is the one that starts as it does. */
const named = benchCypher('running-transactions');
export const RUNNING = { ...named, text: withoutComments(named.text) };

export interface Quiet {
  /** How long the statements left running took to finish. */
  waitedMs: number;
  /** How many were still running after `limitMs` and were ended. */
  terminated: number;
}

/**
 * Resolves when Neo4j runs no statement but this one's, polling every `everyMs`; statements
 * still running after `limitMs` are terminated (their clients are gone).
 */
export async function quiet(
  db: Database,
  { limitMs = 120_000, everyMs = 100 }: { limitMs?: number; everyMs?: number } = {},
): Promise<Quiet> {
  const started = performance.now();
  for (;;) {
    const running = await db.read(RUNNING);
    const waitedMs = Math.round(performance.now() - started);
    if (running.length === 0) return { waitedMs, terminated: 0 };
    if (waitedMs >= limitMs) {
      const ids = running.map((r) => r.transactionId as string);
      await db.autoCommit(benchCypher('terminate-transactions'), { ids });
      return { waitedMs, terminated: ids.length };
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
