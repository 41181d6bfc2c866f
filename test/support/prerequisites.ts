/**
 * What some tests need beyond Node and Neo4j, so that a clone of the repository alone passes:
 * files outside the repository, named by environment variables (never by a path beside the
 * clone: the shared texts belong to their publishers and a clone does not have them); a
 * Chromium for the explorer; a Python with networkx and lxml for the export readers; Maven for
 * the GraphML schema. A test that needs one is skipped when it is missing, and global-setup
 * names each missing one in a line; ACCORD_TEST_STRICT=1 (.ci/run) makes that an error.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { GRAPHML_JAR } from './xsd.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The variables that name files outside the repository, and what each one is. */
export const OUTSIDE = {
  ACCORD_SEED_ARTICLE: 'the seed article, seeds/000_b5ae9e6426149134.txt',
  ACCORD_CORPUS: 'the corpus folder, corpus/',
} as const;

/**
 * The absolute path a variable of OUTSIDE names, or undefined when it is unset. A path that
 * does not exist is an error, not a skip: whoever set it meant those tests to run.
 */
export function outside(variable: keyof typeof OUTSIDE): string | undefined {
  const value = process.env[variable];
  if (!value) return undefined;
  const path = resolve(value);
  if (!existsSync(path)) throw new Error(`${variable}=${value}: no such file or folder`);
  return path;
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first of `names` on PATH. */
export function onPath(...names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** ACCORD_CHROMIUM, else a Chromium or Chrome on PATH (Debian's package is `chromium`). */
export function chromium(): string | undefined {
  const set = process.env.ACCORD_CHROMIUM;
  if (set) {
    if (!executable(set)) throw new Error(`ACCORD_CHROMIUM=${set}: not an executable file`);
    return set;
  }
  return onPath('chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome');
}

let pythonFound: string | null | undefined;
/**
 * A Python that imports networkx and lxml: ACCORD_PYTHON, else the project's .venv (made by
 * scripts/test.sh), else python3 on PATH.
 */
export function python(): string | undefined {
  if (pythonFound === undefined) {
    const candidates = [process.env.ACCORD_PYTHON, join(ROOT, '.venv/bin/python'), 'python3'];
    pythonFound =
      candidates.find((candidate) => {
        if (!candidate) return false;
        try {
          execFileSync(candidate, ['-c', 'import networkx, lxml'], { stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      }) ?? null;
  }
  return pythonFound ?? undefined;
}

/** graphml.xsd is in the Maven cache, or mvn can fetch it (test/support/xsd.ts). */
export const graphmlSchemaReachable = () => existsSync(GRAPHML_JAR) || onPath('mvn') !== undefined;

/** One line for each thing missing: what it is, how to get it, and the tests that need it. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  for (const [variable, what] of Object.entries(OUTSIDE)) {
    if (!outside(variable as keyof typeof OUTSIDE)) {
      missing.push(`${variable} is unset (the tests that read ${what})`);
    }
  }
  if (!chromium()) {
    missing.push(
      'no chromium on PATH, nor ACCORD_CHROMIUM; install Debian’s chromium (the explorer tests)',
    );
  }
  if (!python()) {
    missing.push(
      'no Python with networkx and lxml in .venv, ACCORD_PYTHON or python3; scripts/test.sh makes .venv (the GraphML and GEXF tests)',
    );
  }
  if (!graphmlSchemaReachable()) {
    missing.push('no mvn to fetch graphml.xsd (the GraphML schema test)');
  }
  return missing;
}
