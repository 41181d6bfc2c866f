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
  };
}
