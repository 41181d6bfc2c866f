import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_DEFAULTS } from '../../src/config.ts';

/** docker-compose.yml cannot run here (no Docker engine); this keeps it honest by reading. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

  it('runs Neo4j 5.26 Community with a volume and a health check', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(compose.volumes).toHaveProperty('neo4j-data');
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
  });

  it('builds the service and waits for Neo4j to be healthy', () => {
    const accord = compose.services.accord;
    expect(accord.build).toBe('.');
    expect(accord.depends_on.neo4j.condition).toBe('service_healthy');
    expect(accord.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it("sets exactly the config module's environment variables", () => {
    expect(Object.keys(compose.services.accord.environment).sort()).toEqual(
      Object.keys(ENV_DEFAULTS).sort(),
    );
  });

  it('lists every variable in the README configuration table', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(ENV_DEFAULTS)) expect(readme).toContain(`| \`${name}\``);
  });
});
