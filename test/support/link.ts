/**
 * A TCP proxy in front of Neo4j that a test can cut and restore: Neo4j "goes away" for the
 * code under test while the shared server keeps running for the other tests.
 */
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CuttableLink {
  uri: string;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCuttableLink(targetUri: string): Promise<CuttableLink> {
  const target = new URL(targetUri.replace(/^[a-z+]+:/, 'http:'));
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server;

  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    for (const s of sockets) s.destroy();
    await closed;
  };

  await listen();
  return {
    get uri() {
      return `bolt://127.0.0.1:${port}`;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
