/**
 * The synthetic graphs the benchmarks load: bench/generate.ts's output for an entity count and
 * seed, generated once into bench/data/ and reused (the output is deterministic).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './neo4j.ts';
import { timed } from './process.ts';

export const DATA_DIR = join(ROOT, 'bench/data');

/** The NDJSON file of `entities` generated entities with `seed`, generated when missing. */
export async function generatedFile(
  entities: number,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<string> {
  const file = join(DATA_DIR, `entities-${entities}-seed-${seed}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  log(`generating ${entities} entities → ${file}`);
  const run = await timed([
    process.execPath,
    join(ROOT, 'bench/generate.ts'),
    '--entities',
    String(entities),
    '--seed',
    String(seed),
    '--out',
    file,
  ]);
  if (run.code !== 0) throw new Error(run.stderr);
  return file;
}
