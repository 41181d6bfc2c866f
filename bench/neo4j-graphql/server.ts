/**
 * The comparison server: @neo4j/graphql's generated API over Accord's Neo4j database (the type
 * definitions beside this file map its labels and relationships), served by graphql-yoga as
 * Accord is. For the benchmark it also counts the Cypher statements it sends and keeps the
 * last ones: GET /bench/queries returns {count, recent: [{text, params}]}, POST resets them.
 *
 *   NEO4J_URI=bolt://... PORT=4100 node bench/neo4j-graphql/server.ts
 *
 * Prints `listening URL` on standard output once it accepts requests.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type Driver } from 'neo4j-driver';

export interface SentQuery {
  text: string;
  params: Record<string, unknown>;
}

/**
 * The driver seen through a counter: every `run` on a session or a transaction it hands out is
 * one Cypher statement sent to Neo4j (a round trip).
 */
export function countingDriver(driver: Driver, onRun: (query: SentQuery) => void): Driver {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'run') {
          return (text: string, params: Record<string, unknown> = {}, ...rest: unknown[]) => {
            onRun({ text, params });
            return value.call(object, text, params, ...rest);
          };
        }
        if (property === 'executeRead' || property === 'executeWrite') {
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            value.call(object, (tx: object) => work(wrap(tx)), ...rest);
        }
        if (property === 'beginTransaction') {
          return (...args: unknown[]) => wrap(value.apply(object, args));
        }
        return value.bind(object);
      },
    });
  return new Proxy(driver, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === 'session') {
        return (...args: unknown[]) => wrap(value.apply(object, args));
      }
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

export async function startComparisonServer(options: {
  uri: string;
  user: string;
  password: string;
  port: number;
}) {
  const typeDefs = readFileSync(new URL('./type-defs.graphql', import.meta.url), 'utf8');
  const base = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    userAgent: 'accord-bench-neo4j-graphql',
  });
  await base.verifyConnectivity();
  let count = 0;
  const recent: SentQuery[] = [];
  const driver = countingDriver(base, (query) => {
    count += 1;
    recent.push(query);
    if (recent.length > 20) recent.shift();
  });
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
  });
  const server = createServer((req, res) => {
    if (req.url === '/bench/queries') {
      if (req.method === 'POST') {
        count = 0;
        recent.length = 0;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ count, recent }));
      return;
    }
    yoga(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(options.port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await base.close();
    },
  };
}

if (import.meta.main) {
  const service = await startComparisonServer({
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'accord-dev-password',
    port: Number(process.env.PORT ?? 4100),
  });
  console.log(`listening ${service.url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      service.stop().then(() => process.exit(0));
    });
  }
}
