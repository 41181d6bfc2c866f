/**
 * A large import restarts under a limit on V8's old generation and a small young generation
 * (src/import/heap.ts), so that V8 collects before garbage piles up far beyond what the batches
 * hold.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_SEMI_SPACE_MB,
  importHeapMb,
  LARGE_IMPORT_BYTES,
  wantsHeapLimit,
} from '../../src/import/heap.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-heap-'));
const small = join(dir, 'small.ndjson');
const large = join(dir, 'large.ndjson');
writeFileSync(small, '{}\n');
writeFileSync(large, '');
truncateSync(large, LARGE_IMPORT_BYTES);

/** The heap limit, in MB, and V8 flags of a Node that calls limitHeap(files, 256). */
async function heapAfterLimit(files: string[]): Promise<{ mb: number; flags: string[] }> {
  const script = `
    import { getHeapStatistics } from 'node:v8';
    import { limitHeap } from './src/import/heap.ts';
    limitHeap(${JSON.stringify(files)}, 256);
    console.log(JSON.stringify({
      mb: getHeapStatistics().heap_size_limit / 2 ** 20,
      flags: process.execArgv,
    }));`;
  const env = { ...process.env, NODE_OPTIONS: '' };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    { env },
  );
  return JSON.parse(stdout);
}

describe('the heap of a large import', () => {
  it('is limited for large files only, in proportion to the records held at once', () => {
    const mb = importHeapMb(10_000, 2);
    expect(wantsHeapLimit([small], mb)).toBe(false);
    expect(wantsHeapLimit(['-', small], mb)).toBe(false);
    expect(wantsHeapLimit([large], mb)).toBe(true);
    expect(importHeapMb(1000, 1)).toBe(mb);
    expect(importHeapMb(40_000, 2)).toBe(4 * mb);
  });

  it('restarts the process under the limit for large files, not for small ones', async () => {
    // V8's default here is a quarter of the machine's memory: GBs.
    const unlimited = await heapAfterLimit([small]);
    expect(unlimited.mb).toBeGreaterThan(1024);
    expect(unlimited.flags).not.toContain(`--max-semi-space-size=${IMPORT_SEMI_SPACE_MB}`);
    const limited = await heapAfterLimit([large]);
    expect(limited.mb).toBeLessThan(512);
    // The young generation too: left to V8 it grows to 128 MB.
    expect(limited.flags).toContain(`--max-semi-space-size=${IMPORT_SEMI_SPACE_MB}`);
  });
});
