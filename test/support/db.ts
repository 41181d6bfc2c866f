/** Connecting tests to the Neo4j chosen by global-setup, and resetting the graph between files. */
import { inject } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { cypher } from '../../src/db/cypher.ts';
import { createDatabase, type Database } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * What every test's service differs in from the defaults: requests without a key may do
 * anything, so that only the access-control tests need keys (they set their own roles).
 */
export const TEST_ENV = { ACCORD_ANONYMOUS_ROLE: 'admin' } as const;

/** The configuration a test process would get from its environment, pointed at the test Neo4j. */
export function testConfig(overrides: Partial<Config['neo4j']> = {}): Config {
  const neo4j = inject('neo4j');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', ...TEST_ENV });
  config.neo4j = {
    ...config.neo4j,
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    ...overrides,
  };
  return config;
}

/** The environment for a child process (the CLI, the service) pointed at the test Neo4j. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const neo4j = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    ACCORD_SEED: 'false',
    ...TEST_ENV,
    ...extra,
  };
}

/** A migrated database with an empty graph. Close it in afterAll. */
export async function freshDatabase(): Promise<Database> {
  const db = createDatabase(testConfig().neo4j);
  await db.verify();
  await migrate(db);
  await resetGraph(db);
  return db;
}

export async function resetGraph(db: Database): Promise<void> {
  await db.autoCommit(cypher('test/reset'));
}

export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(cypher('test/counts'));
  return { nodes: row?.nodes as number, relationships: row?.relationships as number };
}
