/**
 * What every resolver receives: the database, seen through a per-request counter of
 * round trips to Neo4j.
 */
import type { Database } from '../db/driver.ts';

export interface Context {
  db: Database;
  /** Queries sent to Neo4j while answering this request. */
  roundTrips: number;
}

export function createContext(db: Database): Context {
  const context: Context = { db, roundTrips: 0 };
  context.db = db.observed(() => {
    context.roundTrips += 1;
  });
  return context;
}
