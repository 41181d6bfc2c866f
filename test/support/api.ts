/** Running GraphQL operations against the real app (yoga over the test Neo4j) in tests. */
import type { Database } from '../../src/db/driver.ts';
import { seed } from '../../src/seed.ts';
import { createApp } from '../../src/server/app.ts';
import { type Service, startService } from '../../src/server/serve.ts';
import { freshDatabase, testConfig } from './db.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
  extensions?: { roundTrips?: number; [k: string]: unknown };
}

/** A client for the app: `gql(query, variables)` posts to /graphql and returns the JSON body. */
export function apiClient(db: Database, config = testConfig()) {
  const app = createApp({ db, config });
  return async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await app.fetch('http://accord.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-accord-debug': 'true', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

/** A migrated database holding just the seed, and a client for the app over it. */
export async function seededApi(): Promise<{ db: Database; gql: ReturnType<typeof apiClient> }> {
  const db = await freshDatabase();
  await seed(db);
  return { db, gql: apiClient(db) };
}

/** A migrated database holding just the seed, and the whole service listening over it. */
export async function seededService(
  logLevel = 'warn',
): Promise<{ db: Database; service: Service }> {
  const db = await freshDatabase();
  await seed(db);
  const config = testConfig();
  config.logLevel = logLevel;
  return { db, service: await startService(config) };
}
