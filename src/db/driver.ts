/**
 * The one place that owns the Neo4j driver: its configuration, its lifecycle, and the
 * helpers every repository uses. A read is one auto-commit statement in a READ session (a
 * cluster serves it from followers): one exchange with Neo4j where a managed transaction
 * takes three, 1.1-1.8x the API's throughput (bench/results/README.md). Writes run in one
 * explicit transaction each. Both retry transient errors (deadlocks, a lost connection), except
 * once Neo4j is known to be away: then every query fails at once (see `reachability`). Integers
 * come back as JavaScript numbers.
 */
import neo4j, {
  type Driver,
  Neo4jError,
  type Record as Neo4jRecord,
  type Transaction as Neo4jTransaction,
  type Result,
  type Session,
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
export type QueryObserver = (query: Query<unknown>, ms: number) => void;

export interface Database {
  readonly driver: Driver;
  readonly uri: string;
  /** Runs one read-only query (auto-commit, retried) and returns its rows as plain objects. */
  read<R>(query: Query<R>, params?: Params): Promise<R[]>;
  /** Runs one query in a write transaction and returns its rows as plain objects. */
  write<R>(query: Query<R>, params?: Params): Promise<R[]>;
  /** Runs several queries in one write transaction: all commit or none. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a query outside an explicit transaction (schema changes need this). */
  autoCommit<R>(query: Query<R>, params?: Params): Promise<R[]>;
  /** A view of this database whose queries are reported to `observer`. */
  observed(observer: QueryObserver): Database;
  /** Resolves when Neo4j answers; rejects with DatabaseUnavailableError otherwise. */
  verify(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A write transaction handed to `writeTransaction`'s work. */
export interface Transaction {
  run<R>(query: Query<R>, params?: Params): Promise<R[]>;
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

/** While Neo4j is away, a query waits at most this long for the probe before its 503 (a busy machine takes 0.3 s to connect). */
const PROBE_WAIT_MS = 900;

/** Neo4j could not be connected to (refused, unreachable, or the connection dropped). */
const isUnreachable = (error: unknown) =>
  error instanceof Neo4jError &&
  (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired');

/**
 * What the driver has learnt about reaching Neo4j. Retrying every query for
 * NEO4J_CONNECT_TIMEOUT_MS made each request wait 10 s for its 503 while Neo4j was down. So
 * the first query that cannot connect marks Neo4j away. From then on a query first asks a
 * probe (one connection attempt, shared by the queries of the moment): if Neo4j answers, the
 * mark is gone and the query runs; if not, or not within PROBE_WAIT_MS, it fails at once. No
 * timer runs in the background, and the first request after Neo4j returns is served.
 */
function reachability(driver: Driver, database: string | undefined) {
  let away = false;
  let probing: Promise<void> | undefined;
  const probe = async () => {
    try {
      await driver.verifyConnectivity({ database });
      away = false;
    } catch {
      // Still away.
    } finally {
      probing = undefined;
    }
  };
  return {
    get away() {
      return away;
    },
    /** Resolves when Neo4j is not known to be away, or answers a probe; else DatabaseUnavailableError. */
    async check() {
      if (!away) return;
      // A refused connection costs a millisecond; requests at the same moment share one.
      probing ??= probe();
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, PROBE_WAIT_MS);
      });
      await Promise.race([probing, waited]);
      clearTimeout(timer);
      if (away) throw new DatabaseUnavailableError('Neo4j is unreachable');
    },
    noted(error: unknown) {
      if (isUnreachable(error)) away = true;
    },
  };
}

type Reachability = ReturnType<typeof reachability>;

/**
 * A statement's rows. neo4j-driver captures and formats its caller's stack for every
 * statement (its Result's constructor) so that a failure can point at the caller; here a
 * failure names its query instead (`error.query`, which the logs show), and the capture is
 * off while the statement is handed over: the formatting cost 10-13 % of the server's CPU on
 * a small question (bench/README.md, session 12).
 */
async function rowsOf<R>(query: Query<R>, run: () => Result): Promise<R[]> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let result: Result;
  try {
    result = run();
  } finally {
    Error.stackTraceLimit = limit;
  }
  try {
    return toRows((await result).records) as R[];
  } catch (error) {
    if (error instanceof Error && !Object.hasOwn(error, 'query')) {
      Object.assign(error, { query: query.name });
    }
    throw error;
  }
}

export function createDriver(config: Config['neo4j']): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
    connectionTimeout: config.connectTimeoutMs,
    connectionAcquisitionTimeout: config.connectTimeoutMs,
    userAgent: 'accord',
  });
}

export function createDatabase(config: Config['neo4j'], driver = createDriver(config)): Database {
  return databaseView(driver, config, reachability(driver, config.database), () => {});
}

function databaseView(
  driver: Driver,
  config: Config['neo4j'],
  reach: Reachability,
  observe: QueryObserver,
): Database {
  const txConfig = config.transactionTimeoutMs > 0 ? { timeout: config.transactionTimeoutMs } : {};
  const sessionConfig = (mode: 'READ' | 'WRITE') => ({
    database: config.database,
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });

  const runIn = async <R>(tx: Neo4jTransaction, query: Query<R>, params: Params = {}) => {
    const started = performance.now();
    try {
      return await rowsOf(query, () => tx.run(query.text, toParams(params) as Params));
    } finally {
      observe(query, performance.now() - started);
    }
  };

  /**
   * Runs `work` in a fresh session; again after a retryable error (a deadlock, a lost
   * connection), for up to NEO4J_CONNECT_TIMEOUT_MS, but once Neo4j cannot be connected to,
   * only if it answers the probe. `work` must be safe to repeat: reads are, and every write is
   * an upsert or checks what it changes.
   */
  const retrying = async <T>(
    mode: 'READ' | 'WRITE',
    work: (session: Session) => Promise<T>,
  ): Promise<T> => {
    const deadline = performance.now() + config.connectTimeoutMs;
    for (let attempt = 1; ; attempt++) {
      await reach.check();
      const session = driver.session(sessionConfig(mode));
      try {
        return await work(session);
      } catch (error) {
        reach.noted(error);
        if (!Neo4jError.isRetryable(error) || performance.now() > deadline) throw error;
        if (!reach.away) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
        }
      } finally {
        await session.close();
      }
    }
  };

  /** One statement outside an explicit transaction, reported to `observe`. */
  const autoCommitted = <R>(mode: 'READ' | 'WRITE', query: Query<R>, params: Params) =>
    retrying(mode, async (session) => {
      const started = performance.now();
      try {
        return await rowsOf(query, () =>
          session.run(query.text, toParams(params) as Params, txConfig),
        );
      } finally {
        observe(query, performance.now() - started);
      }
    });

  const inTransaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    retrying('WRITE', async (session) => {
      const tx = session.beginTransaction(txConfig);
      try {
        const result = await work({ run: (query, params) => runIn(tx, query, params) });
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    });

  const view: Database = {
    driver,
    uri: config.uri,
    // Auto-commit: one exchange with Neo4j instead of a transaction's begin, run and commit.
    read: (query, params = {}) => autoCommitted('READ', query, params),
    write: (query, params) => inTransaction((tx) => tx.run(query, params)),
    writeTransaction: inTransaction,
    autoCommit: (query, params = {}) => autoCommitted('WRITE', query, params),
    observed(observer) {
      return databaseView(driver, config, reach, (query, ms) => {
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
        await reach.check();
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
