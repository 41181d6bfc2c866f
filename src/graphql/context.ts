/**
 * What every resolver receives: the database seen through a per-request counter of round
 * trips to Neo4j, and the per-request loaders built on it.
 */
import type { Database } from '../db/driver.ts';
import { createLoaders, type Loaders } from '../graph/loaders.ts';

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Queries sent to Neo4j while answering this request (an object: yoga copies the context). */
  stats: { roundTrips: number };
}

export function createContext(db: Database): Context {
  const stats = { roundTrips: 0 };
  const observed = db.observed(() => {
    stats.roundTrips += 1;
  });
  return { db: observed, loaders: createLoaders(observed), stats };
}
