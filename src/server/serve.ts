/**
 * Starting and stopping the service: connect to Neo4j (failing fast with the URI in the
 * message), apply migrations, load the seed into an empty database, listen, and on
 * SIGTERM/SIGINT drain requests and close the driver.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import { createDatabase, type Database } from '../db/driver.ts';
import { migrate } from '../db/migrate.ts';
import { createApp } from './app.ts';
import { createLogger } from './log.ts';

export interface Service {
  db: Database;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export type Startup = (db: Database) => Promise<void>;

export async function startService(config: Config, startup: Startup[] = []): Promise<Service> {
  const db = createDatabase(config.neo4j);
  try {
    await db.verify();
    await migrate(db);
    for (const step of startup) await step(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const logger = createLogger(config);
  const app = createApp({ db, config, logger });
  const server = createServer(app);
  // Idle keep-alive connections outlive a load balancer's idle timeout (commonly 60 s), so the
  // balancer, not Accord, closes them; a slow client gets 30 s to send its request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  server.listen(config.http.port, config.http.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  logger.info({ port, neo4j: config.neo4j.uri }, 'listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests in flight get a grace period; then whatever is left is cut.
      const grace = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(grace);
      await app.dispose();
      await db.close();
    })();
    return stopping;
  };
  return { db, server, url: `http://${host}:${port}/graphql`, stop };
}
