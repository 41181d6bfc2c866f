/**
 * The HTTP application: graphql-yoga serving the schema and GraphiQL at /graphql, `/health`
 * (the process is up) and `/ready` (Neo4j answers and every migration is applied).
 */
import { createYoga } from 'graphql-yoga';
import { keyStore } from '../auth/keys.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/driver.ts';
import { createContext } from '../graphql/context.ts';
import { readPersistedOperations } from '../graphql/persisted.ts';
import { createSchema } from '../graphql/schema.ts';
import { maskError } from './errors.ts';
import { createLogger, type Logger, yogaLogger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { pathRoles, useAccessControl } from './plugins/access.ts';
import { useArmor } from './plugins/armor.ts';
import { useBodyLimit } from './plugins/body-limit.ts';
import { useCsrfPrevention } from './plugins/csrf.ts';
import { useExplorer } from './plugins/explorer.ts';
import { useGraphExports } from './plugins/exports.ts';
import { useCompiledExecution } from './plugins/jit.ts';
import { useLogging } from './plugins/logging.ts';
import { useMetrics } from './plugins/metrics.ts';
import { DOCUMENT_ID_PARAM, useAllowList } from './plugins/persisted-operations.ts';
import { useRateLimit } from './plugins/rate-limit.ts';
import { useReadiness } from './plugins/readiness.ts';
import { useRequestInfo } from './plugins/request-info.ts';
import { useRoundTripReport } from './plugins/round-trips.ts';
import { useWellFormedText } from './plugins/well-formed-text.ts';

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
  /** Defaults to the environment's configuration. */
  config?: Config;
  /** Defaults to warnings and errors only, on standard output. */
  logger?: Logger;
}

export function createApp({
  db,
  config = loadConfig(),
  logger = createLogger({ logLevel: 'warn' }),
}: AppOptions) {
  const { security } = config;
  const keys = keyStore(security.keysFile, security.anonymousRole);
  const metrics = createMetrics();
  const measured = db.observed(metrics.observeQuery);
  const schema = createSchema({ planner: config.planner });
  const allowList =
    security.persistedOperationsFile === undefined
      ? undefined
      : readPersistedOperations(security.persistedOperationsFile, schema);
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: security.graphiql ? { title: 'Accord', defaultQuery: DEFAULT_QUERY } : false,
    cors:
      security.corsOrigins === '*'
        ? { credentials: false, exposedHeaders: ['x-request-id', 'retry-after'] }
        : security.corsOrigins.length === 0
          ? false
          : {
              origin: security.corsOrigins,
              credentials: false,
              exposedHeaders: ['x-request-id', 'retry-after'],
            },
    // useBodyLimit below: yoga's own pipes every body through a stream.
    maxRequestBodySize: false,
    extraParamNames: allowList ? [DOCUMENT_ID_PARAM] : [],
    maskedErrors: { maskError },
    logging: yogaLogger(logger),
    context: () => createContext(measured),
    plugins: [
      // Cross-cutting concerns, in the order they meet a request.
      useRequestInfo(),
      useLogging(logger),
      useCsrfPrevention(),
      useRateLimit({
        perMinute: security.rateLimitPerMinute,
        trustProxy: security.trustProxy,
        keys,
      }),
      ...(allowList ? [useAllowList(allowList, keys)] : []),
      useArmor(security),
      useAccessControl(keys, logger, pathRoles(security.metricsRole)),
      // After access control, whose refusal of /metrics must come before it is served.
      useMetrics(metrics),
      useWellFormedText(),
      useRoundTripReport(),
      useGraphExports({ db }),
      useExplorer(),
      useReadiness(db, logger),
      useCompiledExecution(),
      useBodyLimit(security.maxBodyBytes),
    ],
  });
}
