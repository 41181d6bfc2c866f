/**
 * Configuration from the environment, read once at start. Every variable is listed in the
 * README's configuration table and in docker-compose.yml; a test keeps the three in step.
 */
export interface Config {
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string | undefined;
    /** Milliseconds before a transaction is aborted by the server. */
    transactionTimeoutMs: number;
    /** Milliseconds to wait for Neo4j at start before giving up with a clear error. */
    connectTimeoutMs: number;
  };
  http: { host: string; port: number };
  /** Load the seed data when the database holds no entities at start. */
  seedOnStart: boolean;
  logLevel: string;
  /** `json` (one object a line) or `pretty` (development; needs the pino-pretty dev dependency). */
  logFormat: 'json' | 'pretty';
  security: SecurityConfig;
  /** Answer the root fields it can plan with one compiled statement each (src/planner/). */
  planner: boolean;
}

export const ROLES = ['none', 'reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Access control, abuse limits and what the API shows about itself (see README, "Running in production"). */
export interface SecurityConfig {
  /** The JSON file of hashed API keys (`npm run keys -- add` writes it); undefined: no keys. */
  keysFile: string | undefined;
  /** The role of a request without a key: `reader` (the default: read-only local use), `none` for a deployment. */
  anonymousRole: Role;
  graphiql: boolean;
  introspection: boolean;
  /** Origins allowed by CORS: `*` any, [] none. */
  corsOrigins: '*' | string[];
  maxBodyBytes: number;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Requests per minute per API key (or per client address without one); 0: no limit. */
  rateLimitPerMinute: number;
  /** Take the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  /** The allow-list manifest (`accord persist` writes it); undefined: any operation runs. */
  persistedOperationsFile: string | undefined;
  /** The role `/metrics` needs: `none` (the default) leaves it open, for a scraper on the internal network. */
  metricsRole: Role;
}

/** The environment variables the service reads, with their defaults. */
export const ENV_DEFAULTS = {
  NEO4J_URI: 'bolt://127.0.0.1:7687',
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: 'accord-dev-password',
  NEO4J_DATABASE: '',
  NEO4J_TX_TIMEOUT_MS: '30000',
  NEO4J_CONNECT_TIMEOUT_MS: '10000',
  HOST: '0.0.0.0',
  PORT: '4000',
  ACCORD_SEED: 'true',
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
  ACCORD_KEYS_FILE: '',
  ACCORD_ANONYMOUS_ROLE: 'reader',
  ACCORD_GRAPHIQL: 'true',
  ACCORD_INTROSPECTION: 'true',
  ACCORD_CORS_ORIGINS: '*',
  ACCORD_MAX_BODY_BYTES: '2000000',
  ACCORD_MAX_DEPTH: '10',
  ACCORD_MAX_COST: '20000',
  ACCORD_MAX_ALIASES: '15',
  ACCORD_MAX_TOKENS: '2000',
  ACCORD_MAX_DIRECTIVES: '10',
  ACCORD_RATE_LIMIT: '0',
  ACCORD_TRUST_PROXY: 'false',
  ACCORD_PERSISTED_OPERATIONS: '',
  ACCORD_METRICS_ROLE: 'none',
  ACCORD_PLANNER: 'true',
} as const;

export type EnvName = keyof typeof ENV_DEFAULTS;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function read(env: NodeJS.ProcessEnv, name: EnvName): string {
  const value = env[name];
  return value === undefined || value === '' ? ENV_DEFAULTS[name] : value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: EnvName): number {
  const raw = read(env, name);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: EnvName): boolean {
  const raw = read(env, name).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    neo4j: {
      uri: read(env, 'NEO4J_URI'),
      user: read(env, 'NEO4J_USER'),
      password: read(env, 'NEO4J_PASSWORD'),
      database: read(env, 'NEO4J_DATABASE') || undefined,
      transactionTimeoutMs: positiveInt(env, 'NEO4J_TX_TIMEOUT_MS'),
      connectTimeoutMs: positiveInt(env, 'NEO4J_CONNECT_TIMEOUT_MS'),
    },
    http: { host: read(env, 'HOST'), port: positiveInt(env, 'PORT') },
    seedOnStart: bool(env, 'ACCORD_SEED'),
    logLevel: read(env, 'LOG_LEVEL'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const),
    security: {
      keysFile: read(env, 'ACCORD_KEYS_FILE') || undefined,
      anonymousRole: oneOf(env, 'ACCORD_ANONYMOUS_ROLE', ROLES),
      graphiql: bool(env, 'ACCORD_GRAPHIQL'),
      introspection: bool(env, 'ACCORD_INTROSPECTION'),
      corsOrigins: origins(read(env, 'ACCORD_CORS_ORIGINS')),
      maxBodyBytes: positiveInt(env, 'ACCORD_MAX_BODY_BYTES'),
      maxDepth: positiveInt(env, 'ACCORD_MAX_DEPTH'),
      maxCost: positiveInt(env, 'ACCORD_MAX_COST'),
      maxAliases: positiveInt(env, 'ACCORD_MAX_ALIASES'),
      maxTokens: positiveInt(env, 'ACCORD_MAX_TOKENS'),
      maxDirectives: positiveInt(env, 'ACCORD_MAX_DIRECTIVES'),
      rateLimitPerMinute: positiveInt(env, 'ACCORD_RATE_LIMIT'),
      trustProxy: bool(env, 'ACCORD_TRUST_PROXY'),
      persistedOperationsFile: read(env, 'ACCORD_PERSISTED_OPERATIONS') || undefined,
      metricsRole: oneOf(env, 'ACCORD_METRICS_ROLE', ROLES),
    },
    planner: bool(env, 'ACCORD_PLANNER'),
  };
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: EnvName, values: readonly T[]): T {
  const raw = read(env, name);
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** `*`, or origins separated by commas; `none` allows no cross-origin requests. */
function origins(raw: string): '*' | string[] {
  if (raw.trim() === '*') return '*';
  if (raw.trim() === 'none') return [];
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}
