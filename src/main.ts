#!/usr/bin/env node
/** The service's entry point: `npm start`. */
import './production.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError } from './db/driver.ts';
import { MigrationError } from './db/migrate.ts';
import { seedIfEmpty } from './seed.ts';
import { startService } from './server/serve.ts';

try {
  const config = loadConfig();
  const startup = config.seedOnStart
    ? [
        async (db: Parameters<typeof seedIfEmpty>[0]) => {
          if (await seedIfEmpty(db))
            console.log('The graph was empty: loaded the seed data (data/seed/).');
        },
      ]
    : [];
  const service = await startService(config, startup);
  console.log(`Accord is serving GraphiQL at ${service.url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: draining requests and closing the Neo4j driver`);
      service.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError
  ) {
    console.error(`accord: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
