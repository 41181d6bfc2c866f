/**
 * Rows split into transactions that can run at once without taking a lock on one node twice
 * ("mix and batch"): concurrent transactions that touch one node wait for each other's locks
 * and can deadlock. Node rows are split by id. Relationship rows touch both ends: every node
 * falls into one of 2 × writers parts by a hash of its id, the rows between parts i and j form
 * bucket {i, j}, and each round runs one bucket of every pair of a perfect matching of the
 * parts (the circle method of round-robin tournaments), so no two transactions of a round share
 * a part, and so no node. The rows within one part go with the first round, whose matching
 * covers every part once. A relationship always falls into one bucket, so rows of one
 * relationship (united beforehand) never meet in two transactions.
 */

import { hash } from './hash.ts';

/** Node rows in one round of at most `writers` transactions, disjoint by id. */
export function nodeRounds<T extends { id: string }>(rows: T[], writers: number): T[][][] {
  const parts: T[][] = Array.from({ length: writers }, () => []);
  for (const row of rows) parts[hash(row.id) % writers]?.push(row);
  return [parts.filter((part) => part.length > 0)];
}

/** Relationship rows in rounds of at most `writers` transactions, no two of a round sharing a node. */
export function relationshipRounds<T extends { from: string; to: string }>(
  rows: T[],
  writers: number,
): T[][][] {
  if (writers <= 1) return rows.length > 0 ? [[rows]] : [];
  const parts = 2 * writers;
  const buckets = new Map<number, T[]>();
  const bucket = (i: number, j: number) => buckets.get(Math.min(i, j) * parts + Math.max(i, j));
  for (const row of rows) {
    const i = hash(row.from) % parts;
    const j = hash(row.to) % parts;
    const key = Math.min(i, j) * parts + Math.max(i, j);
    const found = buckets.get(key);
    if (found) found.push(row);
    else buckets.set(key, [row]);
  }
  const rounds: T[][][] = [];
  const n = parts - 1;
  for (let r = 0; r < n; r++) {
    // The circle method: part n meets part r, and part r + k meets part r - k (mod n).
    const pairs: [number, number][] = [[n, r]];
    for (let k = 1; k < parts / 2; k++) pairs.push([(r + k) % n, (r - k + n) % n]);
    const round: T[][] = [];
    for (const [i, j] of pairs) {
      const within = r === 0 ? [...(bucket(i, i) ?? []), ...(bucket(j, j) ?? [])] : [];
      const transaction = [...(bucket(i, j) ?? []), ...within];
      if (transaction.length > 0) round.push(transaction);
    }
    if (round.length > 0) rounds.push(round);
  }
  return rounds;
}
