/**
 * Named Cypher queries. Every query the code runs lives in a `.cypher` file under cypher/,
 * reviewed as code and loaded by name. One statement is put together from such files: the
 * prefetch (src/graph/prefetch.ts), which writes relationship types of the model into its
 * templates; no user text is ever written into a query, values are parameters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryName, Rows } from './queries.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/**
 * A query file's text with the name it was loaded by (used in logs and metrics); `R` is the
 * row it returns (src/db/queries.ts), which the driver's `read` and `write` give back.
 */
export interface Query<R = unknown> {
  readonly name: string;
  readonly text: string;
  /** Never set: carries the row type. */
  readonly row?: R;
}

const cache = new Map<string, Query<never>>();

/** Loads `cypher/<name>.cypher`, e.g. `cypher('import/upsert-nodes')`; a name without a file fails tsc. */
export function cypher<N extends QueryName>(name: N): Query<Rows[N]> {
  let query = cache.get(name);
  if (!query) {
    query = { name, text: readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').trim() };
    cache.set(name, query);
  }
  return query;
}

/** The text without its comment lines (`//`). */
export const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');

/**
 * Splits a file of several statements (migrations) on semicolons that end a line.
 * Comment lines (`//`) are dropped.
 */
export function statements(text: string): string[] {
  return withoutComments(text)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The `.cypher` files of a folder under cypher/, sorted by name. */
export function listCypherFiles(folder: string): { name: string; path: string }[] {
  const dir = join(CYPHER_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => ({ name: f.replace(/\.cypher$/, ''), path: relative(CYPHER_DIR, join(dir, f)) }));
}

/** The arrows of a relationship pattern followed out, in, or either way: `(a)<left>-[r]-<right>(b)`. */
export const ARROWS: Readonly<Record<string, { left: string; right: string }>> = {
  out: { left: '', right: '>' },
  in: { left: '<', right: '' },
  both: { left: '', right: '' },
};
