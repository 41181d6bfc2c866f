/**
 * The one place that owns the Neo4j driver: its configuration, its lifecycle, and the
 * helpers every repository uses. A read is one auto-commit statement in a READ session (a
 * cluster serves it from followers): one exchange with Neo4j where a managed transaction
 * takes three, 1.1-1.8x the API's throughput (bench/results/README.md). Writes go through
 * `executeWrite`. Both retry transient errors. Integers come back as JavaScript numbers.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
import type { Config } from '../config.ts';
import type { Query } from './cypher.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Neo4j could not be reached or refused our credentials; the message names the URI. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Called once per query sent to Neo4j: the hook for round-trip counts and metrics. */
export type QueryObserver = (query: Query, ms: number) => void;

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  /** Runs one read-only query (auto-commit, retried) and returns its rows as plain objects. */
  read(query: Query, params?: Params): Promise<Row[]>;
  /** Runs one query in a write transaction and returns its rows as plain objects. */
  write(query: Query, params?: Params): Promise<Row[]>;
  /** Runs several queries in one write transaction: all commit or none. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a query outside an explicit transaction (schema changes need this). */
  autoCommit(query: Query, params?: Params): Promise<Row[]>;
  /** A view of this database whose queries are reported to `observer`. */
  observed(observer: QueryObserver): Database;
  /** Resolves when Neo4j answers; rejects with DatabaseUnavailableError otherwise. */
  verify(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A write transaction handed to `writeTransaction`'s work. */
export interface Transaction {
  run(query: Query, params?: Params): Promise<Row[]>;
}

const toRows = (records: Neo4jRecord[]): Row[] => records.map((r) => r.toObject());

/**
 * JavaScript has one number type; Neo4j has INTEGER and FLOAT. Whole numbers in parameters
 * are sent as integers, so that LIMIT accepts them and stored counts and orders stay integers.
 */
function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toParams(v);
    return out;
  }
  return value;
}

export function createDriver(config: Config['neo4j']): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    connectionTimeout: config.connectTimeoutMs,
    connectionAcquisitionTimeout: config.connectTimeoutMs,
    maxTransactionRetryTime: config.connectTimeoutMs,
    userAgent: 'accord',
  });
}

export function createDatabase(config: Config['neo4j'], driver = createDriver(config)): Database {
  return databaseView(driver, config, () => {});
}

function databaseView(driver: Driver, config: Config['neo4j'], observe: QueryObserver): Database {
  const txConfig = config.transactionTimeoutMs > 0 ? { timeout: config.transactionTimeoutMs } : {};
  const sessionConfig = (mode: 'READ' | 'WRITE') => ({
    database: config.database,
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });

  const runIn = async (tx: ManagedTransaction, query: Query, params: Params = {}) => {
    const started = performance.now();
    try {
      return toRows((await tx.run(query.text, toParams(params) as Params)).records);
    } finally {
      observe(query, performance.now() - started);
    }
  };

  const view: Database = {
    driver,
    uri: config.uri,
    async read(query, params = {}) {
      // Auto-commit: one exchange with Neo4j instead of a transaction's begin, run and commit.
      // A read is one statement and changes nothing, so retrying it by hand is safe.
      const deadline = performance.now() + config.connectTimeoutMs;
      for (let attempt = 1; ; attempt++) {
        const session = driver.session(sessionConfig('READ'));
        const started = performance.now();
        try {
          return toRows(
            (await session.run(query.text, toParams(params) as Params, txConfig)).records,
          );
        } catch (error) {
          if (!Neo4jError.isRetryable(error) || performance.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
        } finally {
          observe(query, performance.now() - started);
          await session.close();
        }
      }
    },
    async write(query, params) {
      const session = driver.session(sessionConfig('WRITE'));
      try {
        return await session.executeWrite((tx) => runIn(tx, query, params), txConfig);
      } finally {
        await session.close();
      }
    },
    async writeTransaction(work) {
      const session = driver.session(sessionConfig('WRITE'));
      try {
        return await session.executeWrite(
          (tx) => work({ run: (query, params) => runIn(tx, query, params) }),
          txConfig,
        );
      } finally {
        await session.close();
      }
    },
    async autoCommit(query, params = {}) {
      const session = driver.session(sessionConfig('WRITE'));
      try {
        return toRows(
          (await session.run(query.text, toParams(params) as Params, txConfig)).records,
        );
      } finally {
        await session.close();
      }
    },
    observed(observer) {
      return databaseView(driver, config, (query, ms) => {
        observe(query, ms);
        observer(query, ms);
      });
    },
    async verify(timeoutMs = config.connectTimeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([driver.verifyConnectivity({ database: config.database }), timeout]);
      } catch (error) {
        throw new DatabaseUnavailableError(describeConnectError(config, error));
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => driver.close(),
  };
  return view;
}

function describeConnectError(config: Config['neo4j'], error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Security.Unauthorized') {
    return `Neo4j at ${config.uri} refused user "${config.user}": wrong NEO4J_USER or NEO4J_PASSWORD`;
  }
  return `Neo4j is unreachable at ${config.uri} (${reason}). Start it with \`npm run db:start\` or set NEO4J_URI.`;
}
