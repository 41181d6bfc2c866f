import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { seedIfEmpty } from '../../src/seed.ts';
import { startService } from '../../src/server/serve.ts';
import { accord } from '../support/cli.ts';
import { freshDatabase, graphCounts, resetGraph, testConfig, testEnv } from '../support/db.ts';
import { ndjsonFile, org, SRC, source } from '../support/records.ts';

const exec = promisify(execFile);
const SEED = 'data/seed/bjut-2023-12-22.ndjson';

describe('the accord command line', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.close());

  it('imports the seed, then finds everything unchanged the second time', async () => {
    await resetGraph(db);
    const first = await accord(['import', SEED, '--json']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ ok: true, records: 53, errorCount: 0 });
    const counts = await graphCounts(db);
    const second = JSON.parse((await accord(['import', SEED, '--json'])).stdout);
    expect(await graphCounts(db)).toEqual(counts);
    for (const c of Object.values(second.nodes) as {
      created: number;
      updated: number;
      unchanged: number;
    }[]) {
      expect(c.created + c.updated).toBe(0);
    }
    const plain = await accord(['import', SEED]);
    expect(plain.stdout).toMatch(/53 records imported in/);
    expect(plain.stdout).toMatch(/organisation\s+0\s+0\s+7/);
  });

  it('prints every error with file and line, exits 1, writes nothing', async () => {
    await resetGraph(db);
    const file = ndjsonFile([
      source(),
      org('o-1', '甲', { kind: 'castle' }),
      org('o-2', '乙', { region: 'nowhere' }),
    ]);
    const result = await accord(['import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${file}:2 (o-1): kind: must be one of:`);
    expect(result.stderr).toContain(
      `error: ${file}:3: region: no region has id "nowhere" in the input or the database`,
    );
    expect(result.stderr).toMatch(/3 records invalid: 2 errors, nothing written/);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('reads NDJSON from standard input with -, and --dry-run writes nothing', async () => {
    await resetGraph(db);
    const input = `${JSON.stringify(source())}\n${JSON.stringify(org('o-1', '甲', { sources: [SRC] }))}\n`;
    const dry = await accord(['import', '-', '--dry-run'], input);
    expect(dry.stdout).toMatch(/2 records valid \(dry run: nothing written\)/);
    expect(await graphCounts(db)).toEqual({ nodes: 0, relationships: 0 });
    const real = await accord(['import', '-'], input);
    expect(real.code).toBe(0);
    expect(await graphCounts(db)).toEqual({ nodes: 2, relationships: 0 });
  });

  it('exports what it imported, and rejects bad options clearly', async () => {
    await resetGraph(db);
    await accord(['import', SEED]);
    const out = `${ndjsonFile([])}.export.ndjson`;
    const exported = await accord(['export', '--out', out]);
    expect(exported.stderr).toMatch(/exported 53 records/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(53);
    const bad = await accord(['import', SEED, '--batch-size', 'zero']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--batch-size <n>.*must be a positive integer/);
    const missing = await accord(['import', 'no/such/file.ndjson']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file: no\/such\/file\.ndjson/);
  });

  it('merges duplicates from the command line', async () => {
    await resetGraph(db);
    await accord(['import', ndjsonFile([source(), org('o-1', '甲'), org('o-2', '甲公司')])]);
    const merged = await accord(['merge', 'o-1', 'o-2']);
    expect(merged.stdout).toMatch(/merged o-2 into o-1 \(organisation\)/);
    const refused = await accord(['merge', 'o-1', 'o-404']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/accord: no entity has id "o-404"/);
  });

  it('the service loads the seed into an empty graph at start, and only then', async () => {
    await resetGraph(db);
    expect(await seedIfEmpty(db)).toBe(true);
    const counts = await graphCounts(db);
    expect(counts.nodes).toBe(53);
    expect(await seedIfEmpty(db)).toBe(false);
    await resetGraph(db);
    const service = await startService(testConfig(), [async (d) => void (await seedIfEmpty(d))]);
    expect(await graphCounts(db)).toEqual(counts);
    await service.stop();
  });

  it('`npm run import` passes its arguments through', async () => {
    await resetGraph(db);
    const { stdout } = await exec('npm', ['run', '--silent', 'import', '--', SEED, '--dry-run'], {
      env: testEnv(),
    });
    expect(stdout).toMatch(/53 records valid/);
  });
});
