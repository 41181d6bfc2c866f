import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';

/** The Dockerfile and docker-compose.yml cannot run here (no Docker engine): read them. */
describe('the image and the compose file', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');

  it('builds in two stages, production dependencies only, and runs as a user without privileges', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const lines = dockerfile.split('\n');
    const user = lines.findIndex((l) => /^USER node\b/.test(l));
    expect(user).toBeGreaterThan(lines.findIndex((l) => l.startsWith('COPY src')));
    expect(user).toBeLessThan(lines.findIndex((l) => l.startsWith('CMD')));
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/ready/);
  });

  it('starts closed: no access without a key, no GraphiQL, no introspection', () => {
    const env = Object.fromEntries(
      [...dockerfile.matchAll(/(ACCORD_[A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]),
    );
    const { security } = loadConfig(env);
    expect(security).toMatchObject({
      anonymousRole: 'none',
      graphiql: false,
      introspection: false,
    });
  });

  it('compose, for local use, opens the service on loopback only', () => {
    const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
    const accord = compose.services.accord;
    for (const port of accord.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
    expect(() => loadConfig(accord.environment)).not.toThrow();
  });
});
