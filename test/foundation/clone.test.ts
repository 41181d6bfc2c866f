/**
 * A clone of the repository alone passes its tests: no file in it reads a path beside the
 * clone (the shared texts are not there), only paths named by ACCORD_SEED_ARTICLE and
 * ACCORD_CORPUS, which .ci/run sets; a path so named that does not exist is an error.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chromium, outside } from '../support/prerequisites.ts';

// Built from parts so that this file does not name the path it looks for.
const BESIDE = new RegExp(`\\.\\./${'shared'}\\b`);

describe('a clone alone', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('no source, test, bench or script file reads a path beside the repository', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'test', 'bench', 'scripts'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|js|mjs|py|sh|cypher|json)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => BESIDE.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('a file outside is named by its variable: unset is undefined, a missing path an error', () => {
    delete process.env.ACCORD_SEED_ARTICLE;
    expect(outside('ACCORD_SEED_ARTICLE')).toBeUndefined();
    process.env.ACCORD_SEED_ARTICLE = 'data/seed/bjut-2023-12-22.ndjson';
    expect(outside('ACCORD_SEED_ARTICLE')).toMatch(/^\/.*\/data\/seed\/bjut-2023-12-22\.ndjson$/);
    process.env.ACCORD_CORPUS = 'no/such/folder';
    expect(() => outside('ACCORD_CORPUS')).toThrow('ACCORD_CORPUS=no/such/folder: no such file');
    process.env.ACCORD_CHROMIUM = 'README.md';
    expect(() => chromium()).toThrow('ACCORD_CHROMIUM=README.md: not an executable file');
  });
});
