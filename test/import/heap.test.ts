/**
 * A large import restarts under a limit on V8's old generation (src/import/heap.ts), so that V8
 * collects before garbage piles up far beyond what the batches hold.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importHeapMb, LARGE_IMPORT_BYTES, wantsHeapLimit } from '../../src/import/heap.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-heap-'));
const small = join(dir, 'small.ndjson');
const large = join(dir, 'large.ndjson');
writeFileSync(small, '{}\n');
writeFileSync(large, '');
truncateSync(large, LARGE_IMPORT_BYTES);

/** The heap limit, in MB, of a Node that calls limitHeap(files, 256) and then reports it. */
async function heapAfterLimit(files: string[]): Promise<number> {
  const script = `
    import { getHeapStatistics } from 'node:v8';
    import { limitHeap } from './src/import/heap.ts';
    limitHeap(${JSON.stringify(files)}, 256);
    console.log(getHeapStatistics().heap_size_limit / 2 ** 20);`;
  const env = { ...process.env, NODE_OPTIONS: '' };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    { env },
  );
  return Number(stdout.trim());
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
    expect(await heapAfterLimit([small])).toBeGreaterThan(1024);
    expect(await heapAfterLimit([large])).toBeLessThan(512);
  });
});
