/**
 * Names what the tests find missing (test/support/prerequisites.ts: their tests are skipped,
 * or with ACCORD_TEST_STRICT=1 the run stops), then chooses the Neo4j the tests run against, in this order: NEO4J_URI when set; else a
 * testcontainers Neo4j 5.26 when a Docker engine answers; else the local launcher
 * (scripts/neo4j-local.sh) on a port and folder of its own, stopped again at the end.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { ENV_DEFAULTS } from '../../src/config.ts';
import { missingPrerequisites } from './prerequisites.ts';

const run = promisify(execFile);

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  how: 'env' | 'testcontainers' | 'local launcher';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const missing = missingPrerequisites();
  if (missing.length && process.env.ACCORD_TEST_STRICT === '1') {
    throw new Error(`ACCORD_TEST_STRICT=1: every test must run, but\n${missing.join('\n')}`);
  }
  for (const line of missing) console.log(`skipped: ${line}`);
  const user = process.env.NEO4J_USER || ENV_DEFAULTS.NEO4J_USER;
  const password = process.env.NEO4J_PASSWORD || ENV_DEFAULTS.NEO4J_PASSWORD;
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', { uri: process.env.NEO4J_URI, user, password, how: 'env' });
    return;
  }
  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPassword(password)
      .start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      how: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }
  const env = {
    ...process.env,
    NEO4J_BOLT_PORT: process.env.NEO4J_TEST_BOLT_PORT || '7688',
    NEO4J_LOCAL_DIR: process.env.NEO4J_TEST_LOCAL_DIR || '.neo4j/test',
    NEO4J_PASSWORD: password,
  };
  const { stdout } = await run('bash', ['scripts/neo4j-local.sh', 'start'], { env });
  project.provide('neo4j', { uri: stdout.trim(), user, password, how: 'local launcher' });
  return async () => {
    await run('bash', ['scripts/neo4j-local.sh', 'stop'], { env });
  };
}
