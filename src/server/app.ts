/**
 * The HTTP application: graphql-yoga serving the schema and GraphiQL at /graphql, `/health`
 * (the process is up) and `/ready` (Neo4j answers and every migration is applied).
 */
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Database } from '../db/driver.ts';
import { migrationStatus } from '../db/migrate.ts';
import { createContext } from '../graphql/context.ts';
import { createSchema } from '../graphql/schema.ts';
import { useRoundTripReport } from './plugins/round-trips.ts';

/** What GraphiQL shows first: the seed's agreements, with who, when, where and says who. */
const DEFAULT_QUERY = `# Who signed what with whom, when, where, and says who?
{
  agreements(party: "北京工业大学") {
    totalCount
    nodes {
      name
      nameEn
      signedOn
      parties { organisation { name nameEn } }
      event { name date attendees { person { name } roles { title organisation { name } } } }
      sources { name publishedOn }
    }
  }
}
`;

export interface AppOptions {
  db: Database;
}

export function createApp({ db }: AppOptions) {
  return createYoga({
    schema: createSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'Accord', defaultQuery: DEFAULT_QUERY },
    context: () => createContext(db),
    plugins: [
      useRoundTripReport(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await db.verify(2000);
            const { pending } = await migrationStatus(db);
            if (pending.length > 0) {
              return Response.json(
                { ready: false, reason: `migrations pending: ${pending}` },
                { status: 503 },
              );
            }
            return true;
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return Response.json({ ready: false, reason }, { status: 503 });
          }
        },
      }),
    ],
  });
}
