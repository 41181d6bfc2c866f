/**
 * `/ready`: 200 when Neo4j answers and every migration is applied, else 503 with a generic
 * reason. A load balancer needs no more; the details (the Bolt URI, the driver's message, the
 * pending migrations) would tell anyone who asks where the database is, so they go to the log.
 * While Neo4j is known to be away the answer comes at once (src/db/driver.ts).
 */
import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Database } from '../../db/driver.ts';
import { migrationStatus } from '../../db/migrate.ts';
import type { Logger } from '../log.ts';

export function useReadiness(db: Database, logger: Logger): Plugin {
  const notReady = (reason: string, detail: string) => {
    logger.warn({ reason, detail }, 'not ready');
    return Response.json({ ready: false, reason }, { status: 503 });
  };
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
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
        return pending.length === 0 || notReady('migrations pending', pending.join(', '));
      } catch (error) {
        return notReady(
          'migrations unchecked',
          error instanceof Error ? error.message : String(error),
        );
      }
    },
  });
}
