/**
 * The two GraphQL servers under test, each a process of its own over the same Neo4j: Accord's
 * service as it ships (`node src/main.ts`, production defaults: request log at info, limits,
 * metrics) and the @neo4j/graphql server in bench/neo4j-graphql/.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Instance } from '../lib/neo4j.ts';
import { ROOT } from '../lib/neo4j.ts';
import { type Server, startServer } from '../lib/process.ts';

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const answers = async (url: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.ok;
};

export async function startAccord(db: Instance): Promise<Server> {
  const port = await freePort();
  return startServer([process.execPath, join(ROOT, 'src/main.ts')], {
    env: { ...db.env, PORT: String(port), HOST: '127.0.0.1', ACCORD_SEED: 'false' },
    url: `http://127.0.0.1:${port}/graphql`,
    ready: answers,
  });
}

export async function startNeo4jGraphql(db: Instance): Promise<Server> {
  const port = await freePort();
  return startServer([process.execPath, join(ROOT, 'bench/neo4j-graphql/server.ts')], {
    env: { ...db.env, PORT: String(port) },
    url: `http://127.0.0.1:${port}/graphql`,
    ready: answers,
  });
}
