/**
 * `/ready`: 200 when Neo4j answers and every migration is applied, else 503 with a generic
 * reason. A load balancer needs no more; the details (the Bolt URI, the driver's message, the
 * pending migrations) would tell anyone who asks where the database is, so they go to the log.
 * While Neo4j is known to be away the answer comes at once (src/db/driver.ts). The path is
 * compared as a string: yoga's useReadinessCheck tests a URLPattern against every other
 * request, 1.7 % of the server's CPU on a small question (bench/README.md, session 12).
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/driver.ts';
import { migrationStatus } from '../../db/migrate.ts';
import type { Logger } from '../log.ts';

export function useReadiness(db: Database, logger: Logger): Plugin {
  const notReady = (reason: string, detail: string) => {
    logger.warn({ reason, detail }, 'not ready');
    return Response.json({ ready: false, reason }, { status: 503 });
  };
  const check = async (): Promise<Response> => {
    try {
      await db.verify(2000);
    } catch (error) {
      return notReady(
        'database unavailable',
        error instanceof Error ? error.message : String(error),
      );
    }
    try {
      const { pending } = await migrationStatus(db);
      return pending.length === 0
        ? new Response(null, { status: 200 })
        : notReady('migrations pending', pending.join(', '));
    } catch (error) {
      return notReady(
        'migrations unchecked',
        error instanceof Error ? error.message : String(error),
      );
    }
  };
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname === '/ready') return check().then(endResponse);
    },
  };
}
