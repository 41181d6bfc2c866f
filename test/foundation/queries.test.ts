/**
 * The query names (src/db/queries.ts, generated from cypher/): current with the files, and
 * every file used. A name without a file fails tsc (`cypher` takes QueryName only); this test
 * fails when a file is added, dropped or its RETURN changed without `npm run cypher:types`, and
 * when no code loads a file any more. No database.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.ts';
import {
  columnsOf,
  QUERIES_FILE,
  queriesModule,
  queryNames,
} from '../../src/db/generate-queries.ts';

/** Queries only the tests run (fixtures, counts, resets): the one allow-list, by folder. */
const TEST_ONLY = 'test/';

/** The TypeScript files under `dir`. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('queries.ts') ? [path] : [];
  });

/**
 * What these files may load: every quoted name (`cypher('graph/related')`, a name handed to a
 * helper that loads it) and every `cypher(\`...\`)` template as a pattern.
 */
function loaded(files: string[]): (name: string) => boolean {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const patterns = texts.flatMap((text) =>
    [...text.matchAll(/cypher\(\s*`([^`]+)`/g)].map(
      ([, template]) =>
        new RegExp(
          `^${(template as string)
            .split(/\$\{[^}]*\}/)
            .map((part) => part.replace(/[/-]/g, '\\$&'))
            .join('[\\w-]+')}$`,
        ),
    ),
  );
  return (name) => texts.some((t) => t.includes(`'${name}'`)) || patterns.some((p) => p.test(name));
}

// A misspelt name does not compile.
// @ts-expect-error there is no cypher/agreements/matchng.cypher
const misspelt = () => cypher('agreements/matchng');

describe('named queries', () => {
  it('takes only names with a file (the line above fails tsc otherwise)', () => {
    expect(misspelt).toThrow(/ENOENT/);
  });

  it('src/db/queries.ts is what the files under cypher/ make (else: npm run cypher:types)', () => {
    expect(readFileSync(QUERIES_FILE, 'utf8')).toBe(queriesModule());
  });

  it('every file is loaded by the service, or, under cypher/test/, by the tests', () => {
    const byService = loaded(sources('src'));
    const byTests = loaded(sources('test'));
    const unused = queryNames().filter((name) =>
      name.startsWith(TEST_ONLY) ? !byTests(name) : !byService(name),
    );
    expect(unused).toEqual([]);
  });

  it('reads the columns of the last top-level RETURN', () => {
    expect(
      columnsOf(`// a comment: RETURN x
        CALL () { MATCH (n) RETURN n.id AS inner }
        WITH collect(x) AS found
        RETURN DISTINCT size(found) AS total, [a IN found | {id: a.id, b: 'RETURN, c'}] AS page,
          key, n.name
        ORDER BY total LIMIT 1`),
    ).toEqual(['total', 'page', 'key', 'n.name']);
    expect(columnsOf('MATCH (n) DETACH DELETE n')).toEqual([]);
  });
});
